package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.ContractImportTest.contractLine;
import static org.commissioning.tracker.ContractImportTest.extension;
import static org.commissioning.tracker.ContractImportTest.registration;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The bulk import appends chunks (100 lines each) while it still reads the body, in one transaction that commits only
 * when the whole import is accepted. These tests refuse an import after several chunks were appended and check that
 * nothing of them is stored, and that a valid import of many chunks stores every event in the body's order.
 */
class ContractImportPipelineTest extends EndToEndTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int CHUNK_LINES = 100;

    /** Registration (sequence 0) and a two-year extension (sequence 1) of contract {@code id}. */
    static String twoEvents(String id) {
        return contractLine(registration(id), extension(id, "P2Y", "2019-01-15"));
    }

    HttpRequest.Builder request(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports/contracts"))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password)
                                .getBytes(StandardCharsets.UTF_8)))
                .POST(body).timeout(Duration.ofSeconds(120));
    }

    Response importing(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(request(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
    }

    long eventsLike(String prefix) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like ?",
                Long.class, "contract:" + prefix + "%");
    }

    /** The event store's global index sequence: it moves on every insert, committed or not, and is seen by all. */
    long globalIndex() {
        return jdbc.queryForObject("select last_value from domain_event_global_index_seq", Long.class);
    }

    /**
     * A session that holds an open transaction that has inserted into domain_event_entry (a write lock on the table,
     * a transaction id assigned) and is waiting between statements: the appender between two chunks.
     */
    boolean anOpenTransactionHasInsertedEvents() {
        return jdbc.queryForObject("""
                select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                join pg_stat_activity a on a.pid = l.pid
                where c.relname = 'domain_event_entry' and l.mode = 'RowExclusiveLock' and l.granted
                  and a.state = 'idle in transaction' and a.backend_xid is not null""", Long.class) > 0;
    }

    void assertUnknown(String id) {
        Response response = api.get("/api/contracts/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.field("code")).isEqualTo("unknown_contract");
    }

    @Test
    void anErrorAfterSeveralAppendedChunksLeavesNothingStoredAndTheAppendedRowsWereNeverVisible() throws Exception {
        long before = allEvents();
        long indexBefore = globalIndex();
        PipedInputStream bodyIn = new PipedInputStream(1 << 20);
        CompletableFuture<HttpResponse<String>> answer;
        try (OutputStream bodyOut = new PipedOutputStream(bodyIn)) {
            answer = HTTP.sendAsync(request(HttpRequest.BodyPublishers.ofInputStream(() -> bodyIn)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // four whole chunks of valid lines, then the upload pauses (80 lines more: the client holds back the
            // last buffer or two of a stream it has not seen the end of)
            for (int i = 1; i <= 4 * CHUNK_LINES + 80; i++) {
                bodyOut.write((twoEvents("PIPE-ERR-" + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            bodyOut.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (globalIndex() < indexBefore + 4 * CHUNK_LINES * 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // the appender has inserted the first four chunks (800 events took the sequence's numbers) ...
            assertThat(globalIndex()).isGreaterThanOrEqualTo(indexBefore + 4 * CHUNK_LINES * 2);
            assertThat(anOpenTransactionHasInsertedEvents()).isTrue();
            // ... inside its open transaction: Axon's publish joined it, so no other session sees them
            assertThat(eventsLike("PIPE-ERR-")).isZero();
            assertThat(answer).isNotDone();

            // line 481 breaks a rule (the option is seven years); more valid lines follow
            bodyOut.write((contractLine(registration("PIPE-ERR-BAD"), extension("PIPE-ERR-BAD", "P8Y", "2019-01-15"))
                    + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 150; i++) {
                bodyOut.write((twoEvents("PIPE-ERR-LATE-" + i) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        Response refused = new Response(response.statusCode(), response.body(),
                response.headers().firstValue("Content-Type").orElse(""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.field("code")).isEqualTo("import_rejected");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(4 * CHUNK_LINES + 81);
        assertThat(text(errors.get(0), "code")).isEqualTo("extension_exceeds_option");

        assertThat(allEvents()).isEqualTo(before);
        assertThat(eventsLike("PIPE-ERR-")).isZero();
        assertThat(anOpenTransactionHasInsertedEvents()).isFalse();
        assertUnknown("PIPE-ERR-1");
        assertUnknown("PIPE-ERR-" + (3 * CHUNK_LINES + 5));
    }

    @Test
    void aClashWithAnExistingContractInALaterChunkIs409AndNothingIsStored() throws Exception {
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "PIPE-OLD"));
        long before = allEvents();
        long indexBefore = globalIndex();
        int clashLine = 4 * CHUNK_LINES + 20;
        StringBuilder body = new StringBuilder();
        for (int line = 1; line <= 5 * CHUNK_LINES; line++) {
            body.append(line == clashLine ? contractLine(registration("PIPE-OLD")) : twoEvents("PIPE-CLASH-" + line))
                    .append('\n');
        }
        Response response = importing(body.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.field("code")).isEqualTo("already_exists");
        List<JsonNode> errors = new ArrayList<>();
        response.json().get("errors").forEach(errors::add);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().get("line").asInt()).isEqualTo(clashLine);
        assertThat(text(errors.getFirst(), "message")).contains("PIPE-OLD");
        // the four chunks before the clash were appended (they took the sequence's numbers), then rolled back
        assertThat(globalIndex()).isGreaterThanOrEqualTo(indexBefore + 4 * CHUNK_LINES * 2);
        assertThat(allEvents()).isEqualTo(before);
        assertThat(eventsLike("PIPE-CLASH-")).isZero();
        assertThat(eventsOf("PIPE-OLD")).isEqualTo(1);
        assertUnknown("PIPE-CLASH-1");
    }

    @Test
    void clashesInSeveralChunksAndLineErrorsAreListedTogetherInLineOrder() throws Exception {
        for (String id : List.of("PIPE-OLD-A", "PIPE-OLD-B")) {
            write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id));
        }
        long before = allEvents();
        StringBuilder body = new StringBuilder();
        for (int line = 1; line <= 3 * CHUNK_LINES; line++) {
            body.append(switch (line) {
                case 250 -> contractLine(registration("PIPE-OLD-A"));
                case 150 -> "{\"requests\": []}";
                case 30 -> contractLine(registration("PIPE-OLD-B"));
                default -> twoEvents("PIPE-MIX-" + line);
            }).append('\n');
        }
        Response response = importing(body.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.field("code")).isEqualTo("import_rejected");
        List<JsonNode> errors = new ArrayList<>();
        response.json().get("errors").forEach(errors::add);
        assertThat(errors).extracting(e -> e.get("line").asInt()).containsExactly(30, 150, 250);
        assertThat(errors).extracting(e -> text(e, "code"))
                .containsExactly("already_exists", "validation_failed", "already_exists");
        assertThat(allEvents()).isEqualTo(before);
        assertThat(eventsLike("PIPE-MIX-")).isZero();
    }

    @Test
    void aValidImportOfManyChunksStoresEveryEventInTheBodysOrder() throws Exception {
        int lines = 10 * CHUNK_LINES + 50;
        StringBuilder body = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            String id = "PIPE-BIG-" + line;
            body.append(twoEvents(id)).append('\n');
            expected.add("contract:" + id + "#0");
            expected.add("contract:" + id + "#1");
        }
        long before = allEvents();
        Response response = importing(body.toString());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("contracts").asInt()).isEqualTo(lines);
        assertThat(response.json().get("events").asLong()).isEqualTo(2L * lines);
        assertThat(allEvents()).isEqualTo(before + 2L * lines);
        assertThat(jdbc.queryForList("""
                select aggregate_identifier || '#' || sequence_number from domain_event_entry
                where aggregate_identifier like 'contract:PIPE-BIG-%' order by global_index""", String.class))
                .isEqualTo(expected);
        assertThat(jdbc.queryForList("""
                select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' from domain_event_entry
                where aggregate_identifier like 'contract:PIPE-BIG-%'""", String.class)).hasSize(1);
        // the last chunk's contract answers as extended: a three-year term from 2016-04-01 plus two years
        assertThat(text(contractAsOf("PIPE-BIG-" + (lines - 1), "2020-01-01", 1), "endDate")).isEqualTo("2021-03-31");
    }

    long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
