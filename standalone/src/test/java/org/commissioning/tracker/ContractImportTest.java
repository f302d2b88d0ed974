package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bulk import (API.md, "Imports") end to end: a portfolio imported in one request is stored exactly as the same
 * requests sent one by one, and any error refuses the whole import with nothing stored.
 */
class ContractImportTest extends EndToEndTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request of a contract's history: the path after {@code /api/contracts/{id}} and its body. */
    record Step(String action, String body) {
    }

    /**
     * The portfolio, as a client would send it request by request ({@code ID} stands for the contract's id): the
     * worked examples and shapes of our own with renewals by agreement, variations, review points and a termination.
     */
    static Map<String, List<Step>> portfolio() {
        Map<String, List<Step>> contracts = new LinkedHashMap<>();
        contracts.put("TORBAY", List.of(
                new Step("", Seeds.TORBAY.replace("TORBAY-ICO", "ID")),
                new Step("/commencement", "{\"effectiveOn\": \"2015-10-01\", \"reason\": \"Go-live confirmed\"}"),
                new Step("/notices", """
                        {"kind": "NON_RENEWAL", "servedOn": "2022-06-15", "servedBy": "South Devon and Torbay CCG",
                         "reason": "The CCG will re-procure"}""")));
        contracts.put("MIDNOTTS", List.of(
                new Step("", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "ID")),
                new Step("/commencement", "{\"effectiveOn\": \"2016-04-01\"}"),
                new Step("/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}"),
                new Step("/extensions", "{\"length\": \"P5Y\", \"effectiveOn\": \"2021-01-15\"}")));
        contracts.put("S75", List.of(
                new Step("", """
                        {"id": "ID", "title": "Pooled budget", "kind": "SECTION_75_AGREEMENT",
                         "commissioners": [{"name": "An ICB"}], "providers": [{"name": "A County Council"}],
                         "value": {"amount": "1200000.50", "currency": "GBP"}, "awardedOn": "2024-03-01",
                         "terms": {"startDate": "2024-04-01", "initialTerm": "P1Y",
                                   "renewal": {"mode": "BY_AGREEMENT", "interval": "P1Y", "maxRenewals": 5}}}"""),
                new Step("/renewals", "{\"effectiveOn\": \"2025-02-01\"}"),
                new Step("/variations", """
                        {"effectiveOn": "2025-06-01", "valueChange": {"amount": "-200000.25", "currency": "GBP"},
                         "description": "Fewer beds", "reason": "Demand fell"}"""),
                new Step("/renewals", "{\"effectiveOn\": \"2026-02-01\"}")));
        contracts.put("REVIEWS", List.of(
                new Step("", """
                        {"id": "ID", "title": "Community services", "kind": "SERVICE_CONTRACT",
                         "commissioners": [{"name": "An ICB"}], "providers": [{"name": "A community trust"}],
                         "value": {"amount": "5000000.00", "currency": "GBP"}, "awardedOn": "2021-01-10",
                         "terms": {"startDate": "2021-04-01", "initialTerm": "P5Y",
                                   "extensionOptions": [{"maxLength": "P2Y"}]}}"""),
                new Step("/commencement", "{\"effectiveOn\": \"2021-04-01\"}"),
                new Step("/review-points", """
                        {"effectiveOn": "2021-04-01", "dueOn": "2021-07-01", "kind": "PERFORMANCE_REVIEW",
                         "description": "Quarterly performance", "recurrence": "P3M"}"""),
                new Step("/review-points", """
                        {"effectiveOn": "2021-05-01", "dueOn": "2022-04-01", "kind": "BREAK_POINT",
                         "description": "Break clause"}"""),
                new Step("/review-points/R1/completion", "{\"effectiveOn\": \"2021-07-02\", \"outcome\": \"On track\"}"),
                new Step("/review-points/R2/completion", "{\"effectiveOn\": \"2022-04-01\", \"outcome\": \"Continue\"}"),
                new Step("/review-points/R1/completion", "{\"effectiveOn\": \"2022-04-01\", \"outcome\": \"Late\"}"),
                new Step("/variations", """
                        {"effectiveOn": "2023-01-01", "valueChange": {"amount": "250000.00", "currency": "GBP"},
                         "description": "Extra clinics"}"""),
                new Step("/notices", """
                        {"kind": "TERMINATION", "servedOn": "2024-01-10", "servedBy": "An ICB",
                         "takesEffectOn": "2024-07-10"}""")));
        contracts.put("ENDED", List.of(
                new Step("", """
                        {"id": "ID", "title": "Home care", "kind": "SERVICE_CONTRACT",
                         "commissioners": [{"name": "A Council"}], "providers": [{"name": "A home care company"}],
                         "awardedOn": "2019-02-01", "terms": {"startDate": "2019-04-01", "initialEndDate": "2024-03-31"}}"""),
                new Step("/commencement", "{\"effectiveOn\": \"2019-04-01\"}"),
                new Step("/termination", """
                        {"effectiveOn": "2022-10-01", "initiatedBy": "A Council",
                         "costs": {"amount": "10000.00", "currency": "GBP"}, "reason": "Provider failure"}""")));
        return contracts;
    }

    static String id(String prefix, String shape) {
        return prefix + "-" + shape;
    }

    /** The portfolio as an import body: one line a contract, ids made with {@code prefix}. */
    static String ndjson(String prefix, Map<String, List<Step>> portfolio) {
        StringBuilder body = new StringBuilder();
        portfolio.forEach((shape, steps) -> body.append(line(id(prefix, shape), steps)).append('\n'));
        return body.toString();
    }

    static String line(String id, List<Step> steps) {
        ObjectNode line = JSON.createObjectNode();
        var requests = line.putArray("requests");
        for (Step step : steps) {
            requests.addObject()
                    .put("path", step.action().isEmpty() ? "/api/contracts" : "/api/contracts/" + id + step.action())
                    .set("body", JSON.readTree(body(id, step)));
        }
        return JSON.writeValueAsString(line);
    }

    static String body(String id, Step step) {
        return step.body().replace("\"ID\"", "\"" + id + "\"");
    }

    Response importing(String body, TestUsers user, String... headers) {
        return importing(HttpRequest.BodyPublishers.ofString(body), user, headers);
    }

    Response importing(HttpRequest.BodyPublisher body, TestUsers user, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/contracts"))
                .header("Content-Type", "application/x-ndjson").POST(body).timeout(Duration.ofSeconds(120));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user.username + ":" + user.password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** A contract's stored events: type, sequence, payload type, payload and metadata, with its id replaced. */
    List<Map<String, Object>> stored(String id) {
        return jdbc.query("""
                        select type, sequence_number, payload_type, payload_revision, convert_from(payload, 'UTF8') p,
                               convert_from(meta_data, 'UTF8') m
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (row, n) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("type", row.getString("type"));
                    event.put("sequence", row.getLong("sequence_number"));
                    event.put("payloadType", row.getString("payload_type"));
                    event.put("revision", row.getString("payload_revision"));
                    event.put("payload", JSON.readTree(row.getString("p").replace(id, "ID")));
                    ObjectNode meta = (ObjectNode) JSON.readTree(row.getString("m"));
                    assertThat(meta.get("correlationId").asString()).isNotBlank();
                    meta.remove("correlationId");
                    event.put("metaData", meta);
                    return event;
                }, "contract:" + id);
    }

    JsonNode read(String path) {
        Response response = api.get(path);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response.json();
    }

    /** What the query side answers about a contract, with its id replaced and the recording instants dropped. */
    List<String> answers(String id, long version) {
        List<String> answers = new ArrayList<>();
        for (String date : List.of("2016-06-01", "2019-06-01", "2021-06-01", "2023-06-01", "2025-06-01", "2026-11-22")) {
            answers.add(read("/api/contracts/" + id + "?asOf=" + date + "&minVersion=" + version).toString());
            answers.add(read("/api/contracts/" + id + "/durations?asOf=" + date).toString());
        }
        JsonNode history = read("/api/contracts/" + id + "/history?minVersion=" + version);
        history.get("items").forEach(item -> {
            assertThat(item.get("recordedBy").isNull() || item.get("recordedBy").asString().equals("manager"))
                    .as(item.toString()).isTrue();
            ((ObjectNode) item).remove(List.of("recordedAt", "correlationId"));
        });
        answers.add(history.toString());
        answers.add(read("/api/key-dates?contractId=" + id + "&minVersion=" + version
                + "&from=2015-01-01&to=2015-12-31").toString());
        return answers.stream().map(answer -> answer.replace(id, "ID")).toList();
    }

    @Test
    void anImportedPortfolioIsStoredAndAnsweredExactlyAsTheSameRequestsSentOneByOne() {
        Map<String, List<Step>> portfolio = portfolio();
        Map<String, Long> versions = new LinkedHashMap<>();
        portfolio.forEach((shape, steps) -> {
            String id = id("HTTP", shape);
            long version = -1;
            for (Step step : steps) {
                version = write(step.action().isEmpty() ? "/api/contracts" : "/api/contracts/" + id + step.action(),
                        body(id, step));
            }
            versions.put(shape, version);
        });

        long before = allEvents();
        Response imported = importing(ndjson("IMP", portfolio), TestUsers.MANAGER, "X-Correlation-Id", "import-1");

        int events = portfolio.values().stream().mapToInt(List::size).sum();
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("contracts").asInt()).isEqualTo(portfolio.size());
        assertThat(imported.json().get("events").asLong()).isEqualTo(events);
        assertThat(allEvents()).isEqualTo(before + events);
        assertThat(jdbc.queryForList("""
                select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' from domain_event_entry
                where aggregate_identifier like 'contract:IMP-%'""", String.class)).containsExactly("import-1");
        portfolio.forEach((shape, steps) -> {
            assertThat(stored(id("IMP", shape))).as(shape).hasSize(steps.size())
                    .isEqualTo(stored(id("HTTP", shape)));
            assertThat(answers(id("IMP", shape), versions.get(shape))).as(shape)
                    .isEqualTo(answers(id("HTTP", shape), versions.get(shape)));
        });

        // the aggregate loads the imported stream and takes the next request as it would have
        String mid = id("IMP", "MIDNOTTS");
        refused(mid, "/api/contracts/" + mid + "/extensions", "{\"length\": \"P1Y\", \"effectiveOn\": \"2022-01-15\"}",
                422, "extension_option_exhausted");
        assertThat(write("/api/contracts/" + mid + "/variations", """
                {"effectiveOn": "2022-02-01", "valueChange": {"amount": "10.00", "currency": "GBP"},
                 "description": "After the import"}""")).isEqualTo(versions.get("MIDNOTTS") + 1);
    }

    /** Asserts a refused import: the status and code, nothing stored, and answers the errors. */
    List<JsonNode> refusedImport(Response response, int status, String code, long eventsBefore) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("code")).as(response.body()).isEqualTo(code);
        assertThat(allEvents()).as("events after a refused import").isEqualTo(eventsBefore);
        List<JsonNode> errors = new ArrayList<>();
        if (response.json().has("errors")) {
            response.json().get("errors").forEach(errors::add);
        }
        return errors;
    }

    static String registration(String id) {
        return "{\"path\": \"/api/contracts\", \"body\": " + Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id) + "}";
    }

    static String extension(String id, String length, String on) {
        return "{\"path\": \"/api/contracts/" + id + "/extensions\", \"body\": {\"length\": \"" + length
                + "\", \"effectiveOn\": \"" + on + "\"}}";
    }

    /** A line of requests, written on one line as NDJSON wants (the seeds span several). */
    static String contractLine(String... requests) {
        return JSON.readTree("{\"requests\": [" + String.join(", ", requests) + "]}").toString();
    }

    @Test
    void everyErrorIsListedWithItsLineAndRequestAndNothingIsStored() {
        long before = allEvents();
        String body = String.join("\n",
                contractLine(registration("BAD-1"), extension("BAD-1", "P2Y", "2019-01-15")),
                "{\"requests\": [ not json",
                // line 3's second request breaks a rule: the option is 7 years
                contractLine(registration("BAD-3"), extension("BAD-3", "P8Y", "2019-01-15")),
                contractLine(registration("BAD-4"), "{\"path\": \"/api/contracts/BAD-4/frobnicate\", \"body\": {}}"),
                contractLine(registration("BAD-5"), extension("BAD-OTHER", "P1Y", "2019-01-15")),
                contractLine(registration("BAD-6"), "{\"path\": \"/api/contracts/BAD-6/commencement\", "
                        + "\"body\": {\"effectiveOn\": \"2016-04-01\", \"recordedBy\": \"someone else\"}}"),
                contractLine(registration("BAD-1")),
                "") + "\n";
        List<JsonNode> errors = refusedImport(importing(body, TestUsers.MANAGER), 400, "import_rejected", before);

        assertThat(errors).extracting(e -> e.get("line").asInt()).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(errors).extracting(e -> text(e, "code")).containsExactly("validation_failed",
                "extension_exceeds_option", "validation_failed", "validation_failed", "validation_failed",
                "already_exists");
        assertThat(errors).extracting(e -> e.has("request") ? e.get("request").asInt() : -1)
                .containsExactly(-1, 1, 1, 1, 1, 0);
        assertThat(text(errors.get(1), "path")).isEqualTo("/api/contracts/BAD-3/extensions");
        assertThat(text(errors.get(2), "field")).isEqualTo("path");
        assertThat(text(errors.get(3), "message")).contains("BAD-OTHER");
        assertThat(text(errors.get(4), "field")).isEqualTo("recordedBy");
        assertThat(text(errors.get(5), "message")).contains("line 1");
        for (String id : List.of("BAD-1", "BAD-3", "BAD-4", "BAD-5", "BAD-6")) {
            assertThat(eventsOf(id)).isZero();
        }
    }

    @Test
    void anIdThatExistsAlreadyIs409AndNothingIsStored() {
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "CLASH-1"));
        long before = allEvents();
        String body = contractLine(registration("CLASH-NEW")) + "\n" + contractLine(registration("CLASH-1")) + "\n";
        List<JsonNode> errors = refusedImport(importing(body, TestUsers.MANAGER), 409, "already_exists", before);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().get("line").asInt()).isEqualTo(2);
        assertThat(text(errors.getFirst(), "code")).isEqualTo("already_exists");
        assertThat(eventsOf("CLASH-NEW")).isZero();
    }

    @Test
    void tooManyLinesOrTooLargeABodyIs413AndNothingIsStored() {
        long before = allEvents();
        String many = String.join("\n", Collections.nCopies(10_001, contractLine(registration("MANY-1"))));
        refusedImport(importing(many, TestUsers.MANAGER), 413, "payload_too_large", before);

        // a Content-Length over the limit of 32 MB: refused before the body is read (so none is sent here)
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/imports/contracts HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: application/x-ndjson\r\nContent-Length: " + (33L * 1024 * 1024) + "\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString(
                    (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8))
                    + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server answers at once; it may keep the connection open for the body, so read just the answer
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int n;
            while (!answer.toString().contains("payload_too_large") && (n = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("\"code\":\"payload_too_large\"");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void concurrentImportsOfTheSameContractsStoreThemOnceAndRefuseTheOthersWith409() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            body.append(contractLine(registration("RACE-IMP-" + i), extension("RACE-IMP-" + i, "P2Y", "2019-01-15")))
                    .append('\n');
        }
        long before = allEvents();
        List<Response> responses;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return importing(body.toString(), TestUsers.MANAGER);
                }));
            }
            start.countDown();
            responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        }
        assertThat(responses).extracting(Response::status).containsOnly(201, 409).containsOnlyOnce(201);
        responses.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.field("code"))
                .as(r.body()).isIn("already_exists", "concurrent_modification"));
        assertThat(allEvents()).isEqualTo(before + 600);
    }

    @Test
    void anImportNeedsAContractManager() {
        long before = allEvents();
        String body = contractLine(registration("AUTH-1")) + "\n";
        refusedImport(importing(body, null), 401, "unauthenticated", before);
        refusedImport(importing(body, TestUsers.VIEWER), 403, "forbidden", before);
        assertThat(importing(body, TestUsers.ADMIN).status()).isEqualTo(201);
        assertThat(eventsOf("AUTH-1")).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstImportAgainAndStoresNothingNew() {
        String body = contractLine(registration("IDEM-IMP-1"), extension("IDEM-IMP-1", "P2Y", "2019-01-15")) + "\n";
        Response first = importing(body, TestUsers.MANAGER, "Idempotency-Key", "import-key-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        long after = allEvents();
        Response again = importing(body, TestUsers.MANAGER, "Idempotency-Key", "import-key-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(allEvents()).isEqualTo(after);
        assertThat(eventsOf("IDEM-IMP-1")).isEqualTo(2);
    }
}
