package org.commissioning.tracker.query.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes recorded event rows (the columns of {@link RecordedEventRow} under an aggregate's id column and the sequence)
 * in batched upserts, or copied into emptied tables ({@link CopyRows}): SQL rather than JPA, whose save of a row with
 * its own key is a merge, i.e. a select of the row first and one statement per row (the procurements' event rows took
 * over a quarter of a bulk rebuild's writing time that way, for one event in twenty).
 */
public final class RecordedEventRowsSql {

    /** One event's row: {@code aggregateId} goes in the table's id column. */
    public record Row(String aggregateId, long sequence, String type, LocalDate effectiveOn, Instant recordedAt,
                      String recordedBy, String reason, String correlationId, String payload) {
    }

    /** The columns after the aggregate's id column, in the order of a row's values. */
    private static final String COLUMNS = "sequence, type, effective_on, recorded_at, recorded_by, reason, "
            + "correlation_id, payload";

    /** An event row's columns, for a copy. */
    static final class EventRows extends CopyRows.Table<Row> {
        EventRows(String table, String idColumn) {
            super(table);
            mapText(idColumn, Row::aggregateId);
            mapLongPrimitive("sequence", Row::sequence);
            mapText("type", Row::type);
            mapDate("effective_on", Row::effectiveOn);
            mapTimeStampTz("recorded_at", row -> micros(row.recordedAt()));
            mapText("recorded_by", Row::recordedBy);
            mapText("reason", Row::reason);
            mapText("correlation_id", Row::correlationId);
            // json: its binary form is its text, checked by PostgreSQL as the CSV form was
            mapText("payload", Row::payload);
        }
    }

    private RecordedEventRowsSql() {
    }

    /**
     * Stores the rows in {@code table}, each overwriting its own (aggregate, sequence) row if seen before (the last of
     * duplicates wins); in a batch writing into emptied tables ({@link ProcessorBatch#intoEmptyTables()}) copied in
     * ({@link CopyRows}), without PostgreSQL first probing the key of every row. {@code table} and {@code idColumn}
     * are the projection's own names, never input.
     */
    public static void store(JdbcTemplate jdbc, String table, String idColumn, List<Row> rows) {
        Map<String, Row> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.put(row.aggregateId() + '\u0000' + row.sequence(), row));
        if (ProcessorBatch.intoEmptyTables()) {
            CopyRows.copy(jdbc, new EventRows(table, idColumn), unique.values());
            return;
        }
        jdbc.batchUpdate("""
                insert into %1$s (%2$s, %3$s)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))
                on conflict (%2$s, sequence) do update set type = excluded.type,
                    effective_on = excluded.effective_on, recorded_at = excluded.recorded_at,
                    recorded_by = excluded.recorded_by, reason = excluded.reason,
                    correlation_id = excluded.correlation_id, payload = excluded.payload""".formatted(table, idColumn, COLUMNS),
                List.copyOf(unique.values()), 1_000, (ps, row) -> {
            ps.setString(1, row.aggregateId());
            ps.setLong(2, row.sequence());
            ps.setString(3, row.type());
            ps.setObject(4, row.effectiveOn());
            ps.setObject(5, OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC));
            ps.setString(6, row.recordedBy());
            ps.setString(7, row.reason());
            ps.setString(8, row.correlationId());
            ps.setString(9, row.payload());
        });
    }
}
