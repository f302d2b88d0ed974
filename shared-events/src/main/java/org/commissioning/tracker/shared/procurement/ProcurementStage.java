package org.commissioning.tracker.shared.procurement;

/**
 * The stages of a procurement, in the only order they may be entered (DOMAIN.md): any may be skipped, none re-entered.
 * A new procurement is in {@code PLANNING} from its effective date.
 */
public enum ProcurementStage {
    PLANNING,
    MARKET_ENGAGEMENT,
    EXPRESSIONS_OF_INTEREST,
    SELECTION,
    INVITATION_TO_TENDER,
    DIALOGUE,
    NEGOTIATION,
    FINAL_TENDERS,
    EVALUATION,
    PREFERRED_BIDDER,
    STANDSTILL;

    /** Whether this stage comes after {@code other} in the order above. */
    public boolean isAfter(ProcurementStage other) {
        return ordinal() > other.ordinal();
    }
}
