package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.commissioning.tracker.shared.keydates.ProcurementKeyDates;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.springframework.stereotype.Component;

/**
 * The key dates of every procurement (standstill end, planned award, planned go-live), in the same table and
 * processing group as the contracts' ({@link KeyDateProjection}): after a procurement's events its history is folded
 * by the shared rules ({@link ProcurementKeyDates}) and its rows replaced, once per batch, from the batch's own events
 * when they are its whole history so far (a replay), else from the event store. Idempotent (events older than what is
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

    ProcurementKeyDateProjection(EventStore eventStore, KeyDateStore store, KeyDateHorizon horizon) {
        this.eventStore = eventStore;
        this.store = store;
        this.horizon = horizon;
    }

    /** A procurement to recompute at the end of the batch: up to {@code sequence}, with the events seen in the batch. */
    private static final class Pending {
        final String aggregateId;
        final List<ProcurementEvent> seen = new ArrayList<>();
        long firstSeen;
        long sequence = -1;
        boolean contiguous = true;

        Pending(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void add(ProcurementEvent event, long sequenceNumber) {
            if (seen.isEmpty()) {
                firstSeen = sequenceNumber;
            } else if (sequenceNumber != sequence + 1) {
                contiguous = false;
            }
            seen.add(event);
            sequence = Math.max(sequence, sequenceNumber);
        }

        /** The events seen are the whole history up to {@code sequence}. */
        boolean whole() {
            return contiguous && firstSeen == 0 && seen.size() == sequence + 1;
        }
    }

    @EventHandler
    void on(ProcurementEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        String id = event.procurementId().value();
        if (!CurrentUnitOfWork.isStarted()) {
            Map<String, Pending> single = new LinkedHashMap<>();
            single.computeIfAbsent(id, key -> new Pending(aggregateId)).add(event, sequence);
            flush(single);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Pending> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<String, Pending> procurements = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> flush(procurements));
            return procurements;
        });
        pending.computeIfAbsent(id, key -> new Pending(aggregateId)).add(event, sequence);
    }

    private void flush(Map<String, Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        LocalDate materialisedThrough = horizon.sharedForWriting();
        Map<String, Long> projected = store.versionsOf(Subject.PROCUREMENT, List.copyOf(pending.keySet()));
        List<Replacement> replacements = new ArrayList<>(pending.size());
        pending.forEach((id, procurement) -> {
            if (projected.getOrDefault(id, -1L) > procurement.sequence) {
                return;
            }
            ProcurementTimeline timeline = ProcurementTimeline.of(
                    procurement.whole() ? procurement.seen : history(procurement));
            replacements.add(new Replacement(Subject.of(timeline.planning()), procurement.sequence,
                    ProcurementKeyDates.of(timeline)));
        });
        store.replace(replacements, materialisedThrough);
        pending.clear();
    }

    private List<ProcurementEvent> history(Pending procurement) {
        return eventStore.readEvents(procurement.aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= procurement.sequence)
                .map(DomainEventMessage::getPayload)
                .map(ProcurementEvent.class::cast)
                .toList();
    }
}
