package org.commissioning.tracker.shared.procurement;

import java.time.Instant;
import java.util.List;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.HistoryEntry;

/**
 * The audit history of a procurement (API.md, "History entry"), the same as a contract's: the question and its answer.
 * Its entries have the contract history's shape ({@link HistoryEntry}), so that one client reads both; a procurement
 * has no derived entries ({@code derived} is always false).
 */
public final class ProcurementHistoryQueries {

    private ProcurementHistoryQueries() {
    }

    /**
     * Every event of a procurement recorded at or before {@code knownAt} (null: everything recorded so far), in the
     * order recorded (which is also the order they took effect); one page of them. Answered with an
     * {@code Optional<ProcurementHistory>}, empty when no such procurement was known then.
     *
     * @param page zero-based
     */
    public record GetProcurementHistory(ProcurementId procurementId, Instant knownAt, int page, int size) {
    }

    /** One page of a procurement's history ({@code total} entries in all). */
    public record ProcurementHistory(String id, Instant knownAt, List<HistoryEntry> items, int page, int size,
                                     long total) {
    }
}
