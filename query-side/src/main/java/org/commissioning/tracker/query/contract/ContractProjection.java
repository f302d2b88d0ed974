package org.commissioning.tracker.query.contract;

import org.commissioning.tracker.query.events.EventCodec;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.springframework.stereotype.Component;

/**
 * Keeps every contract event as recorded (with when, by whom, why and under which correlation id), one summary row per
 * contract, and the register: each contract's state periods, derived from all its events with the shared date rules.
 * Idempotent: an event seen again overwrites its own row and the contract's register rows are rewritten from its
 * events. Replayable: a reset clears what it owns.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
class ContractProjection {

    static final String PROCESSING_GROUP = "contracts";

    private final ContractViews views;
    private final ContractEventRows events;
    private final EventCodec<ContractEvent> codec;
    private final RegisterTables register;

    ContractProjection(ContractViews views, ContractEventRows events, EventCodec<ContractEvent> codec,
                       RegisterTables register) {
        this.views = views;
        this.events = events;
        this.codec = codec;
        this.register = register;
    }

    @EventHandler
    void on(ContractEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        String id = event.contractId().value();
        events.save(new ContractEventRow(id, sequence, codec.typeOf(event), event.effectiveOn(), recordedAt,
                String.valueOf(metaData.getOrDefault(RECORDED_BY, "unidentified")), text(metaData, REASON),
                text(metaData, CORRELATION_ID), codec.write(event)));
        if (event instanceof ContractRegistered registered) {
            views.save(new ContractView(id, registered.title(), registered.kind().name(), registered.awardedOn(),
                    registered.terms().startDate(),
                    registered.procurementId() == null ? null : registered.procurementId().value(), sequence));
        } else {
            views.findById(id).ifPresent(view -> view.advanceTo(sequence));
        }
        List<ContractEventRow> recorded = events.findByContractIdOrderBySequence(id);
        List<ContractEvent> all = recorded.stream().map(row -> codec.read(row.type(), row.payload())).toList();
        if (all.getFirst() instanceof ContractRegistered) {
            register.write(ContractTimeline.of(all), recorded.getLast().sequence(), event instanceof ContractRegistered);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
        views.deleteAllInBatch();
        register.clear();
    }
}
