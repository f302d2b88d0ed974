package org.commissioning.tracker.shared;

/**
 * A command refused by a business rule of DOMAIN.md: 422 (or 404/409 for the codes that say so) with a stable
 * code and a message naming the facts. Nothing is stored when one is thrown.
 */
public final class RuleViolation extends RuntimeException {

    private final Rejection code;

    public RuleViolation(Rejection code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Rejection code() {
        return code;
    }
}
