package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped under a running standalone application: writes and reads fail fast with 503
 * database_unavailable, health is DOWN; started again on the same port and data directory, everything recovers with no
 * restart of the application and nothing acknowledged is lost. The outage lasts {@code tracker.test.outage} (default
 * 5 s; RELIABILITY.md records a 30 s run with {@code -Dtracker.test.outage=PT30S}).
 */
class DatabaseOutageTest {

    /** Generous: the pool's connection timeout is 3 s; a loaded build machine may add a lot. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(15);

    @TempDir
    Path dataDirectory;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final String REGISTRATION = """
            {"id": "OUTAGE-1", "title": "Home care", "kind": "SERVICE_CONTRACT",
             "commissioners": [{"name": "Leeds City Council"}], "providers": [{"name": "Leeds Home Care"}],
             "value": {"amount": "2000000.00", "currency": "GBP"},
             "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}""";

    private static String variation(int n) {
        return """
                {"effectiveOn": "2024-06-01", "valueChange": {"amount": "%d.00", "currency": "GBP"},
                 "description": "Variation %d"}""".formatted(n, n);
    }

    private static <T> T timed(String what, List<String> measured, Supplier<T> call) {
        long started = System.nanoTime();
        T result = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        measured.add(what + " " + took.toMillis() + " ms");
        assertThat(took).as("%s answered within %s", what, FAIL_FAST).isLessThan(FAIL_FAST);
        return result;
    }

    @Test
    void requestsFailFastWhileTheDatabaseIsDownAndEverythingRecoversWhenItReturns() throws Exception {
        int pgPort = freePort();
        Duration outage = Duration.parse(System.getProperty("tracker.test.outage", "PT5S"));
        List<String> measured = new ArrayList<>();
        EmbeddedPostgres restarted = null;
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, "tracker.embedded-postgres.data-directory=" + dataDirectory,
                "tracker.embedded-postgres.port=" + pgPort, "tracker.read-your-writes.timeout=30s")) {
            ApiClient api = new ApiClient(Applications.port(app));
            ApiClient anonymous = api.anonymous();
            var jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).as("a kept database is durable").isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(api.post("/api/contracts", REGISTRATION).status()).isEqualTo(201);
            int acknowledged = 0;
            for (int i = 1; i <= 3; i++) {
                assertThat(api.post("/api/contracts/OUTAGE-1/variations", variation(i)).status()).isEqualTo(200);
                acknowledged++;
            }

            app.getBean(EmbeddedPostgres.class).close(); // PostgreSQL stops (pg_ctl stop -m fast)
            long down = System.nanoTime();

            for (int i = 0; i < 3; i++) {
                Response write = timed("write", measured, () -> api.post("/api/contracts/OUTAGE-1/variations",
                        variation(100)));
                assertThat(write.status()).as(write.body()).isEqualTo(503);
                assertThat(write.field("code")).isEqualTo("database_unavailable");
                Response read = timed("read", measured, () -> api.get("/api/contracts/OUTAGE-1?asOf=2024-07-01"));
                assertThat(read.status()).as(read.body()).isEqualTo(503);
                assertThat(read.field("code")).isEqualTo("database_unavailable");
                Response health = timed("health", measured, () -> anonymous.get("/actuator/health"));
                assertThat(health.status()).as(health.body()).isEqualTo(503);
                assertThat(health.field("status")).isEqualTo("DOWN");
            }
            long remaining = outage.toMillis() - Duration.ofNanos(System.nanoTime() - down).toMillis();
            if (remaining > 0) {
                Thread.sleep(remaining);
            }

            restarted = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(pgPort).setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("timezone", "UTC").start();
            long back = System.nanoTime();

            Response write = api.post("/api/contracts/OUTAGE-1/variations", variation(4));
            for (int attempt = 0; write.status() == 503 && attempt < 20; attempt++) {
                Thread.sleep(500); // the pool notices the database is back on its next connection attempt
                write = api.post("/api/contracts/OUTAGE-1/variations", variation(4));
            }
            assertThat(write.status()).as(write.body()).isEqualTo(200);
            acknowledged++;
            measured.add("first write after restart " + Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms");
            assertThat(write.json().get("version").asLong()).isEqualTo(acknowledged);

            // the projection's processor backs off while the database is away; it catches up on its own
            Response read = api.get("/api/contracts/OUTAGE-1?asOf=2024-07-01&minVersion=" + acknowledged);
            for (int attempt = 0; read.status() != 200 && attempt < 4; attempt++) {
                read = api.get("/api/contracts/OUTAGE-1?asOf=2024-07-01&minVersion=" + acknowledged);
            }
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            measured.add("projection caught up " + Duration.ofNanos(System.nanoTime() - back).toMillis() + " ms");
            // 2,000,000 + 1 + 2 + 3 + 4: every acknowledged variation, none of the refused ones
            assertThat(read.json().get("value").get("amount").asString()).isEqualTo("2000010.00");
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
            System.out.println("RELIABILITY outage " + outage + ": " + measured);
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }
}
