package org.commissioning.tracker.shared.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A contract's (or procurement's) dated obligations as everything recorded so far has them: single dates, and series
 * that repeat (possibly without end).
 */
public record KeyDateSchedule(List<ScheduledDate> dates, List<DateSeries> series) {

    /** Within one subject: by date, then kind (by name), then ordinal, the order of the key-dates list. */
    public static final Comparator<ScheduledDate> ORDER = Comparator.comparing(ScheduledDate::date)
            .thenComparing(d -> d.kind().name())
            .thenComparingInt(ScheduledDate::ordinal);

    public KeyDateSchedule {
        dates = List.copyOf(dates);
        series = List.copyOf(series);
    }

    /** Every obligation dated from {@code from} to {@code to}, both included, in {@link #ORDER}. */
    public List<ScheduledDate> between(LocalDate from, LocalDate to) {
        List<ScheduledDate> found = new ArrayList<>();
        for (ScheduledDate date : dates) {
            if (!date.date().isBefore(from) && !date.date().isAfter(to)) {
                found.add(date);
            }
        }
        for (DateSeries each : series) {
            found.addAll(each.between(from, to));
        }
        found.sort(ORDER);
        return found;
    }
}
