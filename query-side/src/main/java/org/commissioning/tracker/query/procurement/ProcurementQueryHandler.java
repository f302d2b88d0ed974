package org.commissioning.tracker.query.procurement;

import org.commissioning.tracker.query.events.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.FindProcurements;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.GetProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.ProcurementDetails;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.ProcurementPipeline;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.ProcurementSummary;
import org.commissioning.tracker.shared.procurement.ProcurementState;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers questions about procurements by folding their recorded events with the shared rules. */
@Component
class ProcurementQueryHandler {

    private final ProcurementViews views;
    private final ProcurementEventRows rows;
    private final EventCodec<ProcurementEvent> codec;

    ProcurementQueryHandler(ProcurementViews views, ProcurementEventRows rows, EventCodec<ProcurementEvent> codec) {
        this.views = views;
        this.rows = rows;
        this.codec = codec;
    }

    /** A procurement's events as known at a time, folded; with the version they reach. */
    record Known(ProcurementTimeline timeline, long version) {
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<ProcurementDetails> handle(GetProcurement query) {
        return known(query.procurementId(), query.knownAt()).map(known -> ProcurementDetails.of(
                known.timeline().planning(), known.timeline().asOf(query.asOf()), known.version()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    ProcurementPipeline handle(FindProcurements query) {
        List<String> candidates = views.plannedBy(query.asOf(), query.regime() == null ? null : query.regime().name());
        Map<String, List<ProcurementEventRow>> byProcurement = new LinkedHashMap<>();
        if (!candidates.isEmpty()) {
            for (ProcurementEventRow row : rows.findByProcurementIdInOrderByProcurementIdAscSequenceAsc(candidates)) {
                byProcurement.computeIfAbsent(row.procurementId(), id -> new ArrayList<>()).add(row);
            }
        }
        List<ProcurementSummary> matching = new ArrayList<>();
        for (String id : candidates) {
            List<ProcurementEventRow> recorded = byProcurement.get(id);
            if (recorded == null) {
                continue;
            }
            ProcurementTimeline timeline = fold(recorded);
            ProcurementState state = timeline.asOf(query.asOf());
            if ((query.status() == null || state.status() == query.status())
                    && (query.route() == null || state.route() == query.route())) {
                matching.add(ProcurementSummary.of(timeline.planning(), state, recorded.getLast().sequence()));
            }
        }
        long from = (long) query.page() * query.size();
        List<ProcurementSummary> page = from >= matching.size() ? List.of()
                : matching.subList((int) from, (int) Math.min(matching.size(), from + query.size()));
        return new ProcurementPipeline(query.asOf(), List.copyOf(page), query.page(), query.size(), matching.size());
    }

    Optional<Known> known(ProcurementId id, Instant knownAt) {
        List<ProcurementEventRow> recorded = rows.findByProcurementIdOrderBySequence(id.value()).stream()
                .filter(row -> knownAt == null || !row.recordedAt().isAfter(knownAt))
                .toList();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Known(fold(recorded), recorded.getLast().sequence()));
    }

    private ProcurementTimeline fold(List<ProcurementEventRow> recorded) {
        List<ProcurementEvent> events = recorded.stream().map(row -> codec.read(row.type(), row.payload())).toList();
        return ProcurementTimeline.of(events);
    }
}
