package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.SourceId;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractKeyDates;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.springframework.stereotype.Component;

/**
 * The key dates of every contract: on each of its events, the contract's history up to that event is read back from
 * the event store, folded by the shared date rules ({@link ContractKeyDates}) and its rows replaced. Idempotent (the
 * same events give the same rows; an event older than what is projected changes nothing) and replayable (a reset
 * clears the rows, series and subjects; the horizon stays, so a rebuild gives the same rows).
 */
@Component
@ProcessingGroup(KeyDateProjection.PROCESSING_GROUP)
class KeyDateProjection {

    static final String PROCESSING_GROUP = "key-dates";

    private final EventStore eventStore;
    private final KeyDateStore store;
    private final KeyDateHorizon horizon;

    KeyDateProjection(EventStore eventStore, KeyDateStore store, KeyDateHorizon horizon) {
        this.eventStore = eventStore;
        this.store = store;
        this.horizon = horizon;
    }

    @EventHandler
    void on(ContractEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        LocalDate materialisedThrough = horizon.sharedForWriting();
        String id = event.contractId().value();
        if (store.versionOf(Subject.CONTRACT, id) > sequence) {
            return;
        }
        List<ContractEvent> history = eventStore.readEvents(aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= sequence)
                .map(DomainEventMessage::getPayload)
                .map(ContractEvent.class::cast)
                .toList();
        ContractTimeline timeline = ContractTimeline.of(history);
        store.replace(Subject.of(timeline.registration()), sequence, ContractKeyDates.of(timeline), materialisedThrough);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
