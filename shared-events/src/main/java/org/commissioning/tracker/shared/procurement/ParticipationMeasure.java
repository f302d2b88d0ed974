package org.commissioning.tracker.shared.procurement;

import java.util.Locale;

/**
 * The participation funnel of a procurement, in funnel order: each count is at most the one before it (a funnel never
 * grows).
 */
public enum ParticipationMeasure {
    /** Organisations that expressed an interest (or requested the documents). */
    EXPRESSIONS_OF_INTEREST,
    /** Those that passed selection (pre-qualification, conditions of participation, the basic selection criteria). */
    PASSED_SELECTION,
    /** Those invited to the next round: shortlisted for dialogue, negotiation or to tender. */
    SHORTLISTED,
    /** Bids (tenders) received. */
    BIDS_RECEIVED;

    /** The measure in words, for messages: "expressions of interest". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
