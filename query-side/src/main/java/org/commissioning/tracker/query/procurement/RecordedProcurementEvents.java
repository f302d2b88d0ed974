package org.commissioning.tracker.query.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procurement projection's record of events, for the features that read it (the audit history): each event as
 * recorded, with when, by whom, why and under which correlation id; and how far the projection has got. Everything
 * comes from the projection's own rows, as for contracts: a history request does not read the event store.
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

    RecordedProcurementEvents(ProcurementEventRows rows, ProcurementViews views, EventCodec<ProcurementEvent> codec) {
        this.rows = rows;
        this.views = views;
        this.codec = codec;
    }

    /**
     * The procurement's events recorded at or before {@code knownAt} (null: all), in sequence order; empty when none
     * (no such procurement, or not yet known then).
     */
    @Transactional(readOnly = true)
    public List<Recorded> knownAt(ProcurementId id, Instant knownAt) {
        return rows.findByProcurementIdOrderBySequence(id.value()).stream()
                .filter(row -> knownAt == null || !row.recordedAt().isAfter(knownAt))
                .map(row -> new Recorded(row.sequence(), row.type(), row.effectiveOn(), row.recordedAt(),
                        row.recordedBy(), row.reason(), row.correlationId(), codec.read(row.type(), row.payload())))
                .toList();
    }

    /** The version of the procurement the projection has reached, or -1 when it has not seen the procurement. */
    public long projectedVersion(String id) {
        return Optional.ofNullable(views.versionOf(id)).orElse(-1L);
    }
}
