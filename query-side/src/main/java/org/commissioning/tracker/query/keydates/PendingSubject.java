package org.commissioning.tracker.query.keydates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;

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

    /**
     * What this subject's rows need, given the version of its aggregate they stand for ({@code projected}, −1 for
     * none) and how a history folds into rows as of a version ({@code fold}, the shared date rules): nothing when they
     * stand for a later version; only their version moved ({@code versionsOnly}) when the history up to
     * {@code projected} folds into the same subject and dates as the history now, as after an event that moves no
     * date (a variation of the value, a commencement on the planned start); else a replacement. The rows depend on
     * nothing but the history (not on "today"; series occurrences past the horizon are the horizon's), so equal folds
     * mean equal rows.
     */
    void plan(long projected, EventStore eventStore, RecentHistories recent,
              BiFunction<List<E>, Long, Replacement> fold, List<Replacement> replacements,
              Map<String, Long> versionsOnly) {
        if (projected > sequence) {
            return;
        }
        List<E> history = history(eventStore, recent);
        Replacement now = fold.apply(history, sequence);
        if (projected >= 0 && projected < history.size()) {
            Replacement then = fold.apply(history.subList(0, Math.toIntExact(projected) + 1), projected);
            if (then.subject().equals(now.subject()) && then.schedule().equals(now.schedule())) {
                versionsOnly.put(now.subject().id(), sequence);
                return;
            }
        }
        replacements.add(now);
    }

    /**
     * Its events up to {@code sequence}: the batch's own when they are the whole history; else the history kept in
     * {@code recent}, cut at {@code sequence} or followed by the batch's events when they come right after it; else
     * the event store's. Kept in {@code recent} for the next batch, except in a batch into emptied tables (a bulk
     * rebuild: every history is whole in its batch, and seen once).
     */
    List<E> history(EventStore eventStore, RecentHistories recent) {
        if (contiguous && firstSeen == 0 && seen.size() == sequence + 1) {
            return kept(seen, recent);
        }
        List<E> known = recent.get(aggregateId);
        if (known != null && known.size() > sequence) {
            return known.subList(0, Math.toIntExact(sequence) + 1);
        }
        if (known != null && contiguous && firstSeen == known.size()) {
            List<E> history = new ArrayList<>(known.size() + seen.size());
            history.addAll(known);
            history.addAll(seen);
            return kept(history, recent);
        }
        return kept(eventStore.readEvents(aggregateId, 0).asStream()
                .takeWhile(message -> message.getSequenceNumber() <= sequence)
                .map(DomainEventMessage::getPayload)
                .map(type::cast)
                .toList(), recent);
    }

    private List<E> kept(List<E> history, RecentHistories recent) {
        if (!ProcessorBatch.intoEmptyTables()) {
            recent.put(aggregateId, history);
        }
        return history;
    }
}
