package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The procurement API's edges: malformed input, unknown procurements, the pipeline and its filters, as known at. */
class ProcurementApiTest extends ProcurementEndToEndTest {

    static final String PLAN = """
            {"id": "API-PLAN-1", "title": "Integrated sexual health services",
             "buyers": [{"name": "Shire County Council"}], "regime": "PCR2015", "route": "OPEN",
             "maximumPrice": {"amount": "5000000.00", "currency": "GBP"},
             "plannedAwardOn": "2024-09-01", "plannedStartOn": "2025-04-01", "effectiveOn": "2024-01-08"}
            """;

    record Malformed(String path, String body, String field) {
    }

    @Test
    void everyMalformedRequestIsRefusedNamingItsFieldAndStoresNothing() {
        write("/api/procurements", PLAN.replace("API-PLAN-1", "API-MALFORMED"));
        String path = "/api/procurements/API-MALFORMED";
        String award = """
                {"contractId": "API-MALFORMED-C", "effectiveOn": "2024-09-01", "providers": [{"name": "A provider"}],
                 "value": {"amount": "4000000.00", "currency": "GBP"}, "kind": "SERVICE_CONTRACT",
                 "terms": {"startDate": "2025-04-01", "initialTerm": "P3Y"}}""";
        List<Malformed> cases = List.of(
                new Malformed("/api/procurements", PLAN.replace("API-PLAN-1", "API PLAN"), "id"),
                new Malformed("/api/procurements", PLAN.replace("\"title\": \"Integrated sexual health services\",", ""), "title"),
                new Malformed("/api/procurements", PLAN.replace("\"PCR2015\"", "\"PCR2016\""), "regime"),
                new Malformed("/api/procurements", PLAN.replace("\"OPEN\"", "\"PSR_DIRECT_AWARD_C\""), "route"),
                new Malformed("/api/procurements", PLAN.replace("[{\"name\": \"Shire County Council\"}]", "[]"), "buyers"),
                new Malformed("/api/procurements", PLAN.replace("\"5000000.00\"", "\"-5\""), "maximumPrice.amount"),
                new Malformed("/api/procurements", PLAN.replace("\"2025-04-01\"", "\"2024-08-31\""), "plannedStartOn"),
                new Malformed("/api/procurements", PLAN.replace("\"2024-01-08\"", "\"8 January 2024\""), "effectiveOn"),
                new Malformed("/api/procurements", PLAN.replace("\"title\"", "\"colour\": \"red\", \"title\""), "colour"),
                new Malformed(path + "/notices", "{\"kind\": \"UK13\", \"publishedOn\": \"2024-02-01\"}", "kind"),
                new Malformed(path + "/notices", "{\"kind\": \"UK4_TENDER\", \"publishedOn\": \"2024-02-01\", \"url\": \"tender pack\"}", "url"),
                new Malformed(path + "/route", "{\"route\": \"UNDECIDED\", \"effectiveOn\": \"2024-02-01\"}", "route"),
                new Malformed(path + "/route", "{\"route\": \"PSR_COMPETITIVE\", \"effectiveOn\": \"2024-02-01\"}", "route"),
                new Malformed(path + "/stages", "{\"effectiveOn\": \"2024-02-01\"}", "stage"),
                new Malformed(path + "/participation", "{\"measure\": \"SHORTLISTED\", \"count\": -1, \"effectiveOn\": \"2024-02-01\"}", "count"),
                new Malformed(path + "/participation", "{\"measure\": \"SHORTLISTED\", \"count\": \"three\", \"effectiveOn\": \"2024-02-01\"}", "count"),
                new Malformed(path + "/participation", "{\"measure\": \"SHORTLISTED\", \"effectiveOn\": \"2024-02-01\"}", "count"),
                new Malformed(path + "/bids", "{\"bidder\": \"A\", \"amount\": {\"amount\": \"lots\", \"currency\": \"GBP\"}, \"effectiveOn\": \"2024-02-01\"}", "amount.amount"),
                new Malformed(path + "/bids", "{\"bidder\": \"A\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}, \"effectiveOn\": \"2024-02-01\"}", "amount.currency"),
                new Malformed(path + "/bids", "{\"amount\": {\"amount\": \"1.00\", \"currency\": \"GBP\"}, \"effectiveOn\": \"2024-02-01\"}", "bidder"),
                new Malformed(path + "/standstill", "{\"startsOn\": \"2024-08-20\", \"endsOn\": \"2024-08-19\"}", "endsOn"),
                new Malformed(path + "/award", award.replace("\"API-MALFORMED-C\"", "\"API MALFORMED\""), "contractId"),
                new Malformed(path + "/award", award.replace("[{\"name\": \"A provider\"}]", "[]"), "providers"),
                new Malformed(path + "/award", award.replace("\"initialTerm\": \"P3Y\"", "\"initialEndDate\": \"2025-03-31\""), "terms.initialEndDate"),
                new Malformed(path + "/award", award.replace("\"SERVICE_CONTRACT\"", "\"TENANCY\""), "kind"),
                new Malformed(path + "/abandonment", "{}", "effectiveOn"),
                new Malformed(path + "/abandonment", "", "body"));
        long before = allEvents();

        for (Malformed malformed : cases) {
            Response response = api.post(malformed.path(), malformed.body());
            assertThat(response.status()).as("%s %s: %s", malformed.path(), malformed.body(), response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.field("code")).isEqualTo("validation_failed");
            assertThat(response.json().get("errors").findValuesAsString("field"))
                    .as("%s %s: %s", malformed.path(), malformed.body(), response.body())
                    .containsExactly(malformed.field());
        }

        assertThat(allEvents()).isEqualTo(before);
        assertThat(api.get("/api/procurements/API-PLAN-1").status()).isEqualTo(404);
        assertThat(api.get("/api/contracts/API-MALFORMED-C").status()).isEqualTo(404);
    }

    @Test
    void anUnknownProcurementIsNotFoundForReadsAndWrites() {
        Response read = api.get("/api/procurements/NO-SUCH-PROCUREMENT");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.field("code")).isEqualTo("unknown_procurement");

        Response write = refusedEverywhere("/api/procurements/NO-SUCH-PROCUREMENT/stages",
                "{\"stage\": \"SELECTION\", \"effectiveOn\": \"2024-02-01\"}", 404, "unknown_procurement");
        assertThat(write.field("detail")).contains("NO-SUCH-PROCUREMENT");
    }

    @Test
    void aSecondPlanOfTheSameIdIsAConflict() {
        write("/api/procurements", PLAN.replace("API-PLAN-1", "API-TWICE"));
        Response again = refusedEverywhere("/api/procurements", PLAN.replace("API-PLAN-1", "API-TWICE"), 409, "already_exists");
        assertThat(again.field("detail")).isEqualTo("A procurement with id 'API-TWICE' already exists");
    }

    @Test
    void stagesOnlyMoveForwardAndNothingFollowsAnAbandonment() {
        String path = "/api/procurements/API-ABANDONED";
        write("/api/procurements", PLAN.replace("API-PLAN-1", "API-ABANDONED"));
        write(path + "/stages", "{\"stage\": \"INVITATION_TO_TENDER\", \"effectiveOn\": \"2024-03-04\"}");
        refusedEverywhere(path + "/stages", "{\"stage\": \"SELECTION\", \"effectiveOn\": \"2024-03-05\"}", 422, "stage_out_of_order");
        refusedEverywhere(path + "/stages", "{\"stage\": \"INVITATION_TO_TENDER\", \"effectiveOn\": \"2024-03-05\"}", 422, "stage_out_of_order");
        refusedEverywhere(path + "/stages", "{\"stage\": \"EVALUATION\", \"effectiveOn\": \"2024-03-01\"}", 422, "out_of_order");
        long abandoned = write(path + "/abandonment", "{\"effectiveOn\": \"2024-05-20\", \"reason\": \"No compliant bids\"}");
        long terminationNotice = write(path + "/notices",
                "{\"kind\": \"UK12_PROCUREMENT_TERMINATION\", \"publishedOn\": \"2024-05-21\"}");
        assertThat(terminationNotice).isEqualTo(abandoned + 1);
        refusedEverywhere(path + "/bids", "{\"bidder\": \"Late\", \"amount\": {\"amount\": \"1.00\", \"currency\": \"GBP\"}, "
                + "\"effectiveOn\": \"2024-05-22\"}", 422, "procurement_abandoned");
        refusedEverywhere(path + "/abandonment", "{\"effectiveOn\": \"2024-05-22\"}", 422, "procurement_abandoned");

        JsonNode state = procurementAsOf("API-ABANDONED", "2024-06-01", terminationNotice);
        assertThat(text(state, "status")).isEqualTo("ABANDONED");
        assertThat(text(state, "abandonedOn")).isEqualTo("2024-05-20");
        assertThat(state.get("stage").isNull()).isTrue();
        // 4 March to 20 May: 27 + 30 + 20
        assertThat(stageDays(state, "INVITATION_TO_TENDER")).isEqualTo(77);
        assertThat(text(procurementAsOf("API-ABANDONED", "2024-01-07", terminationNotice), "status"))
                .isEqualTo("NOT_YET_PLANNED");
    }

    @Test
    void thePipelineListsWhatWasPlannedByTheDateFilteredByStatusRouteAndRegime() {
        write("/api/procurements", PLAN.replace("API-PLAN-1", "API-PIPE-OPEN"));
        write("/api/procurements", PLAN.replace("API-PLAN-1", "API-PIPE-LATER").replace("\"2024-01-08\"", "\"2024-06-03\""));
        long version = write("/api/procurements/API-PIPE-OPEN/stages", "{\"stage\": \"INVITATION_TO_TENDER\", \"effectiveOn\": \"2024-03-04\"}");
        procurementAsOf("API-PIPE-OPEN", "2024-03-04", version); // read our own write before listing
        procurementAsOf("API-PIPE-LATER", "2024-06-03", 0);

        JsonNode march = pipeline("asOf=2024-03-15&regime=PCR2015");
        assertThat(march.get("items").findValuesAsString("id")).contains("API-PIPE-OPEN").doesNotContain("API-PIPE-LATER");
        JsonNode open = item(march, "API-PIPE-OPEN");
        assertThat(text(open, "status")).isEqualTo("IN_PROGRESS");
        assertThat(text(open, "stage")).isEqualTo("INVITATION_TO_TENDER");
        assertThat(open.get("daysInStage").asLong()).isEqualTo(11);
        assertThat(text(open, "plannedAwardOn")).isEqualTo("2024-09-01");
        assertThat(march.get("page").asInt()).isZero();
        assertThat(march.get("size").asInt()).isEqualTo(50);
        assertThat(march.get("total").asLong()).isEqualTo(march.get("items").size());

        JsonNode planned = pipeline("asOf=2024-07-01&status=PLANNED&route=OPEN&regime=PCR2015");
        assertThat(planned.get("items").findValuesAsString("id")).contains("API-PIPE-LATER").doesNotContain("API-PIPE-OPEN");
        assertThat(planned.get("items").findValuesAsString("status")).containsOnly("PLANNED");
        assertThat(pipeline("asOf=2024-07-01&regime=PSR").get("items").findValuesAsString("id"))
                .doesNotContain("API-PIPE-OPEN", "API-PIPE-LATER");

        JsonNode firstPage = pipeline("asOf=2024-07-01&regime=PCR2015&size=1");
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isGreaterThanOrEqualTo(2);

        for (String bad : List.of("status=OPENED", "route=CLOSED", "regime=PCR2016", "asOf=yesterday", "size=0", "page=-1")) {
            Response response = api.get("/api/procurements?" + bad);
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
            assertThat(response.field("code")).isEqualTo("validation_failed");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(bad.split("=")[0]);
        }
    }

    @Test
    void asKnownAtATimeOnlyWhatHadBeenRecordedByThenCounts() {
        long planned = write("/api/procurements", PLAN.replace("API-PLAN-1", "API-KNOWN"));
        procurementAsOf("API-KNOWN", "2024-03-15", planned);
        Instant between = jdbc.queryForObject("select max(recorded_at) from procurement_event_view where procurement_id = ?",
                java.sql.Timestamp.class, "API-KNOWN").toInstant();
        long staged = write("/api/procurements/API-KNOWN/stages", "{\"stage\": \"SELECTION\", \"effectiveOn\": \"2024-03-01\"}");

        assertThat(text(procurementAsOf("API-KNOWN", "2024-03-15", staged), "stage")).isEqualTo("SELECTION");
        JsonNode known = procurement("API-KNOWN", "asOf=2024-03-15&knownAt=" + between);
        assertThat(text(known, "stage")).isEqualTo("PLANNING");
        assertThat(known.get("version").asLong()).isEqualTo(planned);
        assertThat(api.get("/api/procurements/API-KNOWN?knownAt=2000-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void theProcurementEndpointsAreDescribed() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/api/procurements", "/api/procurements/{id}", "/api/procurements/{id}/notices",
                "/api/procurements/{id}/route", "/api/procurements/{id}/stages", "/api/procurements/{id}/participation",
                "/api/procurements/{id}/bids", "/api/procurements/{id}/standstill", "/api/procurements/{id}/award",
                "/api/procurements/{id}/abandonment")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    JsonNode pipeline(String query) {
        Response response = api.get("/api/procurements?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.get("items")) {
            if (id.equals(text(item, "id"))) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + page);
    }
}
