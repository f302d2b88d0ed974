package org.commissioning.tracker.shared.procurement;

/**
 * Where a procurement stands on a date (API.md, "Procurement"). {@code PLANNED} while in the {@code PLANNING} stage,
 * {@code IN_PROGRESS} once any later stage is entered, then {@code AWARDED} or {@code ABANDONED} from the date of the
 * award or abandonment. {@code NOT_YET_PLANNED} answers a question about a date before the procurement's effective date.
 */
public enum ProcurementStatus {
    NOT_YET_PLANNED,
    PLANNED,
    IN_PROGRESS,
    AWARDED,
    ABANDONED;

    /** Awarded or abandoned: nothing more can happen to the procurement itself. */
    public boolean isClosed() {
        return this == AWARDED || this == ABANDONED;
    }
}
