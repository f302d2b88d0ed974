package org.commissioning.tracker.shared.contract;

/**
 * Where a contract stands on a date (DOMAIN.md, "Contract states"). The order is the order a contract moves through
 * them: {@code NOT_YET_AWARDED → AWARDED → ACTIVE → EXPIRED} or {@code TERMINATED}; it never moves back.
 */
public enum ContractStatus {
    /** As of a date before the award: nothing is known yet. */
    NOT_YET_AWARDED,
    /** Awarded, before its start date. */
    AWARDED,
    /** In force: from the start date to the end date inclusive. */
    ACTIVE,
    /** The day after the end date and later. */
    EXPIRED,
    /** From the effective date of a termination (or a termination notice) on. */
    TERMINATED;

    /** Whether the contract can still change: not yet ended. */
    public boolean isLive() {
        return this == NOT_YET_AWARDED || this == AWARDED || this == ACTIVE;
    }
}
