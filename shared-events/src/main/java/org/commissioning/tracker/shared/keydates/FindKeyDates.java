package org.commissioning.tracker.shared.keydates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Values;

/**
 * Every dated obligation from {@code from} to {@code to}, both included, across the portfolio, computed with
 * everything recorded so far; sorted by date, then id, then kind; one page of them. Answered with a
 * {@link KeyDatePage}. Validates itself: a window that is backwards or longer than {@link #MAX_WINDOW_DAYS} cannot be
 * asked.
 *
 * @param kinds        only these kinds; empty for every kind
 * @param commissioner only contracts with a commissioner (procurements with a buyer) of this name (any case, otherwise
 *                     exact); null for all
 * @param provider     only contracts with a provider of this name (any case, otherwise exact); null for all. A
 *                     procurement has no provider (its bidders provide nothing yet), so this leaves procurements out
 * @param contractId   only this contract; null for all
 * @param procurementId only this procurement; null for all
 * @param page         zero-based
 */
public record FindKeyDates(LocalDate from, LocalDate to, Set<KeyDateKind> kinds, String commissioner,
                           String provider, String contractId, String procurementId, int page, int size) {

    /** {@code to} defaults to {@code from} plus this many days: "within 90 days of from" (DOMAIN.md, windows). */
    public static final int DEFAULT_WINDOW_DAYS = 90;
    /** At most a year and a day between {@code from} and {@code to} (a leap year's window fits). */
    public static final int MAX_WINDOW_DAYS = 366;
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public FindKeyDates {
        from = Values.date("from", from);
        to = Values.date("to", to);
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", "must not be before from (" + from + "); got " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_WINDOW_DAYS) {
            throw new InvalidValueException("to", "the window from " + from + " to " + to + " spans " + days
                    + " days; at most " + MAX_WINDOW_DAYS + " days may be asked at once (page through shorter windows)");
        }
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        commissioner = commissioner == null ? null : Values.name("commissioner", commissioner);
        provider = provider == null ? null : Values.name("provider", provider);
        contractId = contractId == null ? null : Values.identifier("contractId", contractId);
        procurementId = procurementId == null ? null : Values.identifier("procurementId", procurementId);
        if (page < 0) {
            throw new InvalidValueException("page", "must be 0 or more (pages count from 0); got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("size", "must be between 1 and " + MAX_SIZE + "; got " + size);
        }
    }

    /** Every subject's key dates or one contract's (as before procurements were listed). */
    public FindKeyDates(LocalDate from, LocalDate to, Set<KeyDateKind> kinds, String commissioner, String provider,
                        String contractId, int page, int size) {
        this(from, to, kinds, commissioner, provider, contractId, null, page, size);
    }

    /** The window from {@code from}, {@link #DEFAULT_WINDOW_DAYS} long, every kind, the first page. */
    public static FindKeyDates within(LocalDate from) {
        return new FindKeyDates(from, from.plusDays(DEFAULT_WINDOW_DAYS), Set.of(), null, null, null, null, 0,
                DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
