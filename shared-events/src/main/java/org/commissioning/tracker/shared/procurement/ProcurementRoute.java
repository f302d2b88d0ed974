package org.commissioning.tracker.shared.procurement;

/** How a contract was let (DOMAIN.md). {@code UNDECIDED} while a procurement has not chosen. */
public enum ProcurementRoute {
    OPEN,
    RESTRICTED,
    COMPETITIVE_DIALOGUE,
    COMPETITIVE_WITH_NEGOTIATION,
    COMPETITIVE_FLEXIBLE,
    LIGHT_TOUCH,
    MOST_CAPABLE_PROVIDER,
    PSR_DIRECT_AWARD_A,
    PSR_DIRECT_AWARD_B,
    PSR_DIRECT_AWARD_C,
    PSR_MOST_SUITABLE_PROVIDER,
    PSR_COMPETITIVE,
    ANY_QUALIFIED_PROVIDER,
    DIRECT_AWARD,
    UNDECIDED
}
