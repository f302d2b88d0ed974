package org.commissioning.tracker.shared;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.regex.Pattern;

/** The checks value objects share. Each throws {@link InvalidValueException} naming the field. */
public final class Values {

    /** Letters, digits, {@code -}, {@code _}, {@code .}; 1–64 characters (DOMAIN.md, identifiers). */
    public static final String IDENTIFIER_PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final int MAX_TEXT_LENGTH = 2_000;
    public static final int MAX_NAME_LENGTH = 300;
    /** No contract term, option, renewal or notice in this domain comes near a century. */
    public static final int MAX_PERIOD_YEARS = 100;
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2999, 12, 31);

    private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_PATTERN);

    private Values() {
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    public static String identifier(String field, String value) {
        required(field, value);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new InvalidValueException(field,
                    "must be 1 to 64 letters, digits, '-', '_' or '.' (no spaces); got '" + abbreviate(value) + "'");
        }
        return value;
    }

    public static String name(String field, String value) {
        return text(field, value, MAX_NAME_LENGTH);
    }

    public static String text(String field, String value) {
        return text(field, value, MAX_TEXT_LENGTH);
    }

    private static String text(String field, String value, int maxLength) {
        required(field, value);
        if (value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters; got " + value.length());
        }
        printable(field, value);
        return value.strip();
    }

    /**
     * Text is kept in events and read models (PostgreSQL {@code jsonb}, which refuses NUL and unpaired surrogates): no
     * control characters other than tab, line feed and carriage return, and only whole UTF-16 surrogate pairs.
     */
    private static void printable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw new InvalidValueException(field, String.format(
                        "must not contain control characters; found U+%04X at position %d", (int) c, i));
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(field, "must not contain an unpaired surrogate; found at position " + i);
            }
        }
    }

    /** Optional free text (a reason, a description): null stays null, blank becomes null. */
    public static String optionalText(String field, String value) {
        return value == null || value.isBlank() ? null : text(field, value);
    }

    public static LocalDate date(String field, LocalDate value) {
        required(field, value);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new InvalidValueException(field, "must be between " + EARLIEST_DATE + " and " + LATEST_DATE + "; got " + value);
        }
        return value;
    }

    /** A length of time: positive, no negative part, at most a century. */
    public static Period length(String field, Period value) {
        required(field, value);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidValueException(field, "must be a positive period such as P1Y or P3M; got " + value);
        }
        return bounded(field, value);
    }

    /** A notice period: zero allowed, never negative, at most a century. */
    public static Period notice(String field, Period value) {
        required(field, value);
        if (value.isNegative()) {
            throw new InvalidValueException(field, "must not be negative; got " + value);
        }
        return bounded(field, value);
    }

    private static Period bounded(String field, Period value) {
        if (value.toTotalMonths() + value.getDays() / 28 > MAX_PERIOD_YEARS * 12L) {
            throw new InvalidValueException(field, "must be at most P" + MAX_PERIOD_YEARS + "Y; got " + value);
        }
        return value;
    }

    public static <T> List<T> list(String field, List<T> values) {
        required(field, values);
        for (int i = 0; i < values.size(); i++) {
            required(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    public static <T> List<T> nonEmpty(String field, List<T> values) {
        if (list(field, values).isEmpty()) {
            throw new InvalidValueException(field, "must name at least one");
        }
        return List.copyOf(values);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
