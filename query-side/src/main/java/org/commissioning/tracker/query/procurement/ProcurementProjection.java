package org.commissioning.tracker.query.procurement;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.springframework.stereotype.Component;

/**
 * Keeps every procurement event as recorded (with when, by whom, why and under which correlation id) and one summary
 * row per procurement, its state folded by the shared rules as of its latest effective date. Idempotent: an event seen
 * again overwrites its own row and leaves a newer summary alone. Replayable: a reset clears what it owns.
 */
@Component
@ProcessingGroup(ProcurementProjection.PROCESSING_GROUP)
class ProcurementProjection {

    static final String PROCESSING_GROUP = "procurements";

    private final ProcurementViews views;
    private final ProcurementEventRows events;
    private final EventCodec<ProcurementEvent> codec;

    ProcurementProjection(ProcurementViews views, ProcurementEventRows events, EventCodec<ProcurementEvent> codec) {
        this.views = views;
        this.events = events;
        this.codec = codec;
    }

    @EventHandler
    void on(ProcurementEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        String id = event.procurementId().value();
        events.save(new ProcurementEventRow(id, sequence, codec.typeOf(event), event.effectiveOn(), recordedAt,
                String.valueOf(metaData.getOrDefault(RECORDED_BY, "unidentified")), text(metaData, REASON),
                text(metaData, CORRELATION_ID), codec.write(event)));
        ProcurementView view = event instanceof ProcurementPlanned planned
                ? views.findById(id).orElseGet(() -> new ProcurementView(planned))
                : views.findById(id).orElse(null);
        if (view == null) {
            return;
        }
        ProcurementTimeline timeline = ProcurementTimeline.of(events.findByProcurementIdOrderBySequence(id).stream()
                .filter(row -> row.sequence() <= sequence)
                .map(row -> codec.read(row.type(), row.payload()))
                .toList());
        view.update(timeline.asOf(timeline.latestEffectiveDate()), sequence);
        views.save(view);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
        views.deleteAllInBatch();
    }
}
