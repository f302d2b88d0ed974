package org.commissioning.tracker.query.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Lets a projection handle a processor's batch of events as one: its event handler only collects each event into
 * per-aggregate pending work kept in the batch's root unit of work, and the projection's flush writes everything once
 * when the batch prepares to commit (in the batch's transaction, with its tokens). Outside a unit of work (a handler
 * called directly) the event is flushed at once.
 */
public final class ProcessorBatch {

    /** The resource by which a batch says it writes into emptied tables ({@link #markIntoEmptyTables}). */
    private static final String INTO_EMPTY_TABLES = ProcessorBatch.class.getName() + ".intoEmptyTables";

    private ProcessorBatch() {
    }

    /**
     * Marks {@code batch} as writing into emptied read-model tables, every aggregate it holds written by it alone and
     * once: the bulk rebuild's batches (it resets the processors, so clears their tables, before it replays, and never
     * splits an aggregate's history over two batches). Their flushes may then insert without looking for rows already
     * there: no deletes first, no {@code on conflict}, no reading back.
     */
    public static void markIntoEmptyTables(UnitOfWork<?> batch) {
        batch.root().resources().put(INTO_EMPTY_TABLES, Boolean.TRUE);
    }

    /** Whether the batch under way writes into emptied tables ({@link #markIntoEmptyTables}); false outside one. */
    public static boolean intoEmptyTables() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(INTO_EMPTY_TABLES));
    }

    /**
     * Adds one event to the batch's pending work for {@code id} (made by {@code create} the first time the batch sees
     * it); {@code flush} gets all the batch's pending work, in the order first seen, once, before the batch commits.
     *
     * @param resource the name under which the batch keeps this projection's pending work (unique per projection)
     */
    public static <P> void collect(String resource, String id, Function<String, P> create, Consumer<P> add,
                                   Consumer<Map<String, P>> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            Map<String, P> single = new LinkedHashMap<>();
            add.accept(single.computeIfAbsent(id, create));
            flush.accept(single);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, P> pending = batch.getOrComputeResource(resource, key -> {
            Map<String, P> byId = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> flush.accept(byId));
            return byId;
        });
        add.accept(pending.computeIfAbsent(id, create));
    }
}
