package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.SourceId;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.commissioning.tracker.shared.keydates.ProcurementKeyDates;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.springframework.stereotype.Component;

/**
 * The key dates of every procurement (standstill end, planned award, planned go-live), in the same table and
 * processing group as the contracts' ({@link KeyDateProjection}): after a procurement's events its history is folded
 * by the shared rules ({@link ProcurementKeyDates}) and its rows replaced, once per batch, from the batch's own events
 * when they are its whole history so far (a replay), else from the event store; when the events moved none of its
 * dates, only the version its rows stand for is moved. Idempotent (events older than what is
 * projected change nothing) and replayable: the group's reset ({@link KeyDateProjection#reset()}) clears every
 * subject's rows, procurements' included.
 */
@Component
@ProcessingGroup(KeyDateProjection.PROCESSING_GROUP)
class ProcurementKeyDateProjection {

    private static final String PENDING = ProcurementKeyDateProjection.class.getName() + ".pending";

    private final EventStore eventStore;
    private final KeyDateStore store;
    private final KeyDateHorizon horizon;
    private final RecentHistories recent;

    ProcurementKeyDateProjection(EventStore eventStore, KeyDateStore store, KeyDateHorizon horizon,
            RecentHistories recent) {
        this.eventStore = eventStore;
        this.store = store;
        this.horizon = horizon;
        this.recent = recent;
    }

    @EventHandler
    void on(ProcurementEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        ProcessorBatch.collect(PENDING, event.procurementId().value(),
                id -> new PendingSubject<>(aggregateId, ProcurementEvent.class),
                procurement -> procurement.add(event, sequence), this::flush);
    }

    private void flush(Map<String, PendingSubject<ProcurementEvent>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        LocalDate materialisedThrough = horizon.sharedForWriting();
        Map<String, Long> projected = store.versionsOf(Subject.PROCUREMENT, List.copyOf(pending.keySet()));
        List<Replacement> replacements = new ArrayList<>(pending.size());
        Map<String, Long> versionsOnly = new HashMap<>();
        pending.forEach((id, procurement) -> procurement.plan(projected.getOrDefault(id, -1L), eventStore, recent,
                history -> {
                    ProcurementTimeline timeline = ProcurementTimeline.of(history);
                    return new Replacement(Subject.of(timeline.planning()), procurement.sequence(),
                            ProcurementKeyDates.of(timeline));
                }, replacements, versionsOnly));
        store.replace(replacements, materialisedThrough);
        store.moveVersions(Subject.PROCUREMENT, versionsOnly);
        pending.clear();
    }
}
