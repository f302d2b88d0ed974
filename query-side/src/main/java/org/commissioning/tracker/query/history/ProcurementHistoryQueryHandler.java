package org.commissioning.tracker.query.history;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.query.procurement.RecordedProcurementEvents;
import org.commissioning.tracker.query.procurement.RecordedProcurementEvents.Recorded;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.HistoryEntry;
import org.commissioning.tracker.shared.procurement.ProcurementHistoryQueries.GetProcurementHistory;
import org.commissioning.tracker.shared.procurement.ProcurementHistoryQueries.ProcurementHistory;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.springframework.stereotype.Component;

/**
 * A procurement's history: its recorded events in the order they were recorded (which is also the order they took
 * effect), each with a line in words. Unlike a contract, a procurement implies nothing between its events, so every
 * entry is a recorded event.
 */
@Component
class ProcurementHistoryQueryHandler {

    private final RecordedProcurementEvents events;

    ProcurementHistoryQueryHandler(RecordedProcurementEvents events) {
        this.events = events;
    }

    @QueryHandler
    Optional<ProcurementHistory> handle(GetProcurementHistory query) {
        List<Recorded> recorded = events.knownAt(query.procurementId(), query.knownAt());
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        ProcurementPlanned planning = (ProcurementPlanned) recorded.getFirst().event();
        int from = (int) Math.min((long) query.page() * query.size(), recorded.size());
        int to = (int) Math.min((long) from + query.size(), recorded.size());
        List<HistoryEntry> page = recorded.subList(from, to).stream()
                .map(event -> new HistoryEntry(event.sequence(), event.type(), event.effectiveOn(), event.recordedAt(),
                        event.recordedBy(), event.reason(), event.correlationId(),
                        ProcurementHistorySummaries.of(event.event(), planning), event.event(), false))
                .toList();
        return Optional.of(new ProcurementHistory(query.procurementId().value(), query.knownAt(), page, query.page(),
                query.size(), recorded.size()));
    }
}
