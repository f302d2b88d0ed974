package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.query.admin.Projections;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7's rebuild target: events per second of the admin rebuild (every read model from the event store, the bulk
 * replay) on the standalone application and its embedded PostgreSQL, and, in the same run, of the processors each
 * replaying the store themselves (the rebuild before the bulk replay), as a ratio. The store is loaded with
 * {@code benchmark.rebuild.contracts} contracts of ten events each through the bulk import (processors stopped), the
 * projections caught up by a first rebuild (a warm-up), then the bulk rebuild timed {@code benchmark.rebuild.rounds}
 * times and the processors' replay once. Run by hand, not in CI:
 * {@code mvn -B -pl standalone -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=RebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class RebuildBenchmark {

    static final int CONTRACTS = Integer.getInteger("benchmark.rebuild.contracts", 10_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rebuild.rounds", 3);
    static final boolean PROCESSORS_TOO = !Boolean.getBoolean("benchmark.rebuild.bulkOnly");
    /** Where PostgreSQL's time goes in the last round: pg_stat_statements' top statements by total time. */
    static final boolean STATEMENTS = Boolean.getBoolean("benchmark.rebuild.statements");

    @Test
    void rebuildThroughput() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> properties = new ArrayList<>(List.of("tracker.embedded-postgres.ephemeral=true",
                "spring.config.additional-location=" + TestUsers.CONFIG, "logging.level.root=WARN",
                "logging.level.org.commissioning.tracker.query.admin=INFO"));
        if (STATEMENTS) {
            properties.add("tracker.embedded-postgres.settings.shared_preload_libraries=pg_stat_statements");
        }
        for (String property : System.getProperty("benchmark.properties", "").split(";")) {
            if (!property.isBlank()) {
                properties.add(property.strip());
            }
        }
        report.add("properties " + properties);
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, properties.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Projections projections = app.getBean(Projections.class);
            List<StreamingEventProcessor> processors = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast).toList();
            processors.forEach(StreamingEventProcessor::shutDown);

            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8));
            URI endpoint = URI.create("http://localhost:" + Applications.port(app) + "/api/imports/contracts");
            long loading = System.nanoTime();
            for (int done = 0; done < CONTRACTS; done += 1_000) {
                ImportBenchmark.post(http, endpoint, auth, ImportBenchmark.body("R" + done, Math.min(1_000,
                        CONTRACTS - done)));
            }
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            report.add(String.format("loaded %,d events (%,d contracts) by the bulk import in %.1f s", events,
                    CONTRACTS, KeyDatesBenchmark.seconds(loading)));
            processors.forEach(StreamingEventProcessor::start);

            report.add(String.format("warm-up rebuild: %.1f s", timedRebuild(projections)));
            List<Double> rates = new ArrayList<>();
            if (STATEMENTS) {
                jdbc.execute("create extension if not exists pg_stat_statements");
            }
            for (int round = 0; round < ROUNDS; round++) {
                if (STATEMENTS && round == ROUNDS - 1) {
                    jdbc.execute("select pg_stat_statements_reset()");
                }
                double seconds = timedRebuild(projections);
                rates.add(events / seconds);
                report.add(String.format("bulk rebuild of every read model, round %d: %.1f s = %,.0f events/s", round,
                        seconds, events / seconds));
            }
            if (STATEMENTS) {
                jdbc.query("select round(total_exec_time) as ms, calls, rows, left(regexp_replace(query, '\\s+', ' ', "
                        + "'g'), 110) as q from pg_stat_statements order by total_exec_time desc limit 15", rs -> {
                    report.add(String.format("  pg %6d ms %7d calls %8d rows  %s", rs.getLong("ms"),
                            rs.getLong("calls"), rs.getLong("rows"), rs.getString("q")));
                });
            }
            assertThat(jdbc.queryForObject("select count(*) from contract_event_view", Long.class)).isEqualTo(events);
            assertThat(jdbc.queryForObject("select count(*) from contract_register", Long.class))
                    .isEqualTo((long) CONTRACTS);
            double bulk = ImportBenchmark.median(rates);
            report.add(String.format("bulk rebuild median %,.0f events/s (min %,.0f, max %,.0f)", bulk,
                    rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()));
            if (PROCESSORS_TOO) {
                long start = System.nanoTime();
                processors.forEach(StreamingEventProcessor::shutDown);
                processors.forEach(StreamingEventProcessor::resetTokens);
                processors.forEach(StreamingEventProcessor::start);
                assertThat(projections.awaitCaughtUp(Duration.ofHours(1)).caughtUp()).isTrue();
                double seconds = KeyDatesBenchmark.seconds(start);
                report.add(String.format("processors replaying the store themselves: %.1f s = %,.0f events/s; "
                        + "bulk/processors %.1f", seconds, events / seconds, bulk / (events / seconds)));
            }
            report.add("machine load average (1, 5, 15 min) at the end: " + KeyDatesBenchmark.load());
        }
        report.forEach(line -> System.out.println("[benchmark] " + line));
    }

    private static double timedRebuild(Projections projections) {
        long start = System.nanoTime();
        Projections.Rebuild rebuild = projections.rebuild(Duration.ofHours(1));
        assertThat(rebuild.caughtUp()).isTrue();
        return KeyDatesBenchmark.seconds(start);
    }
}
