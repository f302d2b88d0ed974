package org.commissioning.tracker.query.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jakarta.annotation.PostConstruct;
import org.commissioning.tracker.query.events.DeferredUpkeep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indexes a bulk rebuild drops while it fills the read models and creates again once they are full
 * ({@code tracker.projections.rebuild.deferred-indexes}): the state periods' two SP-GiST range indexes, the key
 * dates' GIN index, their index by subject and their primary key, and the primary keys of the contracts' event rows
 * and state periods (each a B-tree into which two writers' batches of contracts, in identifier order each, insert
 * side by side). Measured on the benchmark suite's portfolio,
 * inserting the state periods and the key dates row by row into their indexes was over half of PostgreSQL's time in a
 * rebuild; building each index once over the filled table costs a small part of that (the key dates' primary key
 * too: its rows arrive in subject order, so each lands at a random place in an index ordered by date; 340,000 rows
 * copied in took 0.94 s of PostgreSQL's CPU without it and 0.32 s to build it after, against 2.03 s with it,
 * {@code CopyRowsBenchmark}'s rows). Only indexes the replay's own statements do not read are deferred: they find
 * rows by the other primary keys, delete no key dates and write them without {@code on conflict} (the tables are
 * empty, see {@code KeyDateStore.insertFresh}), and the replay's rows are unique by construction, so the primary key
 * is added again without fail. Reads that answer while a rebuild runs (from a partial read model anyway) scan instead;
 * a move of the key dates' horizon meanwhile (its {@code on conflict do nothing} needs the primary key) fails and is
 * tried again at the next check.
 *
 * <p>Safety: each index's definition is recorded in {@code read_model_deferred_index} in the transaction that drops
 * it, and removed in the transaction that creates it again (DDL is transactional in PostgreSQL). Whatever is still
 * recorded at start-up (a rebuild that never finished: the process died) is created then, before the processors
 * start.
 */
@Component
class DeferredIndexes implements DeferredUpkeep {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);
    /** With the index's name, serialises creating it again ("rmix" in ASCII). */
    private static final int LOCK = 0x726d6978;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<String> names;
    private final String buildMemory;

    DeferredIndexes(JdbcTemplate jdbc, TransactionTemplate transactions,
                    @Value("${tracker.projections.rebuild.deferred-indexes:contract_state_period_during_idx,"
                            + "contract_state_period_active_idx,key_date_by_party,key_date_of_subject,key_date_pkey,"
                            + "contract_event_view_pkey,contract_state_period_pkey}")
                    List<String> names,
                    @Value("${tracker.projections.rebuild.index-build-memory:256MB}") String buildMemory) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.names = names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
        if (!buildMemory.matches("[0-9]{1,9}(kB|MB|GB)?")) {
            throw new IllegalArgumentException("tracker.projections.rebuild.index-build-memory must be a size such as"
                    + " 256MB, not " + buildMemory);
        }
        this.buildMemory = buildMemory;
    }

    /** Creates the indexes a rebuild dropped and did not create again (it died part way). */
    @PostConstruct
    void restoreAtStart() {
        catchUp();
    }

    /**
     * Records each index's definition and drops it, each in one transaction; indexes that do not exist are skipped. An
     * index behind a primary key or unique constraint is dropped with its constraint, and recorded as the statement
     * that adds the constraint again.
     */
    @Override
    public void defer() {
        for (String name : names) {
            transactions.executeWithoutResult(status -> {
                List<Map<String, Object>> found = jdbc.queryForList("""
                        select pg_get_indexdef(i.oid) as index_definition, c.conname as constraint_name,
                               c.conrelid::regclass::text as table_name,
                               pg_get_constraintdef(c.oid) as constraint_definition
                        from pg_class i
                        left join pg_constraint c on c.conindid = i.oid and c.conrelid = (
                            select indrelid from pg_index where indexrelid = i.oid) and c.contype in ('p', 'u')
                        where i.oid = to_regclass(cast(? as text))""", name);
                if (found.isEmpty()) {
                    return;
                }
                Map<String, Object> index = found.getFirst();
                String definition = (String) index.get("index_definition");
                String drop = "drop index " + quoted(name);
                if (index.get("constraint_name") != null) {
                    String table = (String) index.get("table_name");
                    String constraint = quoted((String) index.get("constraint_name"));
                    definition = "alter table " + table + " add constraint " + constraint + " "
                            + index.get("constraint_definition");
                    drop = "alter table " + table + " drop constraint " + constraint;
                }
                jdbc.update("insert into read_model_deferred_index (index_name, definition) values (?, ?) "
                        + "on conflict (index_name) do nothing", name, definition);
                jdbc.execute(drop);
            });
        }
    }

    /**
     * Creates every index recorded as dropped, each in the transaction that removes its record, side by side on their
     * own connections: PostgreSQL builds an SP-GiST or GIN index on one process, so one at a time the two range
     * indexes (then GiST) alone took 10 s at the end of a 20,000-contract rebuild with the other core idle.
     */
    @Override
    public void catchUp() {
        List<String> recorded = jdbc.queryForList("select index_name from read_model_deferred_index order by index_name",
                String.class);
        if (recorded.isEmpty()) {
            return;
        }
        try (ExecutorService builders = Executors.newFixedThreadPool(recorded.size(),
                Thread.ofPlatform().name("deferred-index-", 1).factory())) {
            List<Future<?>> built = new ArrayList<>();
            recorded.forEach(name -> built.add(builders.submit(() -> create(name))));
            for (Future<?> each : built) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("A deferred index could not be created again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the deferred indexes again", e);
        }
    }

    private void create(String name) {
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            // query-side instances starting together: one creates each index, the others then find it there
            jdbc.query("select pg_advisory_xact_lock(?, hashtext(?))", rs -> {
            }, LOCK, name);
            List<String> definition = jdbc.queryForList(
                    "select definition from read_model_deferred_index where index_name = ?", String.class, name);
            Boolean exists = jdbc.queryForObject("select to_regclass(cast(? as text)) is not null", Boolean.class,
                    name);
            if (!definition.isEmpty() && !Boolean.TRUE.equals(exists)) {
                // the build's sort (B-tree) or its entries (GIN) in memory rather than in temporary files
                jdbc.execute("set local maintenance_work_mem = '" + buildMemory + "'");
                jdbc.execute(definition.getFirst());
            }
            jdbc.update("delete from read_model_deferred_index where index_name = ?", name);
        });
        log.info("Index {} created again in {} s", name, String.format("%.1f", (System.nanoTime() - start) / 1e9));
    }

    /** An index name as an SQL identifier (names come from configuration, not from requests). */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
