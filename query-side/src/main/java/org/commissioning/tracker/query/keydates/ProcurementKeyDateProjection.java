package org.commissioning.tracker.query.keydates;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
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

    private final KeyDateRefresh refresh;

    ProcurementKeyDateProjection(KeyDateRefresh refresh) {
        this.refresh = refresh;
    }

    @EventHandler
    void on(ProcurementEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        ProcessorBatch.collect(PENDING, event.procurementId().value(),
                id -> new PendingSubject<>(aggregateId, ProcurementEvent.class),
                procurement -> procurement.add(event, sequence), this::flush);
    }

    private void flush(Map<String, PendingSubject<ProcurementEvent>> pending) {
        refresh.flush(Subject.PROCUREMENT, pending, (history, version) -> {
            ProcurementTimeline timeline = ProcurementTimeline.of(history);
            return new Replacement(Subject.of(timeline.planning()), version, ProcurementKeyDates.of(timeline));
        });
    }
}
