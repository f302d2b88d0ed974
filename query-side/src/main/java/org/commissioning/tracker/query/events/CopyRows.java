package org.commissioning.tracker.query.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes rows with PostgreSQL's {@code COPY ... FROM STDIN} in its CSV format (Commons CSV's {@code POSTGRESQL_CSV}:
 * every value quoted, NULL unquoted and empty), for batches into emptied tables
 * ({@link ProcessorBatch#intoEmptyTables()}), which insert without looking for rows already there. For the bulk
 * rebuild's three largest tables PostgreSQL's backend took 0.51 to 0.75 of the CPU time that the batched multi-row
 * inserts of the same rows took ({@code CopyRowsBenchmark}; README, "The rebuild, a fifth pass").
 *
 * <p>Values: {@code null} is NULL; an {@link Instant} is written to the microsecond, rounded
 * half up as the driver rounds a bound parameter (PostgreSQL, given more digits, rounds half to even), so a row copied
 * holds what the same row inserted holds; a {@code String[]} is a {@code text[]}, its literal made by the driver (once
 * per array instance, so rows sharing an array should share the instance); an enum its name; anything else its
 * {@code toString()} (numbers, and {@code LocalDate}'s ISO form).
 */
public final class CopyRows {

    private static final CSVFormat FORMAT = CSVFormat.POSTGRESQL_CSV;

    /** Characters printed before they are sent. */
    private static final int BLOCK = 1 << 16;

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
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
            try {
                // printed into memory and sent in blocks: printed straight into a stream's writer, Commons CSV's
                // character-by-character appends took a third of the rebuild's writing threads
                StringBuilder block = new StringBuilder(BLOCK + 4_096);
                Sender sender = new Sender(copy);
                CSVPrinter printer = new CSVPrinter(block, FORMAT);
                Map<String[], String> arrays = new IdentityHashMap<>();
                for (T row : rows) {
                    Object[] record = values.apply(row);
                    String[] texts = new String[record.length];
                    for (int i = 0; i < record.length; i++) {
                        texts[i] = record[i] instanceof String[] array ? arrayLiteral(con, array, arrays)
                                : text(record[i]);
                    }
                    printer.printRecord((Object[]) texts);
                    if (block.length() >= BLOCK) {
                        sender.send(block);
                    }
                }
                sender.send(block);
                copy.endCopy();
            } catch (IOException e) {
                throw cancelled(copy, new IllegalStateException("printing into memory failed", e));
            } catch (SQLException e) {
                throw cancelled(copy, e);
            } catch (RuntimeException e) {
                throw cancelled(copy, e);
            }
            return null;
        });
    }

    /** {@code failure}, the copy cancelled first if it is still under way. */
    private static <E extends Exception> E cancelled(CopyIn copy, E failure) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    /**
     * Sends a block's characters as UTF-8 through buffers kept for the whole copy, where making each block a
     * {@code String} and then its bytes copied it twice into new arrays. A block always ends at a row's end, so no
     * character is split between two. Characters that UTF-8 cannot encode (an unpaired surrogate, which the commands
     * refuse) become {@code ?}, as {@link String#getBytes} makes them.
     */
    private static final class Sender {

        private final CopyIn copy;
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private char[] chars = new char[0];
        private ByteBuffer bytes = ByteBuffer.allocate(0);

        Sender(CopyIn copy) {
            this.copy = copy;
        }

        void send(StringBuilder block) throws SQLException {
            int length = block.length();
            if (chars.length < length) {
                chars = new char[length];
                bytes = ByteBuffer.allocate((int) (length * utf8.maxBytesPerChar()));
            }
            block.getChars(0, length, chars, 0);
            bytes.clear();
            utf8.reset();
            // the buffer holds the most bytes the characters can take, so encoding never stops for room
            CoderResult encoded = utf8.encode(CharBuffer.wrap(chars, 0, length), bytes, true);
            if (!encoded.isUnderflow()) {
                throw new IllegalStateException("A block of " + length + " characters did not fit " + bytes.capacity()
                        + " bytes");
            }
            utf8.flush(bytes);
            copy.writeToCopy(bytes.array(), 0, bytes.position());
            block.setLength(0);
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Instant at -> at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
            case Enum<?> constant -> constant.name();
            default -> value.toString();
        };
    }

    /** The literal of a {@code text[]}, made by the driver once per array instance of a copy. */
    private static String arrayLiteral(Connection con, String[] array, Map<String[], String> made)
            throws SQLException {
        String literal = made.get(array);
        if (literal == null) {
            literal = con.createArrayOf("text", array).toString();
            made.put(array, literal);
        }
        return literal;
    }
}
