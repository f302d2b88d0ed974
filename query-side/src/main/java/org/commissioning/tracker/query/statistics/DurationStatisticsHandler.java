package org.commissioning.tracker.query.statistics;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementState;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.commissioning.tracker.shared.procurement.StagePeriod;
import org.commissioning.tracker.shared.statistics.DurationStatistics;
import org.commissioning.tracker.shared.statistics.DurationStatistics.GetDurationStatistics;
import org.commissioning.tracker.shared.statistics.DurationStatistics.Group;
import org.commissioning.tracker.shared.statistics.DurationStatistics.Measure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durations across the portfolio, folded from every procurement's and contract's recorded events with the shared
 * rules as of the date asked. It reads the whole portfolio per request: fine for a statistics page over thousands of
 * contracts; a projection of the measures would be the next step at national scale.
 */
@Component
class DurationStatisticsHandler {

    static final String NOT_RECORDED = "NOT_RECORDED";

    private final JdbcTemplate jdbc;
    private final EventCodec<ContractEvent> contracts;
    private final EventCodec<ProcurementEvent> procurements;

    DurationStatisticsHandler(JdbcTemplate jdbc, EventCodec<ContractEvent> contracts,
                              EventCodec<ProcurementEvent> procurements) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.procurements = procurements;
    }

    /** Days of one measure, by group. */
    private static final class Samples {
        final Map<String, Map<String, List<Long>>> byGroup = new TreeMap<>();
        final Map<String, int[]> counts = new HashMap<>();

        void add(String group, String measure, Long days) {
            if (days != null) {
                byGroup.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(measure, m -> new ArrayList<>()).add(days);
            }
        }

        void count(String group, int index) {
            byGroup.computeIfAbsent(group, g -> new TreeMap<>());
            counts.computeIfAbsent(group, g -> new int[2])[index]++;
        }
    }

    @QueryHandler
    @Transactional(readOnly = true)
    DurationStatistics handle(GetDurationStatistics query) {
        Map<String, String> regimeOfProcurement = new HashMap<>();
        Samples samples = new Samples();
        fold("procurement_event_view", "procurement_id", procurements, (id, events) -> {
            ProcurementTimeline timeline = ProcurementTimeline.of(events);
            ProcurementPlanned planned = (ProcurementPlanned) events.getFirst();
            regimeOfProcurement.put(id, planned.regime().name());
            if (planned.effectiveOn().isAfter(query.asOf())) {
                return;
            }
            ProcurementState state = timeline.asOf(query.asOf());
            String group = switch (query.groupBy()) {
                case ROUTE -> state.route().name();
                case REGIME -> planned.regime().name();
                case KIND -> kindOfAward(events);
            };
            samples.count(group, 0);
            for (StagePeriod stage : state.stages()) {
                if (stage.to() != null) {
                    samples.add(group, "STAGE_" + stage.stage(), stage.days());
                }
            }
            samples.add(group, "PLANNING_TO_AWARD", state.daysToAward());
            samples.add(group, "FIRST_NOTICE_TO_AWARD", state.daysFromFirstNoticeToAward());
        });
        fold("contract_event_view", "contract_id", contracts, (id, events) -> {
            ContractRegistered registered = (ContractRegistered) events.getFirst();
            if (registered.awardedOn().isAfter(query.asOf())) {
                return;
            }
            ContractTimeline timeline = ContractTimeline.of(events);
            ContractState state = timeline.asOf(query.asOf());
            String group = switch (query.groupBy()) {
                case ROUTE -> registered.procurementRoute() == null ? NOT_RECORDED : registered.procurementRoute().name();
                case REGIME -> registered.procurementId() == null ? NOT_RECORDED
                        : regimeOfProcurement.getOrDefault(registered.procurementId().value(), NOT_RECORDED);
                case KIND -> registered.kind().name();
            };
            samples.count(group, 1);
            if (state.commencedOn() != null) {
                samples.add(group, "AWARD_TO_GO_LIVE", ChronoUnit.DAYS.between(state.awardedOn(), state.commencedOn()));
            }
            if (!query.asOf().isBefore(registered.terms().startDate())) {
                samples.add(group, "IN_FORCE", timeline.durations(query.asOf()).daysInForce());
            }
        });
        List<Group> groups = new ArrayList<>();
        samples.byGroup.forEach((group, measures) -> {
            int[] counts = samples.counts.getOrDefault(group, new int[2]);
            groups.add(new Group(group, counts[0], counts[1], measures.entrySet().stream()
                    .map(measure -> measure(measure.getKey(), measure.getValue())).toList()));
        });
        return new DurationStatistics(query.groupBy(), query.asOf(), groups);
    }

    private static String kindOfAward(List<ProcurementEvent> events) {
        return events.stream()
                .filter(e -> e instanceof org.commissioning.tracker.shared.procurement.ProcurementAwarded)
                .map(e -> ((org.commissioning.tracker.shared.procurement.ProcurementAwarded) e).kind().name())
                .findFirst().orElse("NOT_AWARDED");
    }

    static Measure measure(String name, List<Long> days) {
        List<Long> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        double mean = Math.round(sorted.stream().mapToLong(Long::longValue).sum() * 10.0 / n) / 10.0;
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new Measure(name, n, mean, median);
    }

    private <E> void fold(String table, String idColumn, EventCodec<E> codec, BiConsumer<String, List<E>> each) {
        Map<String, List<E>> byId = new LinkedHashMap<>();
        jdbc.query("select " + idColumn + ", type, payload from " + table + " order by " + idColumn + ", sequence",
                row -> {
                    byId.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(codec.read(row.getString(2), row.getString(3)));
                });
        byId.forEach(each);
    }
}
