package org.commissioning.tracker.query.keydates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The histories of the subjects whose key dates were recomputed last, so that the next event of one (a contract
 * manager records a contract's milestones one after another) is folded with the history already read instead of the
 * whole stream being read from the event store again. Safe to keep: a history is a prefix of its aggregate's stream,
 * the stream is append-only and its events immutable (the database refuses updates and deletes), and a tracking
 * processor sees committed events only. Bounded ({@code tracker.key-dates.history-cache} subjects, 1,000 by default,
 * the least recently used dropped first; 0: none). Shared by the contracts' and procurements' key dates: aggregate
 * identifiers carry their type.
 */
@Component
class RecentHistories {

    private final Cache<String, List<?>> recent;

    RecentHistories(@Value("${tracker.key-dates.history-cache:1000}") int size) {
        this.recent = size <= 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The history kept for this aggregate (its events from 0, in order), or null. */
    @SuppressWarnings("unchecked")
    <E> List<E> get(String aggregateId) {
        return recent == null ? null : (List<E>) recent.getIfPresent(aggregateId);
    }

    /** Keeps this history (its events from 0, in order; copied) of the aggregate. */
    void put(String aggregateId, List<?> history) {
        if (recent != null) {
            recent.put(aggregateId, List.copyOf(history));
        }
    }
}
