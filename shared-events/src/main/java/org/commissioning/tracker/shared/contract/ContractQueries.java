package org.commissioning.tracker.shared.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
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

    /** Days in force and per state and phase as of a date. Answered with an {@code Optional<ContractDurations>}. */
    public record GetContractDurations(ContractId contractId, LocalDate asOf, Instant knownAt) {
    }

    /** A contract's registered facts with its state on {@code asOf} (API.md, "Contract state"). */
    public record ContractDetails(
            String id,
            String title,
            ContractKind kind,
            LocalDate asOf,
            ContractStatus status,
            ContractPhase phase,
            LocalDate startDate,
            LocalDate endDate,
            LocalDate maximumEndDate,
            Period extensionRemaining,
            LocalDate nextRenewalPoint,
            LocalDate nonRenewalNoticeDeadline,
            LocalDate extensionDecisionDeadline,
            boolean runOff,
            NoticeInForce noticeServed,
            LocalDate terminationEffectiveOn,
            LocalDate awardedOn,
            LocalDate commencedOn,
            List<Party> commissioners,
            List<Party> providers,
            Money value,
            ProcurementId procurementId,
            ProcurementRoute procurementRoute,
            int renewalsTaken,
            boolean inTransition,
            LocalDate nextReviewDue,
            ContractTerms terms,
            long version) {

        public static ContractDetails of(ContractRegistered registered, ContractState state, long version) {
            return new ContractDetails(registered.contractId().value(), registered.title(), registered.kind(),
                    state.asOf(), state.status(), state.phase(), state.startDate(), state.endDate(),
                    state.maximumEndDate(), state.extensionRemaining(), state.nextRenewalPoint(),
                    state.nonRenewalNoticeDeadline(), state.extensionDecisionDeadline(), state.runOff(),
                    state.noticeServed(), state.terminationEffectiveOn(), state.awardedOn(), state.commencedOn(),
                    registered.commissioners(), registered.providers(), state.value(), registered.procurementId(),
                    registered.procurementRoute(), state.renewalsTaken(), state.inTransition(), state.nextReviewDue(),
                    registered.terms(), version);
        }
    }

    /**
     * API.md, "Durations": days in force so far, the periods in each state and phase ({@code to} is the first day of
     * the next period, null while open), and the days in force over the whole term as now known (null while it renews
     * without limit).
     */
    public record ContractDurations(String id, LocalDate asOf, long daysInForce, Long totalDaysInForce,
                                    List<StatePeriod> periods) {
    }
}
