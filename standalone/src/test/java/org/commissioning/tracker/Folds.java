package org.commissioning.tracker;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDetails;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the query side should answer, worked out independently of it: a contract's events read back through Axon's
 * event store and folded by the pure date rules ({@link ContractTimeline}).
 */
final class Folds {

    private Folds() {
    }

    static List<? extends DomainEventMessage<?>> events(EventStore store, String contractId) {
        return store.readEvents("contract:" + contractId).asStream().toList();
    }

    /** The answer of {@code GET /api/contracts/{id}?asOf=date} as JSON, from the stored events alone. */
    static JsonNode expected(EventStore store, JsonMapper json, String contractId, LocalDate asOf) {
        List<? extends DomainEventMessage<?>> events = events(store, contractId);
        ContractTimeline timeline = ContractTimeline.of(events.stream()
                .map(event -> (ContractEvent) event.getPayload()).toList());
        ContractDetails details = ContractDetails.of(timeline.registration(), timeline.asOf(asOf),
                events.getLast().getSequenceNumber());
        return json.readTree(json.writeValueAsString(details));
    }
}
