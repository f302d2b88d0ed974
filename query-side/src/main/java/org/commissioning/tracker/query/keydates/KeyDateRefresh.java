package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.query.keydates.KeyDateStore.Replacement;
import org.springframework.stereotype.Component;

/**
 * The end of a key-dates batch, the same for contracts and procurements: each subject the batch touched is planned
 * against the version its rows stand for ({@link PendingSubject#plan}), then the changed ones' rows are replaced up to
 * the horizon and the unchanged ones' versions moved, in the batch's transaction.
 */
@Component
class KeyDateRefresh {

    private final EventStore eventStore;
    private final KeyDateStore store;
    private final KeyDateHorizon horizon;
    private final RecentHistories recent;

    KeyDateRefresh(EventStore eventStore, KeyDateStore store, KeyDateHorizon horizon, RecentHistories recent) {
        this.eventStore = eventStore;
        this.store = store;
        this.horizon = horizon;
        this.recent = recent;
    }

    /**
     * Brings the rows of the {@code type} subjects in {@code pending} up to their batch's events, then empties it;
     * {@code fold} turns a history and the version it ends at into the subject's rows (the shared date rules).
     */
    <E> void flush(String type, Map<String, PendingSubject<E>> pending,
                   BiFunction<List<E>, Long, Replacement> fold) {
        if (pending.isEmpty()) {
            return;
        }
        KeyDateHorizon.Materialised materialised = horizon.sharedForWriting();
        Map<String, Long> projected = store.versionsOf(type, List.copyOf(pending.keySet()));
        List<Replacement> replacements = new ArrayList<>(pending.size());
        Map<String, Long> versionsOnly = new HashMap<>();
        pending.forEach((id, subject) -> subject.plan(projected.getOrDefault(id, -1L), eventStore, recent, fold,
                replacements, versionsOnly));
        store.replace(replacements, materialised);
        store.moveVersions(type, versionsOnly);
        pending.clear();
    }
}
