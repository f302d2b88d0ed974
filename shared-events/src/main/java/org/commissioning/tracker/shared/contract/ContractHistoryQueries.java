package org.commissioning.tracker.shared.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The audit history of a contract (API.md, "History entry"): the question and its answer. */
public final class ContractHistoryQueries {

    private ContractHistoryQueries() {
    }

    /**
     * Every event of a contract recorded at or before {@code knownAt} (null: everything recorded so far), with the
     * automatic renewals those events imply at renewal points on or before {@code renewalsUpTo}; one page of them.
     * Answered with an {@code Optional<ContractHistory>}, empty when no such contract was known.
     *
     * @param page zero-based
     */
    public record GetContractHistory(ContractId contractId, Instant knownAt, LocalDate renewalsUpTo, int page,
                                     int size) {
    }

    /** One page of a contract's history, in the order things took effect ({@code total} entries in all). */
    public record ContractHistory(String id, Instant knownAt, List<HistoryEntry> items, int page, int size,
                                  long total) {
    }

    /**
     * One entry of the history. A recorded event has its {@code sequence} in the contract's stream, when it was
     * recorded, by whom, why and the correlation id of the request that recorded it; a derived entry (an automatic
     * renewal, {@code derived} true) has none of those: it follows from the terms and the recorded events.
     *
     * @param type    the event's name ({@code ExtensionOptionExercised}), or {@code ContractRenewedAutomatically}
     * @param summary what happened, in words a contract manager reads
     * @param details the event itself, every field as recorded (a derived entry: the {@link DerivedRenewal})
     */
    public record HistoryEntry(
            Long sequence,
            String type,
            LocalDate effectiveOn,
            Instant recordedAt,
            String recordedBy,
            String reason,
            String correlationId,
            String summary,
            Object details,
            boolean derived) {

        /** The type of a derived entry: an automatic renewal, which is not an event. */
        public static final String AUTOMATIC_RENEWAL = "ContractRenewedAutomatically";
    }
}
