package org.commissioning.tracker.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.commissioning.tracker.query.testing.MigratedDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The bulk rebuild's three largest tables filled with {@link CopyRows} against the batched multi-row inserts it used
 * before (the key dates' {@code insert ... select from unnest(...) join key_date_subject}, the state periods' and event
 * rows' batched inserts, sent as multi-row inserts by the driver), the same rows each way, in batches of the rebuild's
 * size, with the indexes the rebuild drops dropped; alternately, three rounds each. Measures the CPU time of
 * PostgreSQL's backend (from {@code /proc}, so on Linux only) and the wall time per table. Run by hand:
 * {@code mvn -B -pl query-side -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=CopyRowsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class CopyRowsBenchmark {

    static final int CONTRACTS = 20_000;
    static final int ROUNDS = 3;

    record KeyDate(LocalDate date, String id, String kind, String title, String detail, String[] parties) {
    }

    record Period(String id, LocalDate from, LocalDate to, String status, String phase, LocalDate end) {
    }

    static final class KeyDates extends CopyRows.Table<KeyDate> {
        KeyDates() {
            super("key_date");
            mapDate("date", KeyDate::date);
            mapText("subject_id", KeyDate::id);
            mapText("kind", KeyDate::kind);
            mapText("subject_type", row -> "contract");
            mapIntegerPrimitive("ordinal", row -> 0);
            mapText("title", KeyDate::title);
            mapText("detail", KeyDate::detail);
            mapTextArray("parties", row -> List.of(row.parties()));
        }
    }

    static final class Periods extends CopyRows.Table<Period> {
        Periods() {
            super("contract_state_period");
            mapText("contract_id", Period::id);
            mapDate("from_date", Period::from);
            mapDate("to_date", Period::to);
            mapText("status", Period::status);
            mapText("phase", Period::phase);
            mapDate("end_date", Period::end);
            mapText("kind", row -> "SERVICES");
        }
    }

    @Test
    void copyAgainstMultiRowInserts() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC")
                .setServerConfig("max_wal_size", "4GB").start()) {
            DataSource pool = postgres.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true"));
            MigratedDatabase.migrate(pool);
            Random random = new Random(20261123);
            List<KeyDate> keyDates = new ArrayList<>();
            List<Period> periods = new ArrayList<>();
            List<RecordedEventRowsSql.Row> events = new ArrayList<>();
            String[] kinds = {"REVIEW_POINT", "END_OF_TERM", "NOTICE_DEADLINE", "EXTENSION_DECISION"};
            for (int c = 0; c < CONTRACTS; c++) {
                String id = "CF-" + UUID.nameUUIDFromBytes(("contract " + c).getBytes());
                LocalDate start = LocalDate.of(2010, 1, 1).plusDays(random.nextInt(6_000));
                String title = "Community services contract " + c + " for the county";
                String[] parties = {"c:nhs north integrated care board", "p:provider " + (c % 500) + " ltd"};
                for (int k = 0; k < 17; k++) {
                    keyDates.add(new KeyDate(start.plusMonths(6L * k), id, kinds[k % 4], title, "Review point " + k,
                            parties));
                }
                LocalDate from = start;
                for (int k = 0; k < 13; k++) {
                    periods.add(new Period(id, from, k == 12 ? null : from.plusYears(1), k == 0 ? "AWARDED" : "ACTIVE",
                            k == 0 ? null : "INITIAL_TERM", start.plusYears(5)));
                    from = from.plusYears(1);
                }
                for (int k = 0; k < 10; k++) {
                    events.add(new RecordedEventRowsSql.Row(id, k, "ContractExtended", start.plusMonths(k),
                            Instant.now(), "commissioner " + (c % 40), "The board agreed", UUID.randomUUID().toString(),
                            "{\"contractId\":\"" + id + "\",\"effectiveOn\":\"" + start + "\",\"n\":" + k + "}"));
                }
            }
            Map<String, List<Long>> cpu = new TreeMap<>();
            Map<String, List<Long>> wall = new TreeMap<>();
            try (Connection connection = pool.getConnection()) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                jdbc.execute("drop index key_date_by_party; drop index key_date_of_subject; "
                        + "drop index contract_state_period_during_idx; drop index contract_state_period_active_idx");
                for (int c = 0; c < keyDates.size(); c += 17) {
                    KeyDate first = keyDates.get(c);
                    jdbc.update("insert into key_date_subject (subject_type, subject_id, title, parties, version) "
                            + "values ('contract', ?, ?, ?, 1)", first.id(), first.title(),
                            connection.createArrayOf("text", first.parties()));
                }
                connection.setAutoCommit(false);
                for (int round = 0; round < ROUNDS; round++) {
                    for (String way : List.of("insert", "copy")) {
                        jdbc.execute("truncate key_date, contract_state_period, contract_event_view");
                        connection.commit();
                        boolean copy = way.equals("copy");
                        measure(way + " key dates", cpu, wall, connection, jdbc, keyDates, 2_800,
                                batch -> keyDates(jdbc, batch, copy));
                        measure(way + " state periods", cpu, wall, connection, jdbc, periods, 2_100,
                                batch -> periods(jdbc, batch, copy));
                        measure(way + " event rows", cpu, wall, connection, jdbc, events, 2_000,
                                batch -> events(jdbc, batch, copy));
                        assertThat(jdbc.queryForObject("select (select count(*) from key_date) + (select count(*) "
                                + "from contract_state_period) + (select count(*) from contract_event_view)",
                                Long.class)).isEqualTo(keyDates.size() + periods.size() + events.size());
                        connection.commit();
                    }
                }
            }
            for (String table : List.of("key dates", "state periods", "event rows")) {
                long insert = median(cpu.get("insert " + table));
                long copy = median(cpu.get("copy " + table));
                System.out.printf("BENCHMARK %s: PostgreSQL backend CPU %d ms inserted, %d ms copied (medians of %d; "
                        + "all: %s, %s), ratio %.2f; wall %d ms, %d ms%n", table, insert, copy, ROUNDS,
                        cpu.get("insert " + table), cpu.get("copy " + table), (double) copy / insert,
                        median(wall.get("insert " + table)), median(wall.get("copy " + table)));
            }
        }
    }

    private static <T> void measure(String name, Map<String, List<Long>> cpu, Map<String, List<Long>> wall,
                                    Connection connection, JdbcTemplate jdbc, List<T> rows, int batchSize,
                                    Consumer<List<T>> write)
            throws Exception {
        long cpuBefore = backendCpuMillis(jdbc);
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += batchSize) {
            write.accept(rows.subList(from, Math.min(rows.size(), from + batchSize)));
            connection.commit();
        }
        wall.computeIfAbsent(name, key -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
        cpu.computeIfAbsent(name, key -> new ArrayList<>()).add(backendCpuMillis(jdbc) - cpuBefore);
    }

    private static void keyDates(JdbcTemplate jdbc, List<KeyDate> rows, boolean copy) {
        if (copy) {
            CopyRows.copy(jdbc, new KeyDates(), rows);
            return;
        }
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (var insert = con.prepareStatement("""
                    insert into key_date (date, subject_id, kind, subject_type, ordinal, title, detail, parties)
                    select u.date, u.subject_id, u.kind, 'contract', 0, s.title, u.detail, s.parties
                    from unnest(?::date[], ?::text[], ?::text[], ?::text[]) as u(date, subject_id, kind, detail)
                    join key_date_subject s on s.subject_type = 'contract' and s.subject_id = u.subject_id""")) {
                insert.setArray(1, con.createArrayOf("date",
                        rows.stream().map(row -> Date.valueOf(row.date())).toArray()));
                insert.setArray(2, con.createArrayOf("text", rows.stream().map(KeyDate::id).toArray()));
                insert.setArray(3, con.createArrayOf("text", rows.stream().map(KeyDate::kind).toArray()));
                insert.setArray(4, con.createArrayOf("text", rows.stream().map(KeyDate::detail).toArray()));
                return insert.executeUpdate();
            }
        });
    }

    private static void periods(JdbcTemplate jdbc, List<Period> rows, boolean copy) {
        if (copy) {
            CopyRows.copy(jdbc, new Periods(), rows);
        } else {
            List<Object[]> values = rows.stream().map(p -> new Object[]{p.id(), p.from(), p.to(), p.status(),
                    p.phase(), p.end(), "SERVICES"}).toList();
            jdbc.batchUpdate("insert into contract_state_period (contract_id, from_date, to_date, status, phase, "
                    + "end_date, kind) values (?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    private static void events(JdbcTemplate jdbc, List<RecordedEventRowsSql.Row> rows, boolean copy) {
        if (copy) {
            CopyRows.copy(jdbc, new RecordedEventRowsSql.EventRows("contract_event_view", "contract_id"), rows);
            return;
        }
        jdbc.batchUpdate("insert into contract_event_view (contract_id, sequence, type, effective_on, recorded_at, "
                + "recorded_by, reason, correlation_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))",
                rows.stream().map(row -> new Object[]{row.aggregateId(), row.sequence(), row.type(),
                        row.effectiveOn(), OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC), row.recordedBy(), row.reason(), row.correlationId(),
                        row.payload()}).toList());
    }

    /**
     * The CPU time (user and system) the backend serving {@code jdbc}'s connection has used, in milliseconds ({@code
     * /proc}'s clock ticks are 1/100 s on Linux).
     */
    private static long backendCpuMillis(JdbcTemplate jdbc) throws Exception {
        int pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / 100;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
