package org.commissioning.tracker.shared;

import java.util.Locale;

/** The stable machine codes of DOMAIN.md, each with the HTTP status it is reported with. */
public enum Rejection {
    UNKNOWN_CONTRACT(404),
    UNKNOWN_PROCUREMENT(404),
    ALREADY_EXISTS(409),
    CONCURRENT_MODIFICATION(409),
    OUT_OF_ORDER(422),
    CONTRACT_NOT_STARTED(422),
    CONTRACT_TERMINATED(422),
    CONTRACT_EXPIRED(422),
    ALREADY_AWARDED(422),
    PROCUREMENT_ABANDONED(422),
    ROUTE_UNDECIDED(422),
    STAGE_OUT_OF_ORDER(422),
    COUNT_EXCEEDS_PREVIOUS_STAGE(422),
    BID_EXCEEDS_MAXIMUM_PRICE(422),
    STANDSTILL_NOT_ENDED(422),
    NO_EXTENSION_OPTION(422),
    EXTENSION_EXCEEDS_OPTION(422),
    EXTENSION_OPTION_EXHAUSTED(422),
    EXTENSION_DEADLINE_PASSED(422),
    NO_RENEWAL_RULE(422),
    NOT_A_RENEWAL_POINT(422),
    ALREADY_RENEWED(422),
    RENEWAL_IS_AUTOMATIC(422),
    RENEWAL_DECLINED(422),
    NOTICE_TOO_SHORT(422),
    NOTICE_ALREADY_SERVED(422),
    COMMENCEMENT_BEFORE_AWARD(422),
    ALREADY_COMMENCED(422),
    UNKNOWN_REVIEW_POINT(422),
    REVIEW_POINT_ALREADY_COMPLETED(422),
    PROJECTION_BEHIND(503),
    /** Operations: the read models' processors cannot be paused while a rebuild replays the store. */
    REBUILD_IN_PROGRESS(409);

    private final int status;

    Rejection(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it appears in problem+json: {@code extension_exceeds_option}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public RuleViolation because(String message) {
        return new RuleViolation(this, message);
    }
}
