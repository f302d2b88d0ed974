package org.commissioning.tracker.query.events;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} in its CSV format (Commons CSV's {@code POSTGRESQL_CSV}:
 * every value quoted, NULL unquoted and empty), for batches into emptied tables
 * ({@link ProcessorBatch#intoEmptyTables()}), which insert without looking for rows already there. For the bulk
 * rebuild's three largest tables, PostgreSQL's backend took 0.58 to 0.70 of the CPU time that the batched multi-row
 * inserts of the same rows took (README, "The rebuild, a fifth pass").
 *
 * <p>Values: {@code null} is NULL; an {@link Instant} or {@link OffsetDateTime} is written to the microsecond, rounded
 * half up as the driver rounds a bound parameter (PostgreSQL, given more digits, rounds half to even), so a row copied
 * holds what the same row inserted holds; a {@code String[]} is a {@code text[]}, its literal made by the driver; an
 * enum its name; anything else its {@code toString()} (numbers, and {@code LocalDate}'s ISO form).
 */
public final class CopyRows {

    private static final CSVFormat FORMAT = CSVFormat.POSTGRESQL_CSV;

    private CopyRows() {
    }

    /**
     * Copies {@code rows} into {@code table}'s {@code columns} (comma-separated, the order of each row's values), in
     * the transaction under way. {@code table} and {@code columns} are the projection's own names, never input.
     */
    public static <T> void copy(JdbcTemplate jdbc, String table, String columns, Collection<T> rows,
                                Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            String sql = "copy " + table + " (" + columns + ") from stdin (format csv)";
            try (var out = new PGCopyOutputStream(con.unwrap(PGConnection.class), sql, 1 << 16);
                 var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT)) {
                for (T row : rows) {
                    Object[] record = values.apply(row);
                    String[] texts = new String[record.length];
                    for (int i = 0; i < record.length; i++) {
                        texts[i] = text(con, record[i]);
                    }
                    printer.printRecord((Object[]) texts);
                }
            } catch (IOException e) {
                // the driver reports PostgreSQL's refusal as an IOException over the SQLException
                throw e.getCause() instanceof SQLException refused ? refused : new SQLException(e);
            }
            return null;
        });
    }

    private static String text(Connection con, Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Instant at -> at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
            case OffsetDateTime at -> at.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
            case String[] array -> con.createArrayOf("text", array).toString();
            case Enum<?> constant -> constant.name();
            default -> value.toString();
        };
    }
}
