package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a standalone process (its own JVM, as {@code java -jar} runs it) under a sustained write load, then
 * a restart on the same data directory: every write acknowledged with a 2xx is in the history, and the projections
 * catch up and equal a rebuild of them. The embedded PostgreSQL outlives the killed JVM; the restart stops it and starts
 * afresh.
 */
class CrashRecoveryTest {

    private static final int WRITERS = 4;

    @TempDir
    Path dataDirectory;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                StandaloneApplication.class.getName(), "--server.port=" + port,
                "--tracker.embedded-postgres.data-directory=" + dataDirectory.resolve("db"),
                "--spring.config.additional-location=" + TestUsers.CONFIG,
                "--tracker.read-your-writes.timeout=30s")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static void awaitHealthy(ApiClient api, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application is running").isTrue();
            try {
                if (api.anonymous().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not become healthy within 3 minutes");
    }

    private static String registration(String id) {
        return """
                {"id": "%s", "title": "Crash load", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Hampshire County Council"}], "providers": [{"name": "Southern Health"}],
                 "value": {"amount": "100.00", "currency": "GBP"},
                 "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}""".formatted(id);
    }

    /**
     * What the query side answers about the acknowledged contracts: each one's state and history, the register and the
     * key dates (every page), keyed by the request.
     */
    private static Map<String, String> answers(ApiClient api, List<String> contracts) {
        List<String> questions = new ArrayList<>();
        for (String id : contracts.stream().sorted().toList()) {
            questions.add("/api/contracts/" + id + "?asOf=2024-07-01");
            questions.add("/api/contracts/" + id + "/history?size=500");
        }
        int pages = (contracts.size() + 499) / 500 + 1;
        for (int page = 0; page < pages; page++) {
            questions.add("/api/contracts?asOf=2025-01-01&size=500&page=" + page);
            questions.add("/api/key-dates?from=2027-01-01&to=2027-12-31&size=500&page=" + page);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (String question : questions) {
            Response answer = api.get(question);
            assertThat(answer.status()).as("%s: %s", question, answer.body()).isEqualTo(200);
            answers.put(question, answer.body());
        }
        return answers;
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillDashNineAndTheProjectionsCatchUp() throws Exception {
        int port = freePort();
        Path log = dataDirectory.resolve("app.log");
        ApiClient api = new ApiClient(port);
        Set<String> registered = ConcurrentHashMap.newKeySet();
        ConcurrentHashMap<String, Long> variedTo = new ConcurrentHashMap<>();
        Process first = start(port, log);
        try {
            awaitHealthy(api, first);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                load.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        String id = "CRASH-" + writer + "-" + n;
                        try {
                            if (api.post("/api/contracts", registration(id)).status() != 201) {
                                continue;
                            }
                            registered.add(id);
                            Response varied = api.post("/api/contracts/" + id + "/variations", """
                                    {"effectiveOn": "2024-06-01", "valueChange": {"amount": "1.00", "currency": "GBP"},
                                     "description": "Load"}""");
                            if (varied.status() == 200) {
                                variedTo.put(id, varied.json().get("version").asLong());
                            }
                        } catch (RuntimeException connectionLost) {
                            // the process died under this request: not acknowledged
                        }
                    }
                });
            }
            while (registered.size() < 60) {
                Thread.sleep(100);
            }
            first.destroyForcibly(); // SIGKILL
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }
        List<String> acknowledged = new ArrayList<>(registered);

        Process second = start(port, log);
        try {
            long restarting = System.nanoTime();
            awaitHealthy(api, second);
            Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
            // the killed JVM's PostgreSQL outlived it, holding the data directory; the restart stopped it first
            assertThat(java.nio.file.Files.readString(log)).contains("from an earlier run still holds",
                    "The earlier PostgreSQL stopped");
            for (String id : acknowledged) {
                long version = variedTo.getOrDefault(id, 0L);
                Response read = api.get("/api/contracts/" + id + "?asOf=2024-07-01&minVersion=" + version);
                assertThat(read.status()).as("%s after the crash: %s", id, read.body()).isEqualTo(200);
                assertThat(read.json().get("version").asLong()).isGreaterThanOrEqualTo(version);
                if (version == 1) {
                    assertThat(read.json().get("value").get("amount").asString()).isEqualTo("101.00");
                }
            }
            System.out.printf("RELIABILITY crash: %d registrations and %d variations acknowledged before kill -9, "
                    + "all read back after a restart of %d s%n", acknowledged.size(), variedTo.size(), restart.toSeconds());

            // the projections that caught up after the crash equal a rebuild of them from the event store
            Response caughtUp = api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true");
            assertThat(caughtUp.json().get("caughtUp").asBoolean()).as(caughtUp.body()).isTrue();
            Map<String, String> live = answers(api, acknowledged);
            Response rebuilt = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(rebuilt.json().get("caughtUp").asBoolean()).as(rebuilt.body()).isTrue();
            Map<String, String> afterRebuild = answers(api, acknowledged);
            assertThat(afterRebuild.keySet()).containsExactlyElementsOf(live.keySet());
            live.forEach((question, answer) -> assertThat(afterRebuild.get(question)).as(question).isEqualTo(answer));
        } finally {
            second.destroy(); // SIGTERM: a clean stop, which stops its PostgreSQL too
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }
}
