package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.shared.Party;

/** The register: every contract held, one summary each, as of a date (API.md, "Reads"). */
public final class ContractRegisterQueries {

    private ContractRegisterQueries() {
    }

    /**
     * The contracts as of {@code asOf}, with everything recorded so far, optionally only those with a status, of a
     * kind, with a commissioner or a provider (a party's name, any case), or whose end date as of {@code asOf} is
     * before {@code endingBefore}; sorted by id, one page of them. Null filters do not filter.
     *
     * @param page zero-based
     */
    public record GetContractRegister(LocalDate asOf, ContractStatus status, ContractKind kind, String commissioner,
                                      String provider, LocalDate endingBefore, int page, int size) {
    }

    /** One page of the register ({@code total} contracts match in all). */
    public record ContractRegister(LocalDate asOf, List<ContractSummary> items, int page, int size, long total) {
    }

    /** A contract as the register lists it on a date. */
    public record ContractSummary(
            String id,
            String title,
            ContractKind kind,
            ContractStatus status,
            ContractPhase phase,
            LocalDate startDate,
            LocalDate endDate,
            List<Party> commissioners,
            List<Party> providers,
            long version) {
    }
}
