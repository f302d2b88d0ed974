package org.commissioning.tracker;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bulk load (issue 7): events per second of {@code POST /api/imports/contracts} against the raw-insert ceiling, batched
 * JDBC inserts ({@code reWriteBatchedInserts=true}, batches of 1,000) of the very rows the import stored (the same
 * serialized payloads and metadata) into a table of {@code domain_event_entry}'s shape, one transaction per request's
 * worth, alternating in one run. Run by hand, not in CI:
 * {@code mvn -B -pl standalone -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=ImportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbenchmark.import.rounds=5 -Dbenchmark.import.contracts=1000};
 * {@code -Dbenchmark.import.withProjections=true} keeps the standalone's projections running during the load).
 */
@Tag("benchmark")
class ImportBenchmark {

    static final int ROUNDS = Integer.getInteger("benchmark.import.rounds", 5);
    static final int CONTRACTS = Integer.getInteger("benchmark.import.contracts", 1_000);
    static final int REQUESTS_PER_ROUND = Integer.getInteger("benchmark.import.requests", 2);
    static final int BATCH = 1_000;
    static final int WARM_UP = Integer.getInteger("benchmark.import.warmup", 4);
    /** Keep the standalone's projections running while loading (they then compete for the same cores). */
    static final boolean WITH_PROJECTIONS = Boolean.getBoolean("benchmark.import.withProjections");

    /** Ten events a contract: registration, go-live, variations, review points and their completions, an extension. */
    static String line(String id) {
        String p = "/api/contracts/" + id;
        return ("{\"requests\": ["
                + "{\"path\": \"/api/contracts\", \"body\": {\"id\": \"%1$s\", \"title\": \"Benchmark alliance %1$s\","
                + " \"kind\": \"ALLIANCE_AGREEMENT\", \"commissioners\": [{\"name\": \"An ICB\"}, {\"name\": \"A council\"}],"
                + " \"providers\": [{\"name\": \"A trust\"}], \"value\": {\"amount\": \"12000000.00\", \"currency\": \"GBP\"},"
                + " \"awardedOn\": \"2016-03-07\", \"terms\": {\"startDate\": \"2016-04-01\", \"initialTerm\": \"P3Y\","
                + " \"extensionOptions\": [{\"maxLength\": \"P7Y\"}]}, \"reason\": \"Loaded from the old register\"}},"
                + "{\"path\": \"%2$s/commencement\", \"body\": {\"effectiveOn\": \"2016-04-01\"}},"
                + "{\"path\": \"%2$s/review-points\", \"body\": {\"effectiveOn\": \"2016-04-01\", \"dueOn\": \"2017-04-01\","
                + " \"kind\": \"PERFORMANCE_REVIEW\", \"description\": \"Annual review\", \"recurrence\": \"P1Y\"}},"
                + "{\"path\": \"%2$s/variations\", \"body\": {\"effectiveOn\": \"2016-06-01\", \"valueChange\":"
                + " {\"amount\": \"150000.00\", \"currency\": \"GBP\"}, \"description\": \"Winter beds\"}},"
                + "{\"path\": \"%2$s/variations\", \"body\": {\"effectiveOn\": \"2016-09-01\", \"valueChange\":"
                + " {\"amount\": \"-50000.00\", \"currency\": \"GBP\"}, \"description\": \"Fewer clinics\"}},"
                + "{\"path\": \"%2$s/review-points/R1/completion\", \"body\": {\"effectiveOn\": \"2017-04-02\","
                + " \"outcome\": \"On track\"}},"
                + "{\"path\": \"%2$s/extensions\", \"body\": {\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}},"
                + "{\"path\": \"%2$s/variations\", \"body\": {\"effectiveOn\": \"2019-06-01\", \"valueChange\":"
                + " {\"amount\": \"300000.00\", \"currency\": \"GBP\"}, \"description\": \"New pathway\","
                + " \"reason\": \"Board decision\"}},"
                + "{\"path\": \"%2$s/review-points/R1/completion\", \"body\": {\"effectiveOn\": \"2019-06-01\","
                + " \"outcome\": \"Late but fine\"}},"
                + "{\"path\": \"%2$s/review-points\", \"body\": {\"effectiveOn\": \"2019-06-01\", \"dueOn\": \"2020-01-01\","
                + " \"kind\": \"BREAK_POINT\", \"description\": \"Break clause\"}}"
                + "]}\n").formatted(id, p);
    }

    static String body(String prefix, int contracts) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < contracts; i++) {
            body.append(line(prefix + "-" + i));
        }
        return body.toString();
    }

    @Test
    void importAgainstRawInserts() throws Exception {
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, "tracker.embedded-postgres.ephemeral=true",
                "spring.config.additional-location=" + TestUsers.CONFIG, "logging.level.root=WARN", "logging.level.org.commissioning.tracker.command.imports=INFO")) {
            if (!WITH_PROJECTIONS) {
                // the load alone, as the command side does it in the split deployment: no read model competes for
                // the cores while the events go in (they catch up afterwards, at their own pace)
                app.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(EventProcessor::shutDown);
            }
            HikariDataSource dataSource = app.getBean(HikariDataSource.class);
            String url = dataSource.getJdbcUrl() + (dataSource.getJdbcUrl().contains("?") ? "&" : "?")
                    + "reWriteBatchedInserts=true";
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8));
            URI endpoint = URI.create("http://localhost:" + Applications.port(app) + "/api/imports/contracts");
            try (Connection raw = DriverManager.getConnection(url, "postgres", null)) {
                try (Statement ddl = raw.createStatement()) {
                    ddl.execute("create table raw_event_entry (like domain_event_entry including all)");
                }
                raw.setAutoCommit(false);
                // warm-up, not measured: the import's code (parsing, rules, serialization) needs the JIT compiler
                for (int w = 0; w < WARM_UP; w++) {
                    post(http, endpoint, auth, body("WARM" + w, CONTRACTS));
                    rawInsert(raw, "WARM" + w + "-", "RAWWARM");
                }

                List<Double> imports = new ArrayList<>();
                List<Double> inserts = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    List<String> bodies = new ArrayList<>();
                    for (int r = 0; r < REQUESTS_PER_ROUND; r++) {
                        bodies.add(body("B" + round + "R" + r, CONTRACTS));
                    }
                    long events = 0;
                    long start = System.nanoTime();
                    for (String body : bodies) {
                        events += post(http, endpoint, auth, body);
                    }
                    imports.add(events / ((System.nanoTime() - start) / 1e9));

                    long rawEvents = 0;
                    double seconds = 0;
                    for (int r = 0; r < REQUESTS_PER_ROUND; r++) {
                        long[] timed = rawInsert(raw, "B" + round + "R" + r + "-", "RAW" + round + "R" + r);
                        rawEvents += timed[0];
                        seconds += timed[1] / 1e9;
                    }
                    inserts.add(rawEvents / seconds);
                    System.out.printf("round %d: import %.0f events/s, raw batched insert %.0f events/s%n",
                            round, imports.getLast(), inserts.getLast());
                }
                double importMedian = median(imports);
                double rawMedian = median(inserts);
                System.out.printf("IMPORT BENCHMARK (projections %s): %d rounds of %d requests of %d contracts (%d events each request): "
                                + "import median %.0f events/s, raw batched insert median %.0f events/s, ratio %.2f%n",
                        WITH_PROJECTIONS ? "running" : "stopped", ROUNDS, REQUESTS_PER_ROUND, CONTRACTS, CONTRACTS * 10, importMedian, rawMedian,
                        importMedian / rawMedian);
            }
        }
    }

    /** Posts an import and answers the number of events it stored. */
    static long post(HttpClient http, URI endpoint, String auth, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-ndjson").header("Authorization", auth)
                        .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        String events = response.body().replaceAll(".*\"events\":(\\d+).*", "$1");
        return Long.parseLong(events);
    }

    /**
     * Reads the rows the import stored for contracts {@code contract:<prefix>*} (not timed), then inserts them again
     * under other identifiers into raw_event_entry: batches of 1,000, one transaction. Answers {events, nanoseconds}.
     */
    static long[] rawInsert(Connection raw, String prefix, String rawPrefix) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select = raw.prepareStatement("""
                select aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,
                       payload_revision, payload, meta_data from domain_event_entry
                where aggregate_identifier like ? order by global_index""")) {
            select.setString(1, "contract:" + prefix + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {rawPrefix + result.getString(1), result.getLong(2), result.getString(3),
                            rawPrefix + result.getString(4), result.getString(5), result.getString(6),
                            result.getString(7), result.getBytes(8), result.getBytes(9)});
                }
            }
        }
        raw.commit();
        long start = System.nanoTime();
        try (PreparedStatement insert = raw.prepareStatement("""
                insert into raw_event_entry (aggregate_identifier, sequence_number, type, event_identifier, time_stamp,
                    payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int n = 0;
            for (Object[] row : rows) {
                insert.setString(1, (String) row[0]);
                insert.setLong(2, (Long) row[1]);
                insert.setString(3, (String) row[2]);
                insert.setString(4, (String) row[3]);
                insert.setString(5, (String) row[4]);
                insert.setString(6, (String) row[5]);
                insert.setString(7, (String) row[6]);
                insert.setBytes(8, (byte[]) row[7]);
                insert.setBytes(9, (byte[]) row[8]);
                insert.addBatch();
                if (++n % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        raw.commit();
        return new long[] {rows.size(), System.nanoTime() - start};
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
