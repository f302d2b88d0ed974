package org.commissioning.tracker.shared.keydates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.DateRules;

/**
 * A repeating obligation: occurrence {@code k} ({@code firstIndex <= k <= lastIndex}, or without end when
 * {@code lastIndex} is null) falls on {@code anchor + step × k}, the one-anchor rule of {@link ContractTimeline}
 * (months clamp once, never cumulatively), or on the notice deadline before that point. Automatic renewals without a
 * limit and recurring review points of such contracts never end, so they are kept as a series and expanded only for
 * the window asked ({@link #between}); a bounded series is the same thing with a last index.
 *
 * @param ordinal    tells apart series of one kind of one contract (a review point's number; 0 otherwise)
 * @param firstIndex the first occurrence still listed (a recurring review's completed occurrences are listed singly)
 * @param notice     {@link Shape#NON_RENEWAL_DEADLINES}, {@link Shape#AUTOMATIC_RENEWALS}: the rule's notice period,
 *                   null when none is set
 * @param term       {@link Shape#AUTOMATIC_RENEWALS}: what each renewal runs for (the rolling term)
 * @param label      {@link Shape#RECURRING_REVIEWS}: the review point in words
 */
public record DateSeries(Shape shape, KeyDateKind kind, int ordinal, LocalDate anchor, Period step, int firstIndex,
                         Integer lastIndex, Period notice, Period term, String label) {

    public enum Shape {
        /** Renewal point k of an automatic renewal rule: {@code R_0 + interval × k}. */
        AUTOMATIC_RENEWALS,
        /** The last day to serve a non-renewal notice for automatic renewal point k. */
        NON_RENEWAL_DEADLINES,
        /** Occurrence k of a recurring review point: {@code dueOn + recurrence × k}. */
        RECURRING_REVIEWS
    }

    /** More than any real series reaches before {@link LocalDate#MAX}; searches stop there. */
    private static final int INDEX_LIMIT = Integer.MAX_VALUE / 4;

    public DateSeries {
        Values.required("shape", shape);
        Values.required("kind", kind);
        Values.required("anchor", anchor);
        step = Values.length("step", step);
        if (firstIndex < 0) {
            throw new InvalidValueException("firstIndex", "must be 0 or more; got " + firstIndex);
        }
        if (lastIndex != null && lastIndex < firstIndex) {
            throw new InvalidValueException("lastIndex", "must not be before firstIndex " + firstIndex + "; got " + lastIndex);
        }
    }

    /** The renewal point, or due date, of occurrence {@code k}; {@link LocalDate#MAX} beyond the calendar. */
    public LocalDate point(int k) {
        try {
            return anchor.plus(step.multipliedBy(k));
        } catch (DateTimeException | ArithmeticException beyond) {
            return LocalDate.MAX;
        }
    }

    /** The date of occurrence {@code k}: its point, or the notice deadline before it. */
    public LocalDate dateOf(int k) {
        LocalDate point = point(k);
        if (shape != Shape.NON_RENEWAL_DEADLINES || point.equals(LocalDate.MAX)) {
            return point;
        }
        return DateRules.noticeDeadline(point, notice);
    }

    public boolean bounded() {
        return lastIndex != null;
    }

    /** The date of the last occurrence; null for a series without end. */
    public LocalDate lastDate() {
        return lastIndex == null ? null : dateOf(lastIndex);
    }

    /** The occurrences dated from {@code from} to {@code to}, both included, in date order. */
    public List<ScheduledDate> between(LocalDate from, LocalDate to) {
        List<ScheduledDate> found = new ArrayList<>();
        int[] range = indicesBetween(from, to);
        for (int k = range[0]; k <= range[1]; k++) {
            found.add(occurrence(k));
        }
        return found;
    }

    /**
     * The indices {@code {first, last}} of the occurrences dated from {@code from} to {@code to}, both included;
     * {@code first > last} when there are none.
     */
    public int[] indicesBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return new int[] {firstIndex, firstIndex - 1};
        }
        int first = firstOnOrAfter(from);
        int last = lastIndex == null ? INDEX_LIMIT : lastIndex;
        int k = first;
        while (k <= last && !dateOf(k).isAfter(to)) {
            k++;
        }
        return new int[] {first, k - 1};
    }

    /** Occurrence {@code k} as a dated obligation with its line. */
    public ScheduledDate occurrence(int k) {
        return new ScheduledDate(dateOf(k), kind, ordinal, detailOf(k));
    }

    /** The index of the last occurrence dated on or before {@code date}, or −1 when none is ({@code lastIndex} ignored). */
    public int lastIndexOnOrBefore(LocalDate date) {
        int after = firstOnOrAfter(date.plusDays(1));
        return after - 1 < firstIndex ? -1 : after - 1;
    }

    /** The first index from {@code firstIndex} whose date is on or after {@code date} (dates never decrease with k). */
    private int firstOnOrAfter(LocalDate date) {
        int low = firstIndex; // every index below low is before date
        if (!dateOf(low).isBefore(date)) {
            return low;
        }
        int stride = 1;
        int high = low + stride; // dateOf(low) < date
        while (dateOf(high).isBefore(date)) {
            low = high;
            if (stride > INDEX_LIMIT / 2) {
                return INDEX_LIMIT + 1;
            }
            stride *= 2;
            high = low + stride;
        }
        while (high - low > 1) { // dateOf(low) < date <= dateOf(high)
            int middle = low + (high - low) / 2;
            if (dateOf(middle).isBefore(date)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** The line a contract manager reads for occurrence {@code k}. */
    public String detailOf(int k) {
        return switch (shape) {
            case AUTOMATIC_RENEWALS -> "Automatic renewal " + (k + 1) + ": renews for " + term
                    + " unless a non-renewal notice is served by " + DateRules.noticeDeadline(point(k), notice);
            case NON_RENEWAL_DEADLINES -> nonRenewalDeadline(point(k), notice);
            case RECURRING_REVIEWS -> label + " (every " + step + ", occurrence " + (k + 1) + ")";
        };
    }

    /** The line for the last day to serve a non-renewal notice for the renewal on {@code point}. */
    public static String nonRenewalDeadline(LocalDate point, Period notice) {
        return "Last day to serve notice to stop the renewal on " + point
                + (notice == null ? " (no notice period set: the day before it)" : " (notice " + notice + ")");
    }
}
