package org.commissioning.tracker.query.procurement;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.events.RecordedEventRowsSql;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every procurement event as recorded (with when, by whom, why and under which correlation id) and one summary
 * row per procurement, its state folded by the shared rules as of its latest effective date. Idempotent: an event seen
 * again overwrites its own row and leaves a newer summary alone. Replayable: a reset clears what it owns.
 *
 * <p>Events are handled a processor batch at a time ({@link ProcessorBatch}): the handler collects each procurement's
 * events, and before the batch commits they are saved, the batch's procurements' histories read back in one query,
 * and each procurement folded and its summary saved once, at its latest event in the batch. Handled one by one, each
 * event re-read and re-folded its procurement's whole history: a rebuild of 7,000 procurement events took longer than
 * that of 100,000 contract events.
 */
@Component
@ProcessingGroup(ProcurementProjection.PROCESSING_GROUP)
class ProcurementProjection {

    static final String PROCESSING_GROUP = "procurements";
    /** The name under which a batch keeps this projection's pending events. */
    private static final String PENDING = ProcurementProjection.class.getName() + ".pending";

    private final ProcurementViews views;
    private final ProcurementEventRows events;
    private final JdbcTemplate jdbc;
    private final EventCodec<ProcurementEvent> codec;

    ProcurementProjection(ProcurementViews views, ProcurementEventRows events, JdbcTemplate jdbc,
                          EventCodec<ProcurementEvent> codec) {
        this.views = views;
        this.events = events;
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /** One procurement's events in the batch: their rows, whether one is its planning, the latest sequence. */
    private static final class Pending {
        final List<RecordedEventRowsSql.Row> rows = new ArrayList<>();
        ProcurementPlanned planned;
        long latest = -1;
    }

    @EventHandler
    void on(ProcurementEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        RecordedEventRowsSql.Row row = new RecordedEventRowsSql.Row(event.procurementId().value(), sequence,
                codec.typeOf(event), event.effectiveOn(), recordedAt,
                String.valueOf(metaData.getOrDefault(RECORDED_BY, "unidentified")), text(metaData, REASON),
                text(metaData, CORRELATION_ID), codec.write(event));
        ProcessorBatch.collect(PENDING, row.aggregateId(), id -> new Pending(), pending -> {
            pending.rows.add(row);
            if (event instanceof ProcurementPlanned planned) {
                pending.planned = planned;
            }
            pending.latest = Math.max(pending.latest, sequence);
        }, this::flush);
    }

    /**
     * Saves the batch's event rows, then folds each procurement once from its stored history up to its latest event in
     * the batch, as handling that event alone would: a procurement whose summary does not exist yet gets one only from
     * its planning (an event of an unknown procurement is kept, its summary left to the planning).
     */
    private void flush(Map<String, Pending> pending) {
        RecordedEventRowsSql.store(jdbc, "procurement_event_view", "procurement_id",
                pending.values().stream().flatMap(p -> p.rows.stream()).toList());
        Map<String, ProcurementView> existing = new HashMap<>();
        views.findAllById(pending.keySet()).forEach(view -> existing.put(view.procurementId(), view));
        Map<String, List<ProcurementEventRow>> histories = new HashMap<>();
        for (ProcurementEventRow row : events.findByProcurementIdInOrderByProcurementIdAscSequenceAsc(pending.keySet())) {
            histories.computeIfAbsent(row.procurementId(), id -> new ArrayList<>()).add(row);
        }
        List<ProcurementView> changed = new ArrayList<>();
        pending.forEach((id, batch) -> {
            ProcurementView view = existing.get(id);
            if (view == null && batch.planned != null) {
                view = new ProcurementView(batch.planned);
            }
            if (view == null) {
                return;
            }
            ProcurementTimeline timeline = ProcurementTimeline.of(histories.get(id).stream()
                    .filter(row -> row.sequence() <= batch.latest)
                    .map(row -> codec.read(row.type(), row.payload()))
                    .toList());
            view.update(timeline.asOf(timeline.latestEffectiveDate()), batch.latest);
            changed.add(view);
        });
        views.saveAll(changed);
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
