package org.commissioning.tracker.query.keydates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.commissioning.tracker.query.testing.MigratedDatabase;
import org.commissioning.tracker.query.testing.ReplayBatch;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ScheduledDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key-date counters ({@code key_date_count}) under concurrent batches, on a real PostgreSQL: a processor batch
 * flushes its contracts and then its procurements (two writes of the store in one transaction), so two batches whose
 * flushes touch the same dates in opposite orders must neither deadlock nor miscount.
 */
class KeyDateCountsConcurrencyTest {

    static final LocalDate D1 = LocalDate.parse("2031-03-31");
    static final LocalDate D2 = LocalDate.parse("2032-06-30");
    /** Series occurrences are rows from each series' first through 2040. */
    static final KeyDateHorizon.Materialised HORIZON =
            new KeyDateHorizon.Materialised(null, LocalDate.parse("2040-12-31"));

    static EmbeddedPostgres postgres;
    static DataSource dataSource;
    static JdbcTemplate jdbc;
    static DataSourceTransactionManager transactions;
    static KeyDateCounts counts;
    static KeyDateStore store;

    @BeforeAll
    static void database() throws IOException {
        postgres = MigratedDatabase.start();
        dataSource = postgres.getPostgresDatabase();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        counts = new KeyDateCounts(jdbc, new TransactionTemplate(transactions));
        store = new KeyDateStore(jdbc, counts);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        store.clear();
    }

    @Test
    void twoBatchesFlushingTheSameCountersInOppositeOrdersBothCommitAndCountEveryRow() throws Exception {
        CountDownLatch bothFlushedOnce = new CountDownLatch(2);
        // A batch flushes its projections in the order their first events came: A's procurements (planned award on
        // D1) then its contracts (end of term on D2), B's contracts then its procurements. Each waits after its first
        // flush until the other has flushed once too: counters updated per flush were then held, (D1, PLANNED_AWARD)
        // by A and (D2, END_OF_TERM) by B, and each batch waited for the other's.
        try (ExecutorService segments = Executors.newFixedThreadPool(2)) {
            Future<?> a = segments.submit(() -> batch(bothFlushedOnce,
                    Flush.of("procurements", procurement("A-P", D1)), Flush.of("contracts", contract("A-C", D2))));
            Future<?> b = segments.submit(() -> batch(bothFlushedOnce,
                    Flush.of("contracts", contract("B-C", D2)), Flush.of("procurements", procurement("B-P", D1))));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        }

        // two procurements planned to be awarded on D1, two contracts ending on D2
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.PLANNED_AWARD, 2,
                D2 + " " + KeyDateKind.END_OF_TERM, 2)).isEqualTo(rowsPerDateAndKind());
    }

    @Test
    void aRolledBackBatchCountsNothingAndTheNextCountsOnlyItsOwn() {
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            store.replace(List.of(contract("R-1", D1)), HORIZON);
            throw new IllegalStateException("the batch fails");
        })).hasMessage("the batch fails");
        assertThat(counters()).isEmpty();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            store.replace(List.of(contract("R-2", D2)), HORIZON);
            store.replace(List.of(procurement("R-3", D2)), HORIZON);
        });
        assertThat(counters()).isEqualTo(Map.of(D2 + " " + KeyDateKind.END_OF_TERM, 1,
                D2 + " " + KeyDateKind.PLANNED_AWARD, 1)).isEqualTo(rowsPerDateAndKind());
    }

    @Test
    void outsideATransactionTheCountersAreWrittenAtOnce() {
        store.replace(List.of(contract("N-1", D1)), HORIZON);
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 1));
        store.replace(List.of(new Replacement(contract("N-1", D1).subject(), 1,
                new KeyDateSchedule(List.of(), List.of()))), HORIZON);
        assertThat(counters()).isEmpty();
        assertThat(rowsPerDateAndKind()).isEmpty();
    }

    @Test
    void deferredTheCountersAreLeftAloneThenCountedOnceFromTheRowsAndKeptAgain() {
        counts.defer();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            store.replace(List.of(contract("D-1", D1), contract("D-2", D1)), HORIZON);
            store.replace(List.of(procurement("D-3", D2)), HORIZON);
        });
        assertThat(counters()).isEmpty();
        assertThat(rowsPerDateAndKind()).hasSize(2);

        counts.catchUp();
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 2,
                D2 + " " + KeyDateKind.PLANNED_AWARD, 1)).isEqualTo(rowsPerDateAndKind());
        assertThat(jdbc.queryForObject("select count(*) from key_date_count_deferred", Long.class)).isZero();

        // kept by every write again: a contract gone, one added
        new TransactionTemplate(transactions).executeWithoutResult(status -> store.replace(List.of(
                new Replacement(contract("D-1", D1).subject(), 1, new KeyDateSchedule(List.of(), List.of())),
                contract("D-4", D2)), HORIZON));
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 1,
                D2 + " " + KeyDateKind.END_OF_TERM, 1, D2 + " " + KeyDateKind.PLANNED_AWARD, 1))
                .isEqualTo(rowsPerDateAndKind());
    }

    /**
     * In a batch into emptied tables (a bulk rebuild's), the rows are written without {@code on conflict do nothing};
     * a schedule listing one key twice (same date, kind and ordinal) must still give one row, as it does otherwise,
     * not a failed batch.
     */
    @Test
    void aKeyRepeatedInASubjectsScheduleIsOneRowIntoEmptyTablesOrNot() {
        KeyDateSchedule twice = new KeyDateSchedule(List.of(
                new ScheduledDate(D1, KeyDateKind.END_OF_TERM, 0, "End of term"),
                new ScheduledDate(D1, KeyDateKind.END_OF_TERM, 0, "End of term, as extended")), List.of());
        store.replace(List.of(new Replacement(contract("K-1", D1).subject(), 0, twice)), HORIZON);
        counts.defer();
        try {
            intoEmptyTables(() -> store.replace(List.of(new Replacement(contract("K-2", D1).subject(), 0, twice)),
                    HORIZON));
        } finally {
            counts.catchUp();
        }
        // which of the two the general statement keeps is up to PostgreSQL's plan; one row each either way
        assertThat(jdbc.queryForList("select subject_id from key_date order by subject_id", String.class))
                .containsExactly("K-1", "K-2");
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 2)).isEqualTo(rowsPerDateAndKind());
    }

    /**
     * The rows written into emptied tables are counted too when the counters are being kept (the bulk rebuild defers
     * them, but the store does not rely on it): the counters stay equal to the rows.
     */
    @Test
    void rowsWrittenIntoEmptyTablesAreCountedWhileTheCountersAreKept() {
        intoEmptyTables(() -> store.replace(List.of(contract("E-1", D1), contract("E-2", D1), procurement("E-3", D2)),
                HORIZON));
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 2,
                D2 + " " + KeyDateKind.PLANNED_AWARD, 1)).isEqualTo(rowsPerDateAndKind());
    }

    /**
     * Copied into emptied tables ({@link org.commissioning.tracker.query.events.CopyRows}), a key date holds what the
     * general statement writes: titles, details and parties with quotes, backslashes, commas, braces, a tab and a line
     * break read back as given.
     */
    @Test
    void awkwardTitlesDetailsAndPartiesReadBackTheSameCopiedIntoEmptyTablesOrInserted() {
        String title = "Care at home \"Lot 2\", C:\\shared\\{north}\tand\nsouth";
        List<String> parties = List.of("c:st mary's \"trust\"", "p:back\\slash, {braced} ltd", "p:", "p:ŵyr");
        KeyDateSchedule schedule = new KeyDateSchedule(List.of(new ScheduledDate(D1, KeyDateKind.END_OF_TERM, 0,
                "End of term, \"as varied\"\\n"), new ScheduledDate(D2, KeyDateKind.REVIEW_POINT, 1, "")), List.of());
        store.replace(List.of(new Replacement(new Subject(Subject.CONTRACT, "A-1", title, parties), 0, schedule)),
                HORIZON);
        intoEmptyTables(() -> store.replace(List.of(new Replacement(new Subject(Subject.CONTRACT, "A-2", title,
                parties), 0, schedule)), HORIZON));

        String select = "select date, kind, ordinal, title, detail, parties::text from key_date where subject_id = ? "
                + "order by date";
        List<Map<String, Object>> inserted = jdbc.queryForList(select, "A-1");
        assertThat(jdbc.queryForList(select, "A-2")).isEqualTo(inserted);
        assertThat(inserted).extracting(row -> row.get("title")).containsOnly(title);
        assertThat(inserted).extracting(row -> row.get("detail"))
                .containsExactly("End of term, \"as varied\"\\n", "");
        assertThat(jdbc.queryForList("select unnest(parties) from key_date where subject_id = 'A-2' and ordinal = 1",
                String.class)).isEqualTo(parties);
    }

    /** Runs {@code write} in a batch marked as writing into emptied tables, with a transaction, as the rebuild does. */
    private static void intoEmptyTables(Runnable write) {
        ReplayBatch.intoEmptyTables(transactions, write);
    }

    @Test
    void countersADeadRebuildLeftDeferredAreCountedWhenTheApplicationNextStarts() {
        KeyDateCounts dying = new KeyDateCounts(jdbc, new TransactionTemplate(transactions));
        dying.defer();
        new KeyDateStore(jdbc, dying).replace(List.of(contract("S-1", D1), procurement("S-2", D1)), HORIZON);
        assertThat(counters()).isEmpty();

        KeyDateCounts started = new KeyDateCounts(jdbc, new TransactionTemplate(transactions));
        started.catchUpAtStart();
        assertThat(counters()).isEqualTo(Map.of(D1 + " " + KeyDateKind.END_OF_TERM, 1,
                D1 + " " + KeyDateKind.PLANNED_AWARD, 1)).isEqualTo(rowsPerDateAndKind());
        assertThat(jdbc.queryForObject("select count(*) from key_date_count_deferred", Long.class)).isZero();
    }

    /** One projection's subjects in a batch, written by its flush. */
    private record Flush(String projection, Replacement subject) {

        static Flush of(String projection, Replacement subject) {
            return new Flush(projection, subject);
        }
    }

    /**
     * One processor batch as the key-dates processor runs it: a unit of work with a Spring transaction (Axon's
     * {@link SpringTransactionManager}), whose subjects are collected per projection by {@link ProcessorBatch} and
     * flushed, a projection at a time, as the batch prepares to commit; after the first flush it waits on
     * {@code latch}.
     */
    private static void batch(CountDownLatch latch, Flush first, Flush second) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(first.subject()));
        unit.attachTransaction(new SpringTransactionManager(transactions));
        try {
            for (Flush flush : List.of(first, second)) {
                ProcessorBatch.collect(flush.projection(), flush.subject().subject().id(), id -> flush.subject(),
                        subject -> {
                        }, pending -> {
                            store.replace(List.copyOf(pending.values()), HORIZON);
                            if (flush == first) {
                                latch.countDown();
                                await(latch);
                            }
                        });
            }
        } catch (RuntimeException e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other batch never flushed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Replacement contract(String id, LocalDate date) {
        return new Replacement(new Subject(Subject.CONTRACT, id, "Contract " + id, List.of("c:council")), 0,
                new KeyDateSchedule(List.of(new ScheduledDate(date, KeyDateKind.END_OF_TERM, 0, "End of term")),
                        List.of()));
    }

    private static Replacement procurement(String id, LocalDate date) {
        return new Replacement(new Subject(Subject.PROCUREMENT, id, "Procurement " + id, List.of("c:council")), 0,
                new KeyDateSchedule(List.of(new ScheduledDate(date, KeyDateKind.PLANNED_AWARD, 0, "Planned award")),
                        List.of()));
    }

    private static Map<String, Integer> counters() {
        Map<String, Integer> counters = new TreeMap<>();
        jdbc.query("select date, kind, n from key_date_count", rs -> {
            counters.put(rs.getObject(1, LocalDate.class) + " " + rs.getString(2), rs.getInt(3));
        });
        return counters;
    }

    private static Map<String, Integer> rowsPerDateAndKind() {
        Map<String, Integer> rows = new TreeMap<>();
        jdbc.query("select date, kind, count(*) from key_date group by date, kind", rs -> {
            rows.put(rs.getObject(1, LocalDate.class) + " " + rs.getString(2), rs.getInt(3));
        });
        return rows;
    }
}
