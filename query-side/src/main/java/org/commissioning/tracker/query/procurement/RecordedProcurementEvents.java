package org.commissioning.tracker.query.procurement;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procurement projection's record of events, for the features that read it (the audit history): each event as
 * recorded, with when, by whom and why; and how far the projection has got. The correlation id of the request that
 * recorded an event is not among the projection's columns, so it is read from the event's metadata in the event store
 * (which holds every event the projection has seen; a procurement has tens of events, read in one query).
 */
@Component
public class RecordedProcurementEvents {

    /** One recorded event of a procurement and its metadata. */
    public record Recorded(long sequence, String type, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                           String reason, String correlationId, ProcurementEvent event) {
    }

    private final ProcurementEventRows rows;
    private final ProcurementViews views;
    private final EventCodec<ProcurementEvent> codec;
    private final EventStore eventStore;

    RecordedProcurementEvents(ProcurementEventRows rows, ProcurementViews views, EventCodec<ProcurementEvent> codec,
                              EventStore eventStore) {
        this.rows = rows;
        this.views = views;
        this.codec = codec;
        this.eventStore = eventStore;
    }

    /**
     * The procurement's events recorded at or before {@code knownAt} (null: all), in sequence order; empty when none
     * (no such procurement, or not yet known then).
     */
    @Transactional(readOnly = true)
    public List<Recorded> knownAt(ProcurementId id, Instant knownAt) {
        List<ProcurementEventRow> known = rows.findByProcurementIdOrderBySequence(id.value()).stream()
                .filter(row -> knownAt == null || !row.recordedAt().isAfter(knownAt))
                .toList();
        if (known.isEmpty()) {
            return List.of();
        }
        Map<Long, String> correlationIds = correlationIds(id, known.getLast().sequence());
        return known.stream()
                .map(row -> new Recorded(row.sequence(), row.type(), row.effectiveOn(), row.recordedAt(),
                        row.recordedBy(), row.reason(), correlationIds.get(row.sequence()),
                        codec.read(row.type(), row.payload())))
                .toList();
    }

    /** The correlation id of each of the procurement's events up to {@code last}, by sequence. */
    private Map<Long, String> correlationIds(ProcurementId id, long last) {
        Map<Long, String> correlationIds = new HashMap<>();
        eventStore.readEvents(id.toString(), 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= last)
                .forEach(message -> {
                    Object correlationId = message.getMetaData().get(CORRELATION_ID);
                    if (correlationId != null) {
                        correlationIds.put(message.getSequenceNumber(), correlationId.toString());
                    }
                });
        return correlationIds;
    }

    /** The version of the procurement the projection has reached, or -1 when it has not seen the procurement. */
    public long projectedVersion(String id) {
        return Optional.ofNullable(views.versionOf(id)).orElse(-1L);
    }
}
