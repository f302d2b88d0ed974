package org.commissioning.tracker.query.keydates;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * A contract or procurement whose key dates are recomputed at the end of a batch: up to {@code sequence}, from the
 * events the batch brought when they are its whole history so far (a replay, a bulk load), else from the event store.
 */
final class PendingSubject<E> {

    private final String aggregateId;
    private final Class<E> type;
    private final List<E> seen = new ArrayList<>();
    private long firstSeen;
    private long sequence = -1;
    private boolean contiguous = true;

    PendingSubject(String aggregateId, Class<E> type) {
        this.aggregateId = aggregateId;
        this.type = type;
    }

    void add(E event, long sequenceNumber) {
        if (seen.isEmpty()) {
            firstSeen = sequenceNumber;
        } else if (sequenceNumber != sequence + 1) {
            contiguous = false;
        }
        seen.add(event);
        sequence = Math.max(sequence, sequenceNumber);
    }

    /** The last sequence number the batch brought: the version the recomputed key dates stand for. */
    long sequence() {
        return sequence;
    }

    /** Its events up to {@code sequence}: the batch's own when they are the whole history, else the event store's. */
    List<E> history(EventStore eventStore) {
        if (contiguous && firstSeen == 0 && seen.size() == sequence + 1) {
            return seen;
        }
        return eventStore.readEvents(aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= sequence)
                .map(DomainEventMessage::getPayload)
                .map(type::cast)
                .toList();
    }
}
