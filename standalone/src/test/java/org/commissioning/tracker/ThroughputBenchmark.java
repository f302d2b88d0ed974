package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.query.admin.Projections;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7's two throughput targets, measured on the standalone application with its embedded PostgreSQL: a portfolio
 * of {@code benchmark.contracts} contracts of ten events each (registered, commenced, varied eight times) is written
 * through the command gateway by 8 threads (real commands, one transaction each; the projections stopped meanwhile),
 * then the projections started and timed until caught up; then every projection is rebuilt
 * from the event store, all together (the admin rebuild) and each alone, timed until caught up; then contracts are
 * written over HTTP (a real port, HTTP Basic as the test manager) by 1 and by 8 client threads, the 8-thread round
 * {@code benchmark.http-rounds} times (default 3: the JIT is still compiling the request path in the first): events/s,
 * median and p99 latency. Extra application properties (e.g. {@code tracker.performance.axon-defaults=true} for the
 * untuned baseline) go in {@code -Dbenchmark.properties=a=b;c=d}. Run by hand, not in CI:
 * {@code mvn -B -pl standalone -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=ThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -am}: the modules of this checkout, not whatever ~/.m2 holds).
 */
@Tag("benchmark")
class ThroughputBenchmark {

    static final int CONTRACTS = Integer.getInteger("benchmark.contracts", 10_000);
    static final int HTTP_WRITES = Integer.getInteger("benchmark.http-writes", 4_000);
    /** Rounds of 8-thread HTTP writes: the first runs while the JIT still compiles the request path. */
    static final int HTTP_ROUNDS_8 = Integer.getInteger("benchmark.http-rounds", 3);
    static final int EVENTS_PER_CONTRACT = 10;
    static final LocalDate START = LocalDate.of(2020, 4, 1);

    @Test
    void rebuildAndWriteThroughput() throws Exception {
        List<String> properties = new ArrayList<>(List.of("tracker.embedded-postgres.ephemeral=true",
                "logging.level.root=WARN", "tracker.projections.rebuild-wait=1s"));
        String extra = System.getProperty("benchmark.properties", "");
        for (String property : extra.split(";")) {
            if (!property.isBlank()) {
                properties.add(property.strip());
            }
        }
        // each line printed as it is measured too: a run cut short still shows what it got
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println("[benchmark] " + line);
                return super.add(line);
            }
        };
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared with PostgreSQL and the "
                + "clients), Java " + System.getProperty("java.version") + ", properties " + properties);
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, properties.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Projections projections = app.getBean(Projections.class);

            // the processors stop while loading: the gateway's rate is the write side's alone
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
            processors.forEach(StreamingEventProcessor::shutDown);
            long loading = System.nanoTime();
            load(app.getBean(CommandGateway.class), CONTRACTS, 8);
            double loadSeconds = KeyDatesBenchmark.seconds(loading);
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            assertThat(events).isEqualTo((long) CONTRACTS * EVENTS_PER_CONTRACT);
            report.add(String.format("command gateway, 8 threads: %,d events in %.1f s = %,.0f events/s", events,
                    loadSeconds, events / loadSeconds));
            long catchingUp = System.nanoTime();
            processors.forEach(StreamingEventProcessor::start);
            assertThat(projections.awaitCaughtUp(Duration.ofMinutes(30)).caughtUp()).isTrue();
            double caughtUp = KeyDatesBenchmark.seconds(catchingUp);
            report.add(String.format("projections (started after the load) caught up in %.1f s = %,.0f events/s",
                    caughtUp, events / caughtUp));

            rebuildAll(projections, events, report);
            rebuildAllByProcessors(projections, processors, events, report);
            for (StreamingEventProcessor processor : processors) {
                rebuildAlone(projections, processing, processor, events, report);
            }
            assertThat(jdbc.queryForObject("select count(*) from contract_event_view", Long.class)).isEqualTo(events);
            assertThat(jdbc.queryForObject("select count(*) from contract_register", Long.class))
                    .isEqualTo((long) CONTRACTS);

            int port = Applications.port(app);
            httpWrites(port, 1, HTTP_WRITES / 4, "H1-", report);
            for (int round = 1; round <= HTTP_ROUNDS_8; round++) { // later rounds: more of the request path compiled
                httpWrites(port, 8, HTTP_WRITES, "H8" + round + "-", report);
            }
            report.add("machine load average (1, 5, 15 min) at the end: " + KeyDatesBenchmark.load());
        }
        System.out.println();
        report.forEach(System.out::println);
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** Writes the portfolio through the command gateway, {@code threads} contracts at a time. */
    static void load(CommandGateway gateway, int contracts, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < contracts; i = next.getAndIncrement()) {
                        ContractId id = ContractId.of("LOAD-" + i);
                        gateway.sendAndWait(register(id, i));
                        gateway.sendAndWait(new RecordCommencement(id, START));
                        for (int v = 1; v <= EVENTS_PER_CONTRACT - 2; v++) {
                            gateway.sendAndWait(new VaryContract(id, START.plusMonths(v),
                                    Money.gbp(String.valueOf(1_000 * v)), "Variation " + v));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
    }

    static RegisterContract register(ContractId id, int i) {
        return new RegisterContract(id, "Throughput benchmark contract " + i, ContractKind.SERVICE_CONTRACT,
                List.of(new Party("Benchmark ICB " + i % 42)), List.of(new Party("Benchmark provider " + i % 997)),
                Money.gbp("1000000"), START.minusMonths(2),
                new ContractTerms(START, Period.ofYears(3), null,
                        List.of(new ExtensionOption(Period.ofYears(2), Period.ofMonths(6))), null, Period.ofMonths(3)),
                null, null);
    }

    // ------------------------------------------------------------------------------------------------ rebuilds

    /** The admin rebuild of every projection, each processor's time to catch up noted as it does. */
    static void rebuildAll(Projections projections, long events, List<String> report) throws Exception {
        Map<String, Double> caughtUpAfter = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (ExecutorService rebuilding = Executors.newSingleThreadExecutor()) {
            Future<Projections.Rebuild> rebuild = rebuilding.submit(() -> projections.rebuild(Duration.ofMinutes(60)));
            // a processor counts once seen behind (reset; the rebuild resets them one after another) then caught up
            java.util.Set<String> seenBehind = new java.util.HashSet<>();
            while (!rebuild.isDone() || caughtUpAfter.size() < seenBehind.size()) {
                for (Projections.ProcessorStatus status : projections.status().processors()) {
                    if (!status.caughtUp()) {
                        seenBehind.add(status.name());
                    } else if (seenBehind.contains(status.name()) && !caughtUpAfter.containsKey(status.name())) {
                        caughtUpAfter.put(status.name(), KeyDatesBenchmark.seconds(start));
                    }
                }
                Thread.sleep(50);
            }
            assertThat(rebuild.get().caughtUp()).isTrue();
        }
        double took = KeyDatesBenchmark.seconds(start);
        report.add(String.format("rebuild of all projections together (the admin rebuild): %,d events in %.1f s = %,.0f events/s", events,
                took, events / took));
        caughtUpAfter.forEach((name, seconds) -> report.add(String.format(
                "  %-14s caught up after %.1f s = %,.0f events/s", name, seconds, events / seconds)));
    }

    /** Every processor reset and replaying the event store itself, all at once: the rebuild before the bulk replay. */
    static void rebuildAllByProcessors(Projections projections, List<StreamingEventProcessor> processors, long events,
                                       List<String> report) throws InterruptedException {
        long start = System.nanoTime();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        while (!projections.status().caughtUp()) {
            Thread.sleep(20);
        }
        double took = KeyDatesBenchmark.seconds(start);
        report.add(String.format("rebuild of all projections, each processor replaying the store itself: %.1f s = "
                + "%,.0f events/s", took, events / took));
    }

    /** One processor rebuilt alone (the others running, idle), timed until its stored tokens reach the head. */
    static void rebuildAlone(Projections projections, EventProcessingConfiguration processing,
                             StreamingEventProcessor processor, long events, List<String> report) {
        long start = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        while (!projections.status().processors().stream()
                .filter(status -> status.name().equals(processor.getName()))
                .allMatch(Projections.ProcessorStatus::caughtUp)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        double took = KeyDatesBenchmark.seconds(start);
        report.add(String.format("rebuild of %-14s alone: %.1f s = %,.0f events/s", processor.getName(), took,
                events / took));
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    /**
     * {@code writes} events over HTTP by {@code threads} clients (each its own connection): each contract registered,
     * commenced, then varied until ten events; after a warm-up of a tenth as many.
     */
    static void httpWrites(int port, int threads, int writes, String prefix, List<String> report) throws Exception {
        runHttp(port, threads, Math.max(threads * EVENTS_PER_CONTRACT, writes / 10), prefix + "W-");
        String loadBefore = KeyDatesBenchmark.load();
        long start = System.nanoTime();
        List<Double> millis = runHttp(port, threads, writes, prefix);
        double took = KeyDatesBenchmark.seconds(start);
        Collections.sort(millis);
        report.add(String.format("HTTP writes, %d client thread%s: %,d events in %.1f s = %,.0f events/s; latency "
                        + "median %.1f ms, p99 %.1f ms (load before %s)", threads, threads == 1 ? "" : "s",
                millis.size(), took, millis.size() / took, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.99) - 1), loadBefore));
    }

    static List<Double> runHttp(int port, int threads, int writes, String prefix) throws Exception {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8));
        String base = "http://localhost:" + port + "/api/contracts";
        int perThread = writes / threads;
        List<Double> millis = Collections.synchronizedList(new ArrayList<>(writes));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    for (int n = 0; n < perThread; n++) {
                        int contract = n / EVENTS_PER_CONTRACT;
                        int step = n % EVENTS_PER_CONTRACT;
                        String id = prefix + thread + "-" + contract;
                        String path;
                        String body;
                        if (step == 0) {
                            path = base;
                            body = """
                                    {"id": "%s", "title": "HTTP benchmark contract", "kind": "SERVICE_CONTRACT",
                                     "commissioners": [{"name": "Benchmark ICB"}], "providers": [{"name": "Benchmark provider"}],
                                     "awardedOn": "2020-02-01", "terms": {"startDate": "2020-04-01", "initialTerm": "P3Y"}}
                                    """.formatted(id);
                        } else if (step == 1) {
                            path = base + "/" + id + "/commencement";
                            body = "{\"effectiveOn\": \"2020-04-01\"}";
                        } else {
                            path = base + "/" + id + "/variations";
                            body = "{\"effectiveOn\": \"" + START.plusMonths(step) + "\", \"description\": \"v" + step
                                    + "\", \"valueChange\": {\"amount\": \"1000.00\", \"currency\": \"GBP\"}}";
                        }
                        HttpRequest request = HttpRequest.newBuilder(URI.create(path))
                                .header("Authorization", authorization).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long begin = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        millis.add((System.nanoTime() - begin) / 1e6);
                        if (response.statusCode() != 200 && response.statusCode() != 201) {
                            throw new IllegalStateException(path + " " + body + ": " + response.statusCode() + " "
                                    + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        }
        return millis;
    }
}
