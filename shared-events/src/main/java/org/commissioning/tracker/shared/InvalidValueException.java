package org.commissioning.tracker.shared;

/**
 * A value that cannot be built: malformed input, reported as 400 {@code validation_failed} with the field at
 * fault. Value objects throw it from their compact constructors, so an invalid value never exists.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same failure, reported under an enclosing field ({@code terms} + {@code startDate}). */
    public InvalidValueException under(String parent) {
        return new InvalidValueException(parent + "." + field, reason());
    }
}
