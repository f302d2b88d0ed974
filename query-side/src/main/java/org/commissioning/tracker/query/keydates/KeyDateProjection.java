package org.commissioning.tracker.query.keydates;

import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.keydates.ContractKeyDates;
import org.springframework.stereotype.Component;

/**
 * The key dates of every contract: after a contract's events, its history up to the last of them is folded by the
 * shared date rules ({@link ContractKeyDates}) and its rows replaced. Events are handled in batches (one transaction
 * each): a contract is recomputed once per batch, from the batch's own events when they are its whole history so far
 * (a replay, a bulk load), else from the event store; when the events moved none of its dates, only the version its
 * rows stand for is moved ({@link PendingSubject#plan}). Idempotent (the same events give the same rows; events older
 * than what is projected change nothing) and replayable (a reset clears the rows, series and subjects and sets the
 * bounds of the occurrences written as rows afresh, see {@link KeyDateHorizon}, so a rebuild gives the same rows on the
 * same day and the same answers on any).
 */
@Component
@ProcessingGroup(KeyDateProjection.PROCESSING_GROUP)
class KeyDateProjection {

    static final String PROCESSING_GROUP = "key-dates";
    private static final String PENDING = KeyDateProjection.class.getName() + ".pending";

    private final KeyDateRefresh refresh;
    private final KeyDateStore store;
    private final KeyDateHorizon horizon;

    KeyDateProjection(KeyDateRefresh refresh, KeyDateStore store, KeyDateHorizon horizon) {
        this.refresh = refresh;
        this.store = store;
        this.horizon = horizon;
    }

    @EventHandler
    void on(ContractEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        ProcessorBatch.collect(PENDING, event.contractId().value(),
                id -> new PendingSubject<>(aggregateId, ContractEvent.class),
                contract -> contract.add(event, sequence), this::flush);
    }

    private void flush(Map<String, PendingSubject<ContractEvent>> pending) {
        refresh.flush(Subject.CONTRACT, pending, (history, version) -> {
            ContractTimeline timeline = ContractTimeline.of(history);
            return new Replacement(Subject.of(timeline.registration()), version, ContractKeyDates.of(timeline));
        });
    }

    @ResetHandler
    void reset() {
        store.clear();
        horizon.restart();
    }
}
