package org.commissioning.tracker.query.keydates;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jakarta.annotation.PostConstruct;
import org.commissioning.tracker.query.events.DeferredUpkeep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counters of {@code key_date} per date and kind ({@code key_date_count}), from which the total of an unfiltered
 * window is summed: kept by every write of the rows, in its transaction, except while a bulk rebuild fills the table.
 *
 * <p>Why a bulk rebuild defers them ({@link DeferredUpkeep}): every batch of the rebuild touches thousands of
 * counters (a portfolio's dates spread over decades), the two writers the same ones, in the same order, so each waited
 * for the other's commit; on the benchmark suite's portfolio the counters took nearly as long as the rows they count.
 * Counted once over the filled table at the end, in one grouped scan, they cost a small part of that. While deferred,
 * no write of this process adds to the counters; {@link #catchUp} counts them afresh with {@code key_date} locked
 * against writers (share mode), so that a write either committed before the count (and is counted) or waits for it
 * (and then adds its own rows to the fresh counters, the deferral being over by then).
 */
@Component
class KeyDateCounts implements DeferredUpkeep {

    private static final Logger log = LoggerFactory.getLogger(KeyDateCounts.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile boolean deferred;

    KeyDateCounts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Counts the counters afresh if a bulk rebuild deferred them and never finished (the process died). */
    @PostConstruct
    void catchUpAtStart() {
        catchUp();
    }

    /** From now on no write adds to the counters, until {@link #catchUp}; recorded first, so a crash still counts. */
    @Override
    public void defer() {
        transactions.executeWithoutResult(status -> jdbc.update(
                "insert into key_date_count_deferred (id) values (1) on conflict do nothing"));
        deferred = true;
    }

    /**
     * If deferred (here, or recorded by a process that died): the counters counted from the rows in one transaction,
     * {@code key_date} locked against writes meanwhile; then kept again by every write.
     */
    @Override
    public void catchUp() {
        if (!deferred && jdbc.queryForList("select id from key_date_count_deferred", Integer.class).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            // writers of the rows wait from here until the counters are counted (and take them up from there)
            jdbc.execute("lock table key_date in share mode");
            jdbc.update("delete from key_date_count_deferred");
            jdbc.update("delete from key_date_count");
            jdbc.update("insert into key_date_count (date, kind, n) select date, kind, count(*) from key_date "
                    + "group by date, kind");
            deferred = false;
        });
        log.info("Key-date counters counted in {} s", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /** Rows written (+1) and deleted (−1) per date and kind, to be added to {@code key_date_count}. */
    static final class Counts {
        private final Map<LocalDate, Map<String, Integer>> deltas = new TreeMap<>();

        void add(LocalDate date, String kind, int delta) {
            deltas.computeIfAbsent(date, d -> new TreeMap<>()).merge(kind, delta, Integer::sum);
        }

        void addAll(Counts other) {
            other.deltas.forEach((date, byKind) -> byKind.forEach((kind, delta) -> add(date, kind, delta)));
        }
    }

    /**
     * Adds the counts to {@code key_date_count} (nothing while {@linkplain #defer deferred}): in a transaction, to the
     * transaction's counts, written once just before it commits ({@link TransactionCounts}); outside one, at once.
     *
     * <p>Why once per transaction: the counters are the only rows that transactions of different aggregates (two
     * segments of the processor) both update, and each write locks them in (date, kind) order. A transaction that
     * wrote twice (a batch flushes its contracts and its procurements separately, in the order their first events
     * came) locked two sorted runs, not one order, and two such batches deadlocked. Written once, in one sorted
     * statement, every transaction locks the counters in the same order.
     */
    void apply(Counts counts) {
        if (deferred) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionCounts.of(this).addAll(counts);
        } else {
            write(counts);
        }
    }

    /**
     * The counts of the current transaction (bound to it as a resource), written by {@link #write} just before it
     * commits: in the transaction, on its connection (Spring's {@code beforeCommit}; Axon's processors and the bulk
     * rebuild run each batch in a Spring-managed transaction, whose commit comes after the batch's flushes). A
     * transaction that rolls back writes nothing; either way the resource is unbound when it completes.
     */
    private static final class TransactionCounts implements TransactionSynchronization {

        private final KeyDateCounts store;
        private final Counts counts = new Counts();

        private TransactionCounts(KeyDateCounts store) {
            this.store = store;
        }

        /** The current transaction's counts, made and bound (with their synchronization) the first time. */
        static Counts of(KeyDateCounts store) {
            TransactionCounts bound = (TransactionCounts) TransactionSynchronizationManager.getResource(store);
            if (bound == null) {
                bound = new TransactionCounts(store);
                TransactionSynchronizationManager.bindResource(store, bound);
                TransactionSynchronizationManager.registerSynchronization(bound);
            }
            return bound.counts;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            store.write(counts);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(store);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(store, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(store);
        }
    }

    /**
     * Adds the counts to {@code key_date_count} in one statement, in (date, kind) order, so that concurrent writers
     * lock the counters in the same order; counters that reach zero are removed (so a rebuilt read model is identical
     * to the live one). The zeros removed are counters the statement before has just locked.
     */
    private void write(Counts counts) {
        List<Object> dates = new ArrayList<>();
        List<Object> kinds = new ArrayList<>();
        List<Object> deltas = new ArrayList<>();
        counts.deltas.forEach((date, byKind) -> byKind.forEach((kind, delta) -> {
            if (delta != 0) {
                dates.add(Date.valueOf(date));
                kinds.add(kind);
                deltas.add(delta);
            }
        }));
        if (dates.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Array dateArray = con.createArrayOf("date", dates.toArray());
            Array kindArray = con.createArrayOf("text", kinds.toArray());
            try (var upsert = con.prepareStatement("""
                    insert into key_date_count (date, kind, n)
                    select u.date, u.kind, u.n from unnest(?::date[], ?::text[], ?::int[]) as u(date, kind, n)
                    order by u.date, u.kind
                    on conflict (date, kind) do update set n = key_date_count.n + excluded.n""")) {
                upsert.setArray(1, dateArray);
                upsert.setArray(2, kindArray);
                upsert.setArray(3, con.createArrayOf("int4", deltas.toArray()));
                upsert.executeUpdate();
            }
            try (var zeros = con.prepareStatement("""
                    delete from key_date_count c using unnest(?::date[], ?::text[]) as u(date, kind)
                    where c.date = u.date and c.kind = u.kind and c.n = 0""")) {
                zeros.setArray(1, dateArray);
                zeros.setArray(2, kindArray);
                zeros.executeUpdate();
            }
            return null;
        });
    }
}
