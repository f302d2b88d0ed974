package org.commissioning.tracker.shared.contract;

public enum ReviewKind {
    /** A general contract or agreement review (annual review of a section 75 agreement, say). */
    CONTRACT_REVIEW,
    PERFORMANCE_REVIEW,
    FINANCIAL_REVIEW,
    /** A date at which a party may end or reconsider the contract. */
    BREAK_POINT,
    /** The end of a transition period; the contract is in transition until it. */
    TRANSITION_END
}
