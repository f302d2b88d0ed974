package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.keydates.ContractKeyDates;
import org.springframework.stereotype.Component;

/**
 * The key dates of every contract: after a contract's events, its history up to the last of them is folded by the
 * shared date rules ({@link ContractKeyDates}) and its rows replaced. Events are handled in batches (one transaction
 * each): a contract is recomputed once per batch, from the batch's own events when they are its whole history so far
 * (a replay, a bulk load), else from the event store. Idempotent (the same events give the same rows; events older
 * than what is projected change nothing) and replayable (a reset clears the rows, series and subjects; the horizon
 * stays, so a rebuild gives the same rows).
 */
@Component
@ProcessingGroup(KeyDateProjection.PROCESSING_GROUP)
class KeyDateProjection {

    static final String PROCESSING_GROUP = "key-dates";
    private static final String PENDING = KeyDateProjection.class.getName() + ".pending";

    private final EventStore eventStore;
    private final KeyDateStore store;
    private final KeyDateHorizon horizon;

    KeyDateProjection(EventStore eventStore, KeyDateStore store, KeyDateHorizon horizon) {
        this.eventStore = eventStore;
        this.store = store;
        this.horizon = horizon;
    }

    /** A contract to recompute at the end of the batch: up to {@code sequence}, with the events seen in the batch. */
    private static final class Pending {
        final String aggregateId;
        final List<ContractEvent> seen = new ArrayList<>();
        long firstSeen;
        long sequence = -1;
        boolean contiguous = true;

        Pending(String aggregateId) {
            this.aggregateId = aggregateId;
        }

        void add(ContractEvent event, long sequenceNumber) {
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
    void on(ContractEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            Map<String, Pending> single = new LinkedHashMap<>();
            single.computeIfAbsent(event.contractId().value(), id -> new Pending(aggregateId)).add(event, sequence);
            flush(single);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Pending> pending = batch.getOrComputeResource(PENDING, key -> {
            Map<String, Pending> contracts = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> flush(contracts));
            return contracts;
        });
        pending.computeIfAbsent(event.contractId().value(), id -> new Pending(aggregateId)).add(event, sequence);
    }

    private void flush(Map<String, Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        LocalDate materialisedThrough = horizon.sharedForWriting();
        Map<String, Long> projected = store.versionsOf(Subject.CONTRACT, List.copyOf(pending.keySet()));
        List<Replacement> replacements = new ArrayList<>(pending.size());
        pending.forEach((id, contract) -> {
            if (projected.getOrDefault(id, -1L) > contract.sequence) {
                return;
            }
            ContractTimeline timeline = ContractTimeline.of(contract.whole() ? contract.seen : history(contract));
            replacements.add(new Replacement(Subject.of(timeline.registration()), contract.sequence,
                    ContractKeyDates.of(timeline)));
        });
        store.replace(replacements, materialisedThrough);
        pending.clear();
    }

    private List<ContractEvent> history(Pending contract) {
        return eventStore.readEvents(contract.aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= contract.sequence)
                .map(DomainEventMessage::getPayload)
                .map(ContractEvent.class::cast)
                .toList();
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
