package org.commissioning.tracker.shared.keydates;

/**
 * What a key date is (API.md, "Key date"). The first eight are a contract's, the last three a procurement's, listed
 * while it is neither awarded nor abandoned ({@link ProcurementKeyDates}).
 */
public enum KeyDateKind {
    /** The last day in force as the contract runs with what is recorded (none while it renews without limit). */
    END_OF_TERM,
    /** The latest end the terms allow with every option and renewal taken, while it is later than the end of term. */
    MAXIMUM_END,
    /** A renewal point: an automatic renewal that happens, or a renewal by agreement recorded or coming. */
    RENEWAL_POINT,
    /** The last day to serve a non-renewal notice for a renewal point. */
    NON_RENEWAL_NOTICE_DEADLINE,
    /** The last day to exercise the option to extend that is still open. */
    EXTENSION_DECISION_DEADLINE,
    /** The first day no longer in force after a termination or a termination notice. */
    TERMINATION_EFFECTIVE,
    /** A scheduled review point (each occurrence of a recurring one). */
    REVIEW_POINT,
    /** The end of a transition period (a review point of kind TRANSITION_END). */
    TRANSITION_END,
    /** The last day of a procurement's standstill: the contract may be awarded from the day after. */
    STANDSTILL_END,
    /** The award date a procurement planned, while it is not yet awarded. */
    PLANNED_AWARD,
    /** The go-live of the service a procurement planned, while it is not yet awarded. */
    PLANNED_START
}
