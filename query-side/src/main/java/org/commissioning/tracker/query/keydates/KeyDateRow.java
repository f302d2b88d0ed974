package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.commissioning.tracker.shared.keydates.KeyDate;
import org.commissioning.tracker.shared.keydates.KeyDateKind;

/** A key date as stored (or expanded from a series), before it is placed in a window. */
record KeyDateRow(LocalDate date, String subjectId, String kind, String subjectType, int ordinal, String title,
                  String detail) {

    /** The list's order, the same as the primary key of {@code key_date}: date, id, kind, subject type, ordinal. */
    static final Comparator<KeyDateRow> ORDER = Comparator.comparing(KeyDateRow::date)
            .thenComparing(KeyDateRow::subjectId)
            .thenComparing(KeyDateRow::kind)
            .thenComparing(KeyDateRow::subjectType)
            .thenComparingInt(KeyDateRow::ordinal);

    /** What tells two rows apart (the primary key). */
    record Key(LocalDate date, String subjectId, String kind, String subjectType, int ordinal) {
    }

    Key key() {
        return new Key(date, subjectId, kind, subjectType, ordinal);
    }

    /** This row with its subject's title and its line. */
    KeyDateRow written(String subjectTitle, String line) {
        return new KeyDateRow(date, subjectId, kind, subjectType, ordinal, subjectTitle, line);
    }

    KeyDate toKeyDate(LocalDate from) {
        boolean contract = Subject.CONTRACT.equals(subjectType);
        return new KeyDate(date, KeyDateKind.valueOf(kind), contract ? subjectId : null, contract ? null : subjectId,
                title, ChronoUnit.DAYS.between(from, date), detail);
    }
}
