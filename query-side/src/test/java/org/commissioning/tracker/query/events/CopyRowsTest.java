package org.commissioning.tracker.query.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.query.testing.MigratedDatabase;
import org.commissioning.tracker.query.testing.ReplayBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CopyRows}, as the bulk rebuild uses it (a batch into emptied tables), writes what the batched statements it
 * stands in for write, and a row PostgreSQL refuses fails the batch with Spring's exception for it and leaves nothing.
 */
class CopyRowsTest {

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static DataSourceTransactionManager transactions;

    @BeforeAll
    static void database() throws IOException {
        postgres = MigratedDatabase.start();
        var dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    /** Awkward text in every column, an empty string and a null, and an instant half a microsecond past one. */
    private static List<RecordedEventRowsSql.Row> rowsOf(String contractId) {
        Instant halfPast = Instant.parse("2026-11-23T10:15:30.123456500Z");
        return List.of(
                new RecordedEventRowsSql.Row(contractId, 0, "ContractRegistered", LocalDate.parse("2024-04-01"),
                        halfPast, "o'brien \"commissioning\", C:\\team", "line one\nline two\ttabbed\r\n\\N",
                        "", "{\"title\":\"Care \\\"at\\\" home, \\\\north\\\\\",\"n\":1,\"w\":\"ŵ\"}"),
                new RecordedEventRowsSql.Row(contractId, 1, "ContractCommenced", LocalDate.parse("2024-05-01"),
                        Instant.parse("2026-11-23T10:15:30Z"), "system", null, null, "{}"));
    }

    @Test
    void eventRowsCopiedIntoEmptyTablesReadBackAsTheRowsInserted() {
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", rowsOf("INSERTED")));
        ReplayBatch.intoEmptyTables(transactions, () ->
                RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", rowsOf("COPIED")));

        String select = "select sequence, type, effective_on, recorded_at, recorded_by, reason, correlation_id, "
                + "payload::text from contract_event_view where contract_id = ? order by sequence";
        List<Map<String, Object>> inserted = jdbc.queryForList(select, "INSERTED");
        assertThat(jdbc.queryForList(select, "COPIED")).isEqualTo(inserted);
        Map<String, Object> first = inserted.getFirst();
        assertThat(first.get("recorded_by")).isEqualTo("o'brien \"commissioning\", C:\\team");
        assertThat(first.get("reason")).isEqualTo("line one\nline two\ttabbed\r\n\\N");
        assertThat(first.get("correlation_id")).isEqualTo("");
        assertThat(inserted.get(1).get("reason")).isNull();
        assertThat(inserted.get(1).get("correlation_id")).isNull();
        // kept as json: the text as the projection wrote it, where jsonb would have reordered and respaced it
        assertThat(first.get("payload")).isEqualTo(rowsOf("INSERTED").getFirst().payload());
        // half a microsecond rounds up, as the driver rounds a parameter
        assertThat(jdbc.queryForObject("select to_char(recorded_at, 'HH24:MI:SS.US') from contract_event_view "
                + "where contract_id = 'COPIED' and sequence = 0", String.class)).isEqualTo("10:15:30.123457");
        assertThat(jdbc.queryForObject("select payload ->> 'title' from contract_event_view "
                + "where contract_id = 'COPIED' and sequence = 0", String.class))
                .isEqualTo("Care \"at\" home, \\north\\");
    }

    /**
     * Enough rows for many blocks, in characters of one to four bytes, and one row longer than a block: each reads back
     * as the same row inserted.
     */
    @Test
    void rowsOverManyBlocksInCharactersOfEveryWidthReadBackAsInserted() {
        String wide = "Gwasanaeth ŵ ŷ – 医療 😀 ";
        List<RecordedEventRowsSql.Row> inserted = new java.util.ArrayList<>();
        List<RecordedEventRowsSql.Row> copied = new java.util.ArrayList<>();
        for (int n = 0; n < 3_000; n++) {
            String payload = "{\"title\":\"" + wide.repeat(n == 1_500 ? 8_000 : 1 + n % 7) + n + "\"}";
            Instant at = Instant.parse("2026-11-23T10:15:30Z").plusMillis(n);
            inserted.add(new RecordedEventRowsSql.Row("WIDE-INSERTED", n, "ContractVaried",
                    LocalDate.parse("2024-04-01"), at, wide + n, wide, null, payload));
            copied.add(new RecordedEventRowsSql.Row("WIDE-COPIED", n, "ContractVaried",
                    LocalDate.parse("2024-04-01"), at, wide + n, wide, null, payload));
        }
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", inserted));
        ReplayBatch.intoEmptyTables(transactions, () ->
                RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", copied));

        String select = "select sequence, recorded_at, recorded_by, reason, payload::text from contract_event_view "
                + "where contract_id = ? order by sequence";
        List<Map<String, Object>> rows = jdbc.queryForList(select, "WIDE-COPIED");
        assertThat(rows).hasSize(3_000).isEqualTo(jdbc.queryForList(select, "WIDE-INSERTED"));
        assertThat(rows.get(1_500).get("payload")).isEqualTo(copied.get(1_500).payload());
        assertThat(copied.get(1_500).payload().length()).isGreaterThan(1 << 17);
    }

    /** A state period's row, for the tests' own copies: the status may be missing, which PostgreSQL refuses. */
    record Period(String contractId, LocalDate from, String status) {
    }

    static final class Periods extends CopyRows.Table<Period> {
        Periods() {
            super("contract_state_period");
            mapText("contract_id", Period::contractId);
            mapDate("from_date", Period::from);
            mapText("status", Period::status);
            mapDate("end_date", period -> LocalDate.parse("2029-03-31"));
            mapText("kind", period -> "SERVICES");
        }
    }

    /**
     * A row PostgreSQL refuses fails the batch with Spring's exception for it and leaves nothing, whether the refusal
     * comes as the copy ends (the last of two rows) or while rows are still being sent (the first of many).
     */
    @Test
    void aRowPostgresRefusesFailsTheBatchWithTheConstraintsExceptionAndLeavesNothing() {
        Period good = new Period("REFUSED", LocalDate.parse("2024-04-01"), "ACTIVE");
        Period noStatus = new Period("REFUSED", LocalDate.parse("2025-04-01"), null);
        List<Period> many = new java.util.ArrayList<>(List.of(noStatus));
        for (int n = 0; n < 20_000; n++) {
            many.add(new Period("REFUSED", LocalDate.parse("2030-01-01").plusDays(n), "ACTIVE"));
        }
        for (List<Period> rows : List.of(List.of(good, noStatus), many)) {
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                    CopyRows.copy(jdbc, new Periods(), rows)))
                    .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("status");
            assertThat(jdbc.queryForObject("select count(*) from contract_state_period where contract_id = 'REFUSED'",
                    Long.class)).isZero();
        }
    }

    /** A payload that is not JSON is refused as it was in COPY's CSV form: the json column checks what it is given. */
    @Test
    void aPayloadThatIsNotJsonIsRefused() {
        var notJson = new RecordedEventRowsSql.Row("NOT-JSON", 0, "ContractRegistered", LocalDate.parse("2024-04-01"),
                Instant.parse("2026-11-23T10:15:30Z"), "system", null, null, "{\"title\": ");
        assertThatThrownBy(() -> ReplayBatch.intoEmptyTables(transactions, () ->
                RecordedEventRowsSql.store(jdbc, "contract_event_view", "contract_id", List.of(notJson))))
                .hasStackTraceContaining("json");
        assertThat(jdbc.queryForObject("select count(*) from contract_event_view where contract_id = 'NOT-JSON'",
                Long.class)).isZero();
    }

    /**
     * A failure while the rows are written (here a row the projection cannot give), with part of them sent: the
     * failure passes as it is (not hidden by the copy left under way or the rollback), nothing is stored, and the
     * connection serves its next statement.
     */
    @Test
    void aFailureWhileWritingPassesAsItIsStoresNothingAndTheConnectionGoesOn() throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection()) {
            var single = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            List<Integer> rows = java.util.stream.IntStream.range(0, 5_000).boxed().toList();
            final class Failing extends CopyRows.Table<Integer> {
                Failing() {
                    super("contract_state_period");
                    mapText("contract_id", n -> "CANCELLED-" + n);
                    mapDate("from_date", n -> LocalDate.parse("2024-04-01"));
                    mapText("status", n -> {
                        if (n == 4_000) {
                            throw new IllegalArgumentException("no row for " + n);
                        }
                        return "ACTIVE";
                    });
                    mapDate("end_date", n -> LocalDate.parse("2029-03-31"));
                    mapText("kind", n -> "SERVICES");
                }
            }
            assertThatThrownBy(() -> new TransactionTemplate(new DataSourceTransactionManager(single.getDataSource()))
                    .executeWithoutResult(status -> CopyRows.copy(single, new Failing(), rows)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no row for 4000");
            assertThat(single.queryForObject("select count(*) from contract_state_period "
                    + "where contract_id like 'CANCELLED-%'", Long.class)).isZero();
        }
    }
}
