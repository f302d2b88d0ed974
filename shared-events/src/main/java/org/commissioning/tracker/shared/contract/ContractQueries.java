package org.commissioning.tracker.shared.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;

/** Questions the query side answers about contracts, and their answers. */
public final class ContractQueries {

    private ContractQueries() {
    }

    /**
     * The contract as of a date, as known at a time ({@code knownAt} null: everything recorded so far).
     * Answered with an {@code Optional<ContractDetails>}, empty when no such contract was known.
     */
    public record GetContract(ContractId contractId, LocalDate asOf, Instant knownAt) {
    }

    /** A contract's registered facts with its state on {@code asOf}. Field names are the API's. */
    public record ContractDetails(
            String id,
            String title,
            ContractKind kind,
            LocalDate asOf,
            LocalDate awardedOn,
            LocalDate startDate,
            LocalDate endDate,
            List<Party> commissioners,
            List<Party> providers,
            Money value,
            ContractTerms terms,
            ProcurementId procurementId,
            ProcurementRoute procurementRoute,
            long version) {
    }
}
