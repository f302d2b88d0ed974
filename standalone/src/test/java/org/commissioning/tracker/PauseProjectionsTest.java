package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pausing the read models' processors for a large import ({@code POST /api/admin/projections/pause}): what is written
 * meanwhile is stored but not projected until a resume or a rebuild brings it in; a pause is refused while a rebuild
 * replays the store, which would start the processors again when it ends.
 */
class PauseProjectionsTest extends EndToEndTest {

    static final String PATH = "/api/admin/projections";

    @AfterEach
    void resumeWhateverHappened() {
        // the other tests of this context need running processors, whatever a failed assertion left behind
        api.as(TestUsers.ADMIN).post(PATH + "/resume", "");
        assertThat(api.as(TestUsers.ADMIN).get(PATH + "?wait=true").json().get("caughtUp").asBoolean()).isTrue();
    }

    @Test
    void whatIsWrittenWhilePausedIsProjectedOnResume() throws Exception {
        Response paused = api.as(TestUsers.ADMIN).post(PATH + "/pause", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertEveryProcessor(paused.json(), false);
        assertThat(paused.json().get("caughtUp").asBoolean()).isFalse();
        long positionBefore = slowestPosition(api.as(TestUsers.ADMIN).get(PATH).json());

        long version = write("/api/contracts", registration("PAUSE-1"));
        // long enough for a running processor to have projected it many times over
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < until) {
            assertThat(api.get("/api/contracts/PAUSE-1").status()).as("read while paused").isEqualTo(404);
            Thread.sleep(100);
        }
        JsonNode stillPaused = api.as(TestUsers.ADMIN).get(PATH).json();
        assertEveryProcessor(stillPaused, false);
        assertThat(slowestPosition(stillPaused)).isEqualTo(positionBefore);
        assertThat(stillPaused.get("head").asLong()).isGreaterThan(positionBefore);
        // pausing again changes nothing
        assertThat(api.as(TestUsers.ADMIN).post(PATH + "/pause", "").status()).isEqualTo(200);

        Response resumed = api.as(TestUsers.ADMIN).post(PATH + "/resume", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertEveryProcessor(resumed.json(), true);
        assertThat(contract("PAUSE-1", "minVersion=" + version).get("title").asString())
                .isEqualTo("Paused projections PAUSE-1");
    }

    @Test
    void aRebuildAfterAPauseBringsInWhatWasImported() throws Exception {
        assertThat(api.as(TestUsers.ADMIN).post(PATH + "/pause", "").status()).isEqualTo(200);
        String ndjson = "{\"requests\": [{\"path\": \"/api/contracts\", \"body\": " + registration("PAUSE-IMPORT-1")
                + "}]}\n{\"requests\": [{\"path\": \"/api/contracts\", \"body\": " + registration("PAUSE-IMPORT-2")
                + "}]}\n";
        assertThat(ImportBenchmark.post(HttpClient.newHttpClient(), imports(), manager(), ndjson)).isEqualTo(2);
        assertThat(api.get("/api/contracts/PAUSE-IMPORT-2").status()).isEqualTo(404);

        Response rebuilt = api.as(TestUsers.ADMIN).post(PATH + "/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertEveryProcessor(rebuilt.json().get("status"), true);
        assertThat(rebuilt.json().get("caughtUp").asBoolean()).isTrue();
        assertThat(contract("PAUSE-IMPORT-1", "").get("title").asString()).isEqualTo("Paused projections PAUSE-IMPORT-1");
        assertThat(contract("PAUSE-IMPORT-2", "").get("title").asString()).isEqualTo("Paused projections PAUSE-IMPORT-2");
    }

    @Test
    void aPauseDuringARebuildIsRefused() throws Exception {
        // ballast, so that the rebuild replays for long enough to be seen under way
        ImportBenchmark.post(HttpClient.newHttpClient(), imports(), manager(), ImportBenchmark.body("PAUSE-BALLAST", 300).replace("\"An ICB\"", "\"Pause Ballast ICB\"")
                        .replace("\"A council\"", "\"Pause Ballast Council\"").replace("\"A trust\"", "\"Pause Ballast Trust\""));
        assertThat(api.as(TestUsers.ADMIN).get(PATH + "?wait=true").json().get("caughtUp").asBoolean()).isTrue();

        CompletableFuture<Response> rebuild = CompletableFuture.supplyAsync(
                () -> api.as(TestUsers.ADMIN).post(PATH + "/rebuild", ""));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!api.as(TestUsers.ADMIN).get(PATH).json().get("rebuilding").asBoolean()) {
            assertThat(rebuild).as("the rebuild answered before it was seen under way").isNotDone();
            assertThat(System.nanoTime()).as("rebuild seen under way").isLessThan(deadline);
            Thread.sleep(2);
        }
        Response refused = api.as(TestUsers.ADMIN).post(PATH + "/pause", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.field("code")).isEqualTo("rebuild_in_progress");

        Response rebuilt = rebuild.get(2, TimeUnit.MINUTES);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        JsonNode after = api.as(TestUsers.ADMIN).get(PATH).json();
        assertThat(after.get("rebuilding").asBoolean()).isFalse();
        assertEveryProcessor(after, true);
    }

    @Test
    void onlyAnAdministratorPauses() {
        for (TestUsers user : new TestUsers[] {TestUsers.MANAGER, TestUsers.VIEWER}) {
            Response refused = api.as(user).post(PATH + "/pause", "");
            assertThat(refused.status()).as(user.name()).isEqualTo(403);
        }
        assertEveryProcessor(api.as(TestUsers.ADMIN).get(PATH).json(), true);
    }

    URI imports() {
        return URI.create("http://localhost:" + port + "/api/imports/contracts");
    }

    static String manager() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8));
    }

    static void assertEveryProcessor(JsonNode status, boolean running) {
        assertThat(status.get("processors").size()).as(status.toString()).isPositive();
        status.get("processors").forEach(processor ->
                assertThat(processor.get("running").asBoolean()).as(processor.toString()).isEqualTo(running));
    }

    /** The names of the processors a status lists, in its order. */
    static List<String> processorNames(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.get("processors").forEach(processor -> names.add(processor.get("name").asString()));
        return names;
    }

    static long slowestPosition(JsonNode status) {
        long slowest = Long.MAX_VALUE;
        for (JsonNode processor : status.get("processors")) {
            slowest = Math.min(slowest, processor.get("position").asLong());
        }
        return slowest;
    }

    static String registration(String id) {
        return """
                {"id": "%1$s", "title": "Paused projections %1$s", "kind": "SERVICE_CONTRACT", \
                "commissioners": [{"name": "Pause Test ICB"}], "providers": [{"name": "Pause Test Trust"}], \
                "value": {"amount": "100000.00", "currency": "GBP"}, "awardedOn": "2024-03-01", \
                "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}""".formatted(id);
    }
}
