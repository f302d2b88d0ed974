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

    private ProcessorBatch() {
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
