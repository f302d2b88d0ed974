package org.commissioning.tracker.query.events;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import de.bytefish.pgbulkinsert.exceptions.BinaryWriteFailedException;
import de.bytefish.pgbulkinsert.exceptions.SaveEntityFailedException;
import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} in its binary format (PgBulkInsert), for batches into
 * emptied tables ({@link ProcessorBatch#intoEmptyTables()}), which insert without looking for rows already there.
 * For the bulk rebuild's three largest tables PostgreSQL's backend took 0.51 to 0.75 of the CPU time that batched
 * multi-row inserts of the same rows took with {@code COPY}'s CSV format ({@code CopyRowsBenchmark}; README, "The
 * rebuild, a fifth pass"); in the binary format it parses nothing (no quoting, no dates or timestamps as text), and for
 * the contracts' event rows took 0.54 of the CSV format's CPU, the application 0.42 of its time writing them
 * (README, "The rebuild, a ninth pass").
 *
 * <p>A table's columns are mapped from a row by a {@link Table}. In the binary format each value must be of its
 * column's type exactly ({@code integer} from an {@code int}, {@code bigint} from a {@code long}); a {@code varchar} or
 * {@code json} column takes text, a {@code text[]} a collection of strings.
 */
public final class CopyRows {

    private CopyRows() {
    }

    /**
     * A table and how each of its columns is taken from a row: a subclass names the table and maps the columns in its
     * constructor, in any order ({@code mapText}, {@code mapDate}, ...). The table's name is the projection's own,
     * never input.
     */
    public abstract static class Table<T> extends AbstractMapping<T> {

        protected Table(String table) {
            super("", table);
        }

        /**
         * An instant to the microsecond, rounded half up as the driver rounds a bound parameter (PostgreSQL, given
         * more digits, rounds half to even), so that a row copied holds what the same row inserted holds.
         */
        protected static ZonedDateTime micros(Instant at) {
            return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
        }
    }

    /** Copies {@code rows} into {@code table}, in the transaction under way. */
    public static <T> void copy(JdbcTemplate jdbc, Table<T> table, Collection<T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try {
                new PgBulkInsert<>(table).saveAll(con.unwrap(PGConnection.class), rows);
            } catch (BinaryWriteFailedException | SaveEntityFailedException e) {
                throw unwrapped(e);
            }
            return null;
        });
    }

    /**
     * What PgBulkInsert wrapped: PostgreSQL's refusal (which surfaces while the rows are sent or as the copy ends) as
     * itself, so that Spring translates it as any statement's; a failure of a row's mapping as itself.
     */
    private static RuntimeException unwrapped(RuntimeException wrapper) throws SQLException {
        for (Throwable cause = wrapper.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException refused) {
                throw refused;
            }
        }
        return wrapper.getCause() instanceof RuntimeException failure ? failure : wrapper;
    }
}
