package org.commissioning.tracker.shared.keydates;

import java.time.LocalDate;
import org.commissioning.tracker.shared.Values;

/**
 * One dated obligation of a contract (or procurement), before it is placed in a window: its date, kind, an ordinal
 * telling apart obligations of one kind on one date (a review point's number; 0 otherwise) and the line shown.
 */
public record ScheduledDate(LocalDate date, KeyDateKind kind, int ordinal, String detail) {

    public ScheduledDate {
        Values.required("date", date);
        Values.required("kind", kind);
        Values.required("detail", detail);
    }
}
