package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.query.keydates.KeyDateStore.StoredSeries;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDatePage;
import org.commissioning.tracker.shared.keydates.ScheduledDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers {@link FindKeyDates} from the key-dates tables. A window ending on or before the horizon is one ordered
 * index range (a page and a count); a window reaching beyond it adds the series' occurrences there, expanded by the
 * shared rules, merged in the same order.
 */
@Component
class KeyDateQueryHandler {

    private final KeyDateStore store;
    private final KeyDateHorizon horizon;

    KeyDateQueryHandler(KeyDateStore store, KeyDateHorizon horizon) {
        this.store = store;
        this.horizon = horizon;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    KeyDatePage handle(FindKeyDates query) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        LocalDate materialisedThrough = horizon.current();
        List<KeyDateRow> rows;
        long total;
        if (materialisedThrough != null && !to.isAfter(materialisedThrough)) {
            rows = store.page(query, from, to, query.offset(), query.size());
            total = rows.isEmpty() && query.page() == 0 ? 0 : store.count(query, from, to);
        } else {
            List<KeyDateRow> all = beyondHorizon(query, materialisedThrough);
            total = all.size();
            int start = (int) Math.min(query.offset(), all.size());
            rows = all.subList(start, Math.min(all.size(), start + query.size()));
        }
        return new KeyDatePage(rows.stream().map(row -> row.toKeyDate(from)).toList(), query.page(), query.size(),
                total, from, to);
    }

    /** The rows stored in the window, and the occurrences of the series after the horizon, in the list's order. */
    private List<KeyDateRow> beyondHorizon(FindKeyDates query, LocalDate materialisedThrough) {
        LocalDate from = query.from();
        LocalDate to = query.to();
        LocalDate after = materialisedThrough == null ? from.minusDays(1)
                : materialisedThrough.isBefore(from) ? from.minusDays(1) : materialisedThrough;
        Map<KeyDateRow.Key, KeyDateRow> found = new LinkedHashMap<>();
        for (KeyDateRow row : store.all(query, from, to)) {
            found.put(row.key(), row);
        }
        for (StoredSeries stored : store.seriesReaching(after, to, query)) {
            for (ScheduledDate occurrence : stored.series().between(after.plusDays(1), to)) {
                KeyDateRow row = new KeyDateRow(occurrence.date(), stored.subjectId(), occurrence.kind().name(),
                        stored.subjectType(), occurrence.ordinal(), stored.title(), occurrence.detail());
                found.putIfAbsent(row.key(), row);
            }
        }
        List<KeyDateRow> rows = new ArrayList<>(found.values());
        rows.sort(KeyDateRow.ORDER);
        return rows;
    }
}
