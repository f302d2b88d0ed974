package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The date arithmetic of DOMAIN.md, as small pure functions. Months clamp to the month's last day, as
 * {@link LocalDate#plus} does.
 */
public final class DateRules {

    private DateRules() {
    }

    /** The last day in force of a term of {@code length} starting on {@code start}: {@code start + length − 1 day}. */
    public static LocalDate lastDayOfTerm(LocalDate start, Period length) {
        return start.plus(length).minusDays(1);
    }

    /**
     * The last day to act on something that takes effect on {@code point} with {@code notice}: {@code point − notice},
     * never later than the day before {@code point}; the day before {@code point} when no notice period is set (the
     * decision is made while the contract is still in force before it).
     */
    public static LocalDate noticeDeadline(LocalDate point, Period notice) {
        LocalDate dayBefore = point.minusDays(1);
        if (notice == null) {
            return dayBefore;
        }
        LocalDate deadline = point.minus(notice);
        return deadline.isAfter(dayBefore) ? dayBefore : deadline;
    }

    /** Years and months folded together ({@code P18M} is {@code P1Y6M}, {@code P2Y12M} is {@code P3Y}); days kept. */
    public static Period normalized(Period period) {
        long months = period.toTotalMonths();
        return Period.of(Math.toIntExact(months / 12), (int) (months % 12), period.getDays());
    }

    /** Whether {@code a} reaches further than {@code b} when both are added to {@code anchor}: compare dates, not fields. */
    public static boolean isLonger(LocalDate anchor, Period a, Period b) {
        return anchor.plus(a).isAfter(anchor.plus(b));
    }

    /** Days from {@code from} to {@code to}, both included. */
    public static long daysInclusive(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Days from {@code from} to {@code to}, {@code to} excluded. */
    public static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }
}
