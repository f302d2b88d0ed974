package org.commissioning.tracker.query.contract;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps every contract event as recorded (with when, by whom and why) and one summary row per contract. Idempotent:
 * an event seen again overwrites its own row. Replayable: a reset clears what it owns.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
class ContractProjection {

    static final String PROCESSING_GROUP = "contracts";

    private final ContractViews views;
    private final ContractEventRows events;
    private final ContractEventCodec codec;

    ContractProjection(ContractViews views, ContractEventRows events, ContractEventCodec codec) {
        this.views = views;
        this.events = events;
        this.codec = codec;
    }

    @EventHandler
    void on(ContractEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        String id = event.contractId().value();
        events.save(new ContractEventRow(id, sequence, codec.typeOf(event), event.effectiveOn(), recordedAt,
                String.valueOf(metaData.getOrDefault(RECORDED_BY, "unidentified")), (String) metaData.get(REASON),
                codec.write(event)));
        if (event instanceof ContractRegistered registered) {
            views.save(new ContractView(id, registered.title(), registered.kind().name(), registered.awardedOn(),
                    registered.terms().startDate(),
                    registered.procurementId() == null ? null : registered.procurementId().value(), sequence));
        } else {
            views.findById(id).ifPresent(view -> view.advanceTo(sequence));
        }
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
        views.deleteAllInBatch();
    }
}
