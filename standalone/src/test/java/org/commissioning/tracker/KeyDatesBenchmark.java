package org.commissioning.tracker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.keydates.FindKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDatePage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key-dates query over a realistic portfolio of 100,000 contracts (3+7 option, 5 years then rolling, 10 and 15
 * years, 3+1+1, annual renewal by agreement; a quarter with quarterly reviews, some annual reviews; histories decided
 * by the shared rules up to today), loaded by appending their events in batches to the event store and letting the
 * key-dates projection process every one. Then many random 90-day windows, through the query gateway and over HTTP:
 * median and p99. Run by hand, not in CI (sizes by -Dbenchmark.contracts, -Dbenchmark.runs):
 * {@code mvn -B -pl standalone -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=KeyDatesBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -am}: the modules of this checkout, not whatever ~/.m2 holds).
 */
@Tag("benchmark")
class KeyDatesBenchmark {

    static final int CONTRACTS = Integer.getInteger("benchmark.contracts", 100_000);
    static final int RUNS = Integer.getInteger("benchmark.runs", 1_000);
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 300);
    static final LocalDate TODAY = LocalDate.now(java.time.Clock.system(java.time.ZoneId.of("Europe/London")));
    static final Random RANDOM = new Random(20261122);

    static final List<String> COMMISSIONERS = names("Integrated Care Board", 42, "County Council", 60);
    static final List<String> PROVIDERS = names("NHS Foundation Trust", 180, "Care Ltd", 400);

    static List<String> names(String first, int firsts, String second, int seconds) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= firsts; i++) {
            names.add("Benchmark " + i + " " + first);
        }
        for (int i = 1; i <= seconds; i++) {
            names.add("Benchmark " + i + " " + second);
        }
        return names;
    }

    @Test
    void keyDatesInANinetyDayWindowOverAHundredThousandContracts() throws Exception {
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, "tracker.embedded-postgres.ephemeral=true", "logging.level.root=WARN",
                "tracker.projections.shared-processor=false",
                "logging.level.org.commissioning=INFO")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            // only the key dates are measured (a processor per projection here): the contracts projection would share
            // the two cores while loading
            processing.eventProcessor("contracts").ifPresent(p -> p.shutDown());
            StreamingEventProcessor keyDates = processing.eventProcessor("key-dates", StreamingEventProcessor.class)
                    .orElseThrow();

            List<String> report = new ArrayList<>();
            report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared with PostgreSQL and the "
                    + "client), Java " + System.getProperty("java.version") + ", today " + TODAY);

            long generating = System.nanoTime();
            List<List<ContractEvent>> histories = new ArrayList<>(CONTRACTS);
            long events = 0;
            for (int i = 0; i < CONTRACTS; i++) {
                List<ContractEvent> history = history(i);
                histories.add(history);
                events += history.size();
            }
            report.add(String.format("generated %,d contracts, %,d events in %.1f s", CONTRACTS, events,
                    seconds(generating)));

            EventStorageEngine storage = app.getBean(EventStorageEngine.class);
            long appending = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>();
            for (List<ContractEvent> history : histories) {
                for (int seq = 0; seq < history.size(); seq++) {
                    ContractEvent event = history.get(seq);
                    batch.add(new GenericDomainEventMessage<>("Contract", event.contractId().toString(), seq, event,
                            Map.of("recordedBy", "Benchmark loader")));
                }
                if (batch.size() >= 2_000) {
                    storage.appendEvents(batch);
                    batch.clear();
                }
            }
            storage.appendEvents(batch);
            double appendSeconds = seconds(appending);
            report.add(String.format("appended in %.1f s (%,.0f events/s)", appendSeconds, events / appendSeconds));

            long projected = -1;
            while (projected < CONTRACTS || !caughtUp(keyDates)) {
                Thread.sleep(1_000);
                projected = jdbc.queryForObject("select count(*) from key_date_subject", Long.class);
            }
            double projectSeconds = seconds(appending);
            report.add(String.format("key-dates projection caught up %.1f s after the first append: %,.0f events/s",
                    projectSeconds, events / projectSeconds));
            jdbc.execute("vacuum analyze key_date");
            jdbc.execute("vacuum analyze key_date_subject");
            jdbc.execute("vacuum analyze key_date_series");
            jdbc.execute("vacuum analyze key_date_count");
            report.add(String.format("read model: %,d rows (%s), %,d series (%,d without end), horizon %s",
                    jdbc.queryForObject("select count(*) from key_date", Long.class),
                    jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('key_date'))", String.class),
                    jdbc.queryForObject("select count(*) from key_date_series", Long.class),
                    jdbc.queryForObject("select count(*) from key_date_series where last_index is null", Long.class),
                    jdbc.queryForObject("select materialised_through from key_date_horizon", LocalDate.class)));

            if (Boolean.getBoolean("benchmark.explain")) {
                explain(jdbc, TODAY.toString(), COMMISSIONERS.get(0));
            }
            QueryGateway gateway = app.getBean(QueryGateway.class);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://localhost:" + Applications.port(app) + "/api/key-dates?";
            LocalDate earliest = TODAY.minusYears(1);
            Supplier<LocalDate> nearToday = () -> earliest.plusDays(RANDOM.nextInt(3 * 365));
            Supplier<LocalDate> farAway = () -> LocalDate.of(2045, 1, 1).plusDays(RANDOM.nextInt(5 * 365));
            String commissioner = COMMISSIONERS.get(0).replace(" ", "%20");

            Map<String, Query> near = new java.util.LinkedHashMap<>();
            near.put("query gateway, 90 days, page 1 of 50",
                    from -> gateway.query(FindKeyDates.within(from), KeyDatePage.class).join().total());
            near.put("HTTP, 90 days, page 1 of 50", from -> get(http, base + "from=" + from));
            near.put("HTTP, 90 days, page 20 of 50", from -> get(http, base + "from=" + from + "&page=19"));
            near.put("HTTP, 90 days, two kinds",
                    from -> get(http, base + "from=" + from + "&kind=END_OF_TERM,NON_RENEWAL_NOTICE_DEADLINE"));
            near.put("HTTP, 90 days, one commissioner",
                    from -> get(http, base + "from=" + from + "&commissioner=" + commissioner));
            measure(report, near, RUNS, nearToday);
            Map<String, Query> far = new java.util.LinkedHashMap<>();
            far.put("query gateway, 90 days from 2045 (beyond the horizon)",
                    from -> gateway.query(FindKeyDates.within(from), KeyDatePage.class).join().total());
            far.put("HTTP, 90 days from 2045 (beyond the horizon)", from -> get(http, base + "from=" + from));
            measure(report, far, Math.max(20, RUNS / 10), farAway);
            System.out.println();
            report.forEach(System.out::println);
        }
    }

    /** The plans of the window queries, for the notes (the statements KeyDateStore sends, with literals). */
    static void explain(JdbcTemplate jdbc, String from, String commissioner) {
        String window = " from key_date k where k.date between '" + from + "'::date and '" + from + "'::date + 90";
        String party = " and k.parties @> '{\"c:" + commissioner.toLowerCase() + "\"}'::text[]";
        String order = " order by k.date, k.subject_id, k.kind, k.subject_type, k.ordinal limit 50";
        for (String sql : List.of(
                "select k.date, k.subject_id, k.kind, k.title, k.detail" + window + order,
                "select count(*)" + window,
                "select coalesce(sum(k.n), 0) from key_date_count k where k.date between '" + from + "'::date and '"
                        + from + "'::date + 90",
                "select count(*)" + window + " and k.kind in ('END_OF_TERM', 'NON_RENEWAL_NOTICE_DEADLINE')",
                "with m as materialized (select k.date, k.subject_id, k.kind, k.subject_type, k.ordinal" + window + party
                        + ") select (select count(*) from m), k.title, k.detail from (select * from m k" + order
                        + ") x join key_date k using (date, subject_id, kind, subject_type, ordinal)")) {
            System.out.println(sql);
            jdbc.queryForList("explain (analyze, buffers) " + sql, String.class).forEach(System.out::println);
        }
    }

    interface Query {
        long run(LocalDate from) throws Exception;
    }

    /**
     * Runs the queries in turn on the same random windows (round robin, so that the other loads of the machine weigh on
     * each alike), after a warm-up; one line per query with the median, p99 and max latency.
     */
    static void measure(List<String> report, Map<String, Query> queries, int runs, Supplier<LocalDate> windows)
            throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            LocalDate from = windows.get();
            for (Query query : queries.values()) {
                query.run(from);
            }
        }
        Map<String, List<Double>> millis = new java.util.LinkedHashMap<>();
        Map<String, Long> items = new java.util.HashMap<>();
        queries.keySet().forEach(what -> millis.put(what, new ArrayList<>(runs)));
        String loadBefore = load();
        for (int i = 0; i < runs; i++) {
            LocalDate from = windows.get();
            for (Map.Entry<String, Query> query : queries.entrySet()) {
                long start = System.nanoTime();
                long total = query.getValue().run(from);
                millis.get(query.getKey()).add((System.nanoTime() - start) / 1e6);
                items.merge(query.getKey(), total, Long::sum);
            }
        }
        String loadAfter = load();
        for (Map.Entry<String, List<Double>> measured : millis.entrySet()) {
            List<Double> sorted = measured.getValue();
            Collections.sort(sorted);
            String line = String.format("%-55s median %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d runs, mean total %,d)",
                    measured.getKey(), sorted.get(runs / 2), sorted.get((int) Math.ceil(runs * 0.99) - 1),
                    sorted.get(runs - 1), runs, items.get(measured.getKey()) / runs);
            System.out.println(line);
            report.add(line);
        }
        report.add("  machine load average (1, 5, 15 min) before: " + loadBefore + ", after: " + loadAfter);
    }

    /** The machine's load averages (1, 5, 15 minutes): other builds share the two cores. */
    static String load() {
        try {
            String[] averages = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return averages[0] + " " + averages[1] + " " + averages[2];
        } catch (java.io.IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }

    static long get(HttpClient http, String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + ": " + response.statusCode() + " " + response.body());
        }
        String body = response.body();
        int at = body.lastIndexOf("\"total\":");
        return Long.parseLong(body.substring(at + 8, body.indexOf(',', at)).trim());
    }

    static boolean caughtUp(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ------------------------------------------------------------------------------------------------ workload

    enum Shape { OPTION_3_PLUS_7, FIVE_THEN_ROLLING, TEN_YEARS, FIFTEEN_YEARS, THREE_PLUS_ONE_PLUS_ONE, ANNUAL_BY_AGREEMENT }

    /** One contract's history, decided by the shared rules, every event dated on or before today. */
    static List<ContractEvent> history(int i) {
        Shape shape = Shape.values()[i % Shape.values().length];
        LocalDate start = LocalDate.of(2011, 1, 1).plusDays(RANDOM.nextInt(16 * 365 + 180));
        LocalDate awarded = start.minusDays(30 + RANDOM.nextInt(150));
        ContractTerms terms = switch (shape) {
            case OPTION_3_PLUS_7 -> new ContractTerms(start, Period.ofYears(3), null,
                    List.of(new ExtensionOption(Period.ofYears(7), Period.ofMonths(6))), null, null);
            case FIVE_THEN_ROLLING -> new ContractTerms(start, Period.ofYears(5), null, List.of(),
                    new RenewalRule(RenewalMode.AUTOMATIC, Period.ofYears(1), Period.ofYears(3), Period.ofMonths(3), null),
                    Period.ofMonths(12));
            case TEN_YEARS -> new ContractTerms(start, Period.ofYears(10), null, List.of(), null, Period.ofMonths(6));
            case FIFTEEN_YEARS -> new ContractTerms(start, Period.ofYears(15), null, List.of(), null, Period.ofMonths(12));
            case THREE_PLUS_ONE_PLUS_ONE -> new ContractTerms(start, Period.ofYears(3), null,
                    List.of(new ExtensionOption(Period.ofYears(1), Period.ofMonths(6)),
                            new ExtensionOption(Period.ofYears(1), Period.ofMonths(6))), null, Period.ofMonths(3));
            case ANNUAL_BY_AGREEMENT -> new ContractTerms(start, Period.ofYears(1), null, List.of(),
                    new RenewalRule(RenewalMode.BY_AGREEMENT, Period.ofYears(1), null, Period.ofMonths(3), null), null);
        };
        ContractKind kind = shape == Shape.ANNUAL_BY_AGREEMENT ? ContractKind.SECTION_75_AGREEMENT
                : shape == Shape.OPTION_3_PLUS_7 ? ContractKind.ALLIANCE_AGREEMENT : ContractKind.SERVICE_CONTRACT;
        List<Party> commissioners = new ArrayList<>(List.of(new Party(pick(COMMISSIONERS))));
        if (RANDOM.nextInt(3) == 0) {
            Party second = new Party(pick(COMMISSIONERS));
            if (!commissioners.contains(second)) {
                commissioners.add(second);
            }
        }
        ContractTimeline timeline = ContractTimeline.of(new ContractRegistered(ContractId.of("BENCH-" + i),
                "Benchmark " + shape.name().toLowerCase().replace('_', ' ') + " " + i, kind, commissioners,
                List.of(new Party(pick(PROVIDERS))), Money.gbp(String.valueOf(100_000 + RANDOM.nextInt(50_000_000))),
                awarded, terms, null, null));
        timeline = attempt(timeline, start, t -> t.commence(start));
        int review = RANDOM.nextInt(20);
        if (review < 5) {
            LocalDate on = start;
            timeline = attempt(timeline, on, t -> t.scheduleReviewPoint(on, on.plusMonths(3).minusDays(1),
                    ReviewKind.PERFORMANCE_REVIEW, "Quarterly contract review meeting", Period.ofMonths(3)));
        } else if (review < 8) {
            LocalDate on = start;
            timeline = attempt(timeline, on, t -> t.scheduleReviewPoint(on, on.plusYears(1).minusDays(1),
                    ReviewKind.CONTRACT_REVIEW, "Annual review", Period.ofYears(1)));
        }
        for (int step = 0; step < 30; step++) {
            ContractState now = timeline.asOf(timeline.latestEffectiveDate());
            ContractTimeline before = timeline;
            if (now.extensionDecisionDeadline() != null && RANDOM.nextInt(10) < 7) {
                LocalDate on = now.extensionDecisionDeadline().minusDays(RANDOM.nextInt(60));
                Period length = shape == Shape.OPTION_3_PLUS_7 ? Period.ofYears(RANDOM.nextBoolean() ? 3 : 7)
                        : Period.ofYears(1);
                timeline = attempt(timeline, on, t -> t.exerciseExtension(
                        now.extensionRemaining().toTotalMonths() < length.toTotalMonths() ? now.extensionRemaining()
                                : length, on));
            } else if (shape == Shape.ANNUAL_BY_AGREEMENT && now.status().isLive() && RANDOM.nextInt(10) < 9) {
                LocalDate on = now.endDate().minusDays(RANDOM.nextInt(40));
                timeline = attempt(timeline, on, t -> t.renew(on));
            } else if (shape == Shape.FIVE_THEN_ROLLING && now.nonRenewalNoticeDeadline() != null && RANDOM.nextInt(10) == 0) {
                LocalDate on = now.nonRenewalNoticeDeadline().minusDays(RANDOM.nextInt(30));
                timeline = attempt(timeline, on,
                        t -> t.serveNotice(NoticeKind.NON_RENEWAL, on, commissioners.getFirst().name(), null));
            } else if ((shape == Shape.TEN_YEARS || shape == Shape.FIFTEEN_YEARS) && RANDOM.nextInt(30) == 0) {
                LocalDate on = start.plusDays(RANDOM.nextInt(3000));
                timeline = attempt(timeline, on, t -> t.terminate(on, "The provider", null));
            }
            if (timeline == before) {
                break;
            }
        }
        return timeline.events();
    }

    interface Decision {
        ContractEvent decide(ContractTimeline timeline);
    }

    static ContractTimeline attempt(ContractTimeline timeline, LocalDate on, Decision decision) {
        if (on.isAfter(TODAY) || on.isBefore(timeline.latestEffectiveDate())) {
            return timeline;
        }
        try {
            return timeline.with(decision.decide(timeline));
        } catch (RuleViolation refused) {
            return timeline;
        }
    }

    static String pick(List<String> names) {
        // a few large commissioners hold much of the portfolio
        int index = (int) Math.min(names.size() - 1, Math.abs(RANDOM.nextGaussian()) * names.size() / 3);
        return names.get(index);
    }
}
