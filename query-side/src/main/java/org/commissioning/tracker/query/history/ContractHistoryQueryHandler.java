package org.commissioning.tracker.query.history;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.query.contract.RecordedContractEvents;
import org.commissioning.tracker.query.contract.RecordedContractEvents.Recorded;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.ContractHistory;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.GetContractHistory;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.HistoryEntry;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.DerivedRenewal;
import org.springframework.stereotype.Component;

/**
 * A contract's history: its recorded events in the order they were recorded (which is also the order they took
 * effect), with the automatic renewals the shared date rules derive from them, each placed by its renewal point
 * (before any event recorded as effective the same day: a renewal takes effect at the start of its day).
 */
@Component
class ContractHistoryQueryHandler {

    private final RecordedContractEvents events;

    ContractHistoryQueryHandler(RecordedContractEvents events) {
        this.events = events;
    }

    @QueryHandler
    Optional<ContractHistory> handle(GetContractHistory query) {
        List<Recorded> recorded = events.knownAt(query.contractId(), query.knownAt());
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        ContractTimeline timeline = ContractTimeline.of(recorded.stream().map(Recorded::event).toList());
        ContractRegistered registration = timeline.registration();
        Iterator<DerivedRenewal> renewals = timeline.automaticRenewals(query.renewalsUpTo()).iterator();
        DerivedRenewal renewal = renewals.hasNext() ? renewals.next() : null;

        List<HistoryEntry> entries = new ArrayList<>();
        for (Recorded event : recorded) {
            // the registration comes first whatever its date; a renewal before an event effective the same day
            while (renewal != null && !entries.isEmpty() && !renewal.renewalPoint().isAfter(event.effectiveOn())) {
                entries.add(derived(renewal));
                renewal = renewals.hasNext() ? renewals.next() : null;
            }
            entries.add(new HistoryEntry(event.sequence(), event.type(), event.effectiveOn(), event.recordedAt(),
                    event.recordedBy(), event.reason(), event.correlationId(),
                    HistorySummaries.of(event.event(), registration), event.event(), false));
        }
        while (renewal != null) {
            entries.add(derived(renewal));
            renewal = renewals.hasNext() ? renewals.next() : null;
        }

        int from = (int) Math.min((long) query.page() * query.size(), entries.size());
        int to = (int) Math.min((long) from + query.size(), entries.size());
        return Optional.of(new ContractHistory(query.contractId().value(), query.knownAt(),
                List.copyOf(entries.subList(from, to)), query.page(), query.size(), entries.size()));
    }

    private static HistoryEntry derived(DerivedRenewal renewal) {
        return new HistoryEntry(null, HistoryEntry.AUTOMATIC_RENEWAL, renewal.renewalPoint(), null, null, null, null,
                HistorySummaries.of(renewal), renewal, true);
    }
}
