package org.commissioning.tracker.query.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.query.keydates.KeyDateHorizon.Dates;
import org.commissioning.tracker.query.keydates.KeyDateHorizon.Materialised;
import org.commissioning.tracker.query.keydates.KeyDateStore.StoredSeries;
import org.commissioning.tracker.query.keydates.KeyDateStore.Window;
import org.commissioning.tracker.shared.keydates.DateSeries;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDatePage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers {@link FindKeyDates} from the key-dates tables. A window within the series occurrences written as rows
 * ({@link KeyDateHorizon}: from a year before the last rebuild to the horizon) is one statement: an ordered index
 * range for the page and the index for the count. A window reaching outside them adds the occurrences of the series
 * there, expanded by the shared rules and merged in the same order (one consistent snapshot); only the page's lines
 * are written out.
 */
@Component
class KeyDateQueryHandler {

    private final KeyDateStore store;
    private final KeyDateHorizon horizon;
    private final TransactionTemplate snapshot;

    KeyDateQueryHandler(KeyDateStore store, KeyDateHorizon horizon, TransactionTemplate transactions) {
        this.store = store;
        this.horizon = horizon;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    @QueryHandler
    KeyDatePage handle(FindKeyDates query) {
        Materialised materialised = horizon.current();
        Window window;
        if (materialised != null && materialised.covers(query.from(), query.to())) {
            window = store.window(query, query.from(), query.to(), query.offset(), query.size());
        } else {
            window = snapshot.execute(status -> withSeriesExpanded(query));
        }
        return new KeyDatePage(window.rows().stream().map(row -> row.toKeyDate(query.from())).toList(), query.page(),
                query.size(), window.total(), query.from(), query.to());
    }

    /** An occurrence of a series, its line written only if it is on the page. */
    private record Expanded(KeyDateRow row, DateSeries series, int k) {
    }

    /**
     * The rows stored in the window and the series' occurrences in its parts outside the rows' bounds (before the
     * first, after the horizon), in the list's order; one page.
     */
    private Window withSeriesExpanded(FindKeyDates query) {
        Materialised materialised = horizon.current();
        LocalDate from = query.from();
        LocalDate to = query.to();
        List<Dates> outside = materialised == null ? List.of(new Dates(from, to)) : materialised.outside(from, to);
        List<Expanded> found = new ArrayList<>();
        Set<KeyDateRow.Key> stored = new HashSet<>();
        for (KeyDateRow row : store.all(query, from, to)) {
            found.add(new Expanded(row, null, 0));
            stored.add(row.key());
        }
        for (Dates part : outside) {
            for (StoredSeries each : store.seriesReaching(part.first().minusDays(1), part.last(), query)) {
                DateSeries series = each.series();
                int[] range = series.indicesBetween(part.first(), part.last());
                for (int k = range[0]; k <= range[1]; k++) {
                    KeyDateRow row = new KeyDateRow(series.dateOf(k), each.subjectId(), series.kind().name(),
                            each.subjectType(), series.ordinal(), null, null);
                    if (!stored.contains(row.key())) { // the horizon moved on since the bounds were read
                        found.add(new Expanded(row, series, k));
                    }
                }
            }
        }
        found.sort((a, b) -> KeyDateRow.ORDER.compare(a.row(), b.row()));
        int start = (int) Math.min(query.offset(), found.size());
        List<Expanded> onPage = found.subList(start, Math.min(found.size(), start + query.size()));
        Map<String, Map<String, String>> titles = new HashMap<>();
        onPage.stream().filter(e -> e.series() != null).map(e -> e.row().subjectType()).distinct().forEach(type ->
                titles.put(type, store.titles(type, onPage.stream().filter(e -> e.series() != null
                        && e.row().subjectType().equals(type)).map(e -> e.row().subjectId()).distinct().toList())));
        List<KeyDateRow> page = onPage.stream()
                .map(e -> e.series() == null ? e.row() : e.row().written(
                        titles.get(e.row().subjectType()).get(e.row().subjectId()), e.series().detailOf(e.k())))
                .toList();
        return new Window(page, found.size());
    }
}
