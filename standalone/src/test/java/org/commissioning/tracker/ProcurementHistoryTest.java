package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A procurement's audit history over HTTP, the same as a contract's (API.md, "History entry"): every recorded event in
 * order with when, by whom and why it was recorded and a line in words, as known at any time, paged. The UnitingCare
 * dialogue of EXAMPLES.md section 3.
 */
class ProcurementHistoryTest extends ProcurementEndToEndTest {

    static final String PLAN = """
            {"id": "%s", "title": "Older people and adult community services",
             "buyers": [{"name": "Cambridgeshire and Peterborough CCG"}],
             "regime": "PCR2006", "route": "COMPETITIVE_DIALOGUE",
             "maximumPrice": {"amount": "752000000.00", "currency": "GBP"},
             "effectiveOn": "2013-01-01", "reason": "From the CCG's governing body papers"}""";
    static final String STAGE = UnitingCareProcurementExampleTest.STAGE;
    static final String COUNT = UnitingCareProcurementExampleTest.COUNT;
    static final String BID = UnitingCareProcurementExampleTest.BID;

    JsonNode history(String id, String query) {
        Response response = api.get("/api/procurements/" + id + "/history?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    /** Planned, EOI, 60 interested, selection, 10 passed, dialogue, 3 shortlisted, final tenders, three bids: v10. */
    long toFinalTenders(String id) {
        String path = "/api/procurements/" + id;
        write("/api/procurements", PLAN.formatted(id));
        write(path + "/stages", STAGE.formatted("EXPRESSIONS_OF_INTEREST", "2013-01-01"));
        write(path + "/participation", COUNT.formatted("EXPRESSIONS_OF_INTEREST", 60, "2013-03-01"));
        write(path + "/stages", STAGE.formatted("SELECTION", "2013-03-01"));
        write(path + "/participation", COUNT.formatted("PASSED_SELECTION", 10, "2013-05-01"));
        write(path + "/stages", STAGE.formatted("DIALOGUE", "2013-06-01"));
        write(path + "/participation", COUNT.formatted("SHORTLISTED", 3, "2013-06-01"));
        write(path + "/stages", STAGE.formatted("FINAL_TENDERS", "2014-07-01"));
        write(path + "/bids", BID.formatted(UnitingCareProcurementExampleTest.WINNER, "726000000.00"));
        write(path + "/bids", BID.formatted("Second consortium", "752000000.00"));
        return write(path + "/bids", BID.formatted("Third consortium", "752000000.00"));
    }

    @Test
    void unitingCaresHistoryTellsTheDialogueFromPlanningToTheAwardInWords() {
        String id = "UC-HIST-2013";
        toFinalTenders(id);
        Response standstill = api.as(TestUsers.ADMIN).post("/api/procurements/" + id + "/standstill",
                "{\"startsOn\": \"2014-09-19\", \"endsOn\": \"2014-09-30\", \"reason\": \"Award decision letters sent\"}",
                "X-Correlation-Id", "uc-standstill-2014");
        assertThat(standstill.status()).as(standstill.body()).isEqualTo(200);
        long version = write("/api/procurements/" + id + "/award", UnitingCareProcurementExampleTest.AWARD.formatted("UC-HIST", "2014-10-01"));
        assertThat(version).isEqualTo(12);

        JsonNode page = history(id, "minVersion=" + version);
        List<JsonNode> entries = items(page);
        assertThat(page.get("total").asLong()).isEqualTo(13);
        assertThat(text(page, "id")).isEqualTo(id);
        assertThat(entries).extracting(e -> e.get("sequence").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(entries).extracting(e -> text(e, "type")).containsExactly("ProcurementPlanned", "StageEntered",
                "ParticipationRecorded", "StageEntered", "ParticipationRecorded", "StageEntered",
                "ParticipationRecorded", "StageEntered", "BidRecorded", "BidRecorded", "BidRecorded",
                "StandstillRecorded", "ProcurementAwarded");
        assertThat(entries).extracting(e -> text(e, "effectiveOn")).containsExactly("2013-01-01", "2013-01-01",
                "2013-03-01", "2013-03-01", "2013-05-01", "2013-06-01", "2013-06-01", "2014-07-01", "2014-07-01",
                "2014-07-01", "2014-07-01", "2014-09-19", "2014-10-01");
        assertThat(entries).noneMatch(e -> e.get("derived").asBoolean());
        assertThat(entries).extracting(e -> text(e, "summary")).containsExactly(
                "Planned: 'Older people and adult community services' by Cambridgeshire and Peterborough CCG under "
                        + "PCR2006, route competitive dialogue; maximum price £752,000,000.00",
                "Stage moved to expressions of interest from planning",
                "Participation counted: 60 expressions of interest",
                "Stage moved to selection from expressions of interest",
                "Participation counted: 10 passed selection",
                "Stage moved to dialogue from selection",
                "Participation counted: 3 shortlisted",
                "Stage moved to final tenders from dialogue",
                // EXAMPLES.md: the winning bid £26m (3.46%) under the maximum
                "Bid received from UnitingCare Partnership: £726,000,000.00; £26,000,000.00 (3.46%) under the "
                        + "maximum price",
                "Bid received from Second consortium: £752,000,000.00; at the maximum price",
                "Bid received from Third consortium: £752,000,000.00; at the maximum price",
                "Standstill from 2014-09-19 to 2014-09-30 (both included); the contract may be awarded from 2014-10-01",
                "Awarded to UnitingCare Partnership as contract UC-HIST (service contract 'Older people and adult "
                        + "community services'), value £726,000,000.00, by competitive dialogue");

        JsonNode planned = entries.get(0);
        assertThat(text(planned, "recordedBy")).as("the authenticated user").isEqualTo("manager");
        assertThat(text(planned, "reason")).isEqualTo("From the CCG's governing body papers");
        assertThat(text(planned, "correlationId")).as("generated when the client sends none").isNotBlank();
        assertThat(text(planned.get("details"), "procurementId")).isEqualTo(id);
        assertThat(text(planned, "recordedAt")).as("UTC").endsWith("Z");

        JsonNode recordedStandstill = entries.get(11);
        assertThat(text(recordedStandstill, "recordedBy")).isEqualTo("admin");
        assertThat(text(recordedStandstill, "reason")).isEqualTo("Award decision letters sent");
        assertThat(text(recordedStandstill, "correlationId")).isEqualTo("uc-standstill-2014");
        assertThat(text(recordedStandstill.get("details"), "endsOn")).isEqualTo("2014-09-30");
        assertThat(text(entries.get(12).get("details"), "contractId")).isEqualTo("UC-HIST");
    }

    /**
     * The correlation ids are the projection's own (its rows carry them, as the contracts' do), not looked up in the
     * event store: after every projection is rebuilt from the events, the rows and the history still have each
     * request's id.
     */
    @Test
    void eachEventKeepsItsRequestsCorrelationIdThroughARebuild() {
        String id = "UC-HIST-REBUILT";
        String path = "/api/procurements/" + id;
        assertThat(api.post("/api/procurements", PLAN.formatted(id), "X-Correlation-Id", "uc-rebuilt-plan").status())
                .isEqualTo(201);
        Response stage = api.post(path + "/stages", STAGE.formatted("EXPRESSIONS_OF_INTEREST", "2013-01-01"),
                "X-Correlation-Id", "uc-rebuilt-stage");
        assertThat(stage.status()).as(stage.body()).isEqualTo(200);
        long version = stage.json().get("version").asLong();
        List<String> expected = List.of("uc-rebuilt-plan", "uc-rebuilt-stage");
        assertThat(items(history(id, "minVersion=" + version))).extracting(e -> text(e, "correlationId"))
                .containsExactlyElementsOf(expected);

        Response rebuilt = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);

        // the procurement's summary row reaches the version in the transaction that writes its event rows
        assertThat(items(history(id, "minVersion=" + version))).extracting(e -> text(e, "correlationId"))
                .containsExactlyElementsOf(expected);
        assertThat(jdbc.queryForList("select correlation_id from procurement_event_view where procurement_id = ?"
                + " order by sequence", String.class, id)).as("the projection's rows").containsExactlyElementsOf(expected);
    }

    @Test
    void asKnownAtATimeTheHistoryStopsAtWhatHadBeenRecordedThen() {
        String id = "UC-HIST-KNOWN";
        String path = "/api/procurements/" + id;
        write("/api/procurements", PLAN.formatted(id));
        write(path + "/stages", STAGE.formatted("EXPRESSIONS_OF_INTEREST", "2013-01-01"));
        // recorded long after it took effect: the notice that opened the competition on 2013-01-01
        long version = write(path + "/notices",
                "{\"kind\": \"CONTRACT_NOTICE\", \"publishedOn\": \"2013-01-01\", \"reference\": \"2013/S 001-000123\"}");
        List<JsonNode> all = items(history(id, "minVersion=" + version));
        assertThat(all).hasSize(3);
        assertThat(text(all.get(2), "summary")).isEqualTo("Notice published: contract notice (reference 2013/S 001-000123)");
        Instant plannedAt = Instant.parse(text(all.get(0), "recordedAt"));
        Instant noticeAt = Instant.parse(text(all.get(2), "recordedAt"));
        assertThat(noticeAt).isAfter(plannedAt);

        assertThat(items(history(id, "knownAt=" + noticeAt))).hasSize(3);
        JsonNode before = history(id, "knownAt=" + noticeAt.minusNanos(1000));
        assertThat(items(before)).extracting(e -> text(e, "type")).containsExactly("ProcurementPlanned", "StageEntered");
        assertThat(before.get("total").asLong()).isEqualTo(2);
        assertThat(text(before, "knownAt")).isEqualTo(noticeAt.minusNanos(1000).toString());

        Response unknown = api.get(path + "/history?knownAt=" + plannedAt.minusNanos(1000));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.field("code")).isEqualTo("unknown_procurement");
    }

    @Test
    void aReadWithMinVersionRightAfterAWriteSeesIt() {
        String id = "UC-HIST-RYW";
        write("/api/procurements", PLAN.formatted(id));
        long version = write("/api/procurements/" + id + "/route",
                "{\"route\": \"COMPETITIVE_WITH_NEGOTIATION\", \"effectiveOn\": \"2013-02-01\"}");
        List<JsonNode> entries = items(history(id, "minVersion=" + version));
        assertThat(entries.getLast().get("sequence").asLong()).isEqualTo(version);
        assertThat(text(entries.getLast(), "summary"))
                .isEqualTo("Route chosen: competitive with negotiation (was competitive dialogue)");
    }

    @Test
    void theHistoryIsPaged() {
        String id = "UC-HIST-PAGED";
        long version = toFinalTenders(id); // 11 events
        JsonNode second = history(id, "minVersion=" + version + "&page=1&size=4");
        assertThat(second.get("total").asLong()).isEqualTo(11);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(4);
        assertThat(items(second)).extracting(e -> e.get("sequence").asLong()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(items(history(id, "page=2&size=4"))).extracting(e -> e.get("sequence").asLong())
                .containsExactly(8L, 9L, 10L);
        JsonNode past = history(id, "page=3&size=4");
        assertThat(items(past)).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(11);
        JsonNode byDefault = history(id, "");
        assertThat(byDefault.get("size").asInt()).isEqualTo(50);
        assertThat(items(byDefault)).hasSize(11);
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndAnUnknownProcurementIsNotFound() {
        assertBad("/api/procurements/UC-HIST-2013/history?page=-1", "page");
        assertBad("/api/procurements/UC-HIST-2013/history?size=0", "size");
        assertBad("/api/procurements/UC-HIST-2013/history?size=501", "size");
        assertBad("/api/procurements/UC-HIST-2013/history?knownAt=yesterday", "knownAt");
        assertBad("/api/procurements/UC-HIST-2013/history?minVersion=soon", "minVersion");
        assertBad("/api/procurements/not%20an%20id/history", "id");

        Response unknown = api.get("/api/procurements/NO-SUCH-PROCUREMENT/history");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.field("code")).isEqualTo("unknown_procurement");
    }

    void assertBad(String path, String parameter) {
        Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(parameter);
    }
}
