package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.StreamSupport;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Durations over time across the portfolio. The context is shared with other end-to-end tests, so these contracts
 * and this procurement use a route (ANY_QUALIFIED_PROVIDER, LIGHT_TOUCH) and a regime (LIGHT_TOUCH) no other test
 * uses. Expected days are worked by hand from DOMAIN.md: an in-force period [S, E] lasts E − S + 1 days, a stage
 * entered on A and left on B lasts B − A days.
 */
class DurationStatisticsTest extends EndToEndTest {

    static boolean recorded;

    @BeforeEach
    void portfolio() {
        if (recorded) {
            return;
        }
        contract("STAT-A", "2020-01-01", "2020-02-01", "P2Y", "2020-02-15");
        contract("STAT-B", "2020-06-01", "2020-07-01", "P1Y", "2020-07-01");
        contract("STAT-C", "2020-03-01", "2020-03-01", "P1Y", null);

        String p = "/api/procurements/STAT-P1";
        write("/api/procurements", """
                {"id": "STAT-P1", "title": "Community equipment service", "buyers": [{"name": "A County Council"}],
                 "regime": "LIGHT_TOUCH", "route": "LIGHT_TOUCH", "effectiveOn": "2020-01-01"}""");
        write(p + "/notices", "{\"kind\": \"CONTRACT_NOTICE\", \"publishedOn\": \"2020-01-15\", \"reference\": \"2020/S 010-000001\"}");
        write(p + "/stages", "{\"stage\": \"SELECTION\", \"effectiveOn\": \"2020-02-01\"}");
        write(p + "/stages", "{\"stage\": \"EVALUATION\", \"effectiveOn\": \"2020-04-01\"}");
        long version = write(p + "/award", """
                {"contractId": "STAT-P1-C", "effectiveOn": "2020-05-01", "providers": [{"name": "An equipment provider"}],
                 "value": {"amount": "1200000.00", "currency": "GBP"},
                 "kind": "SERVICE_CONTRACT", "terms": {"startDate": "2020-06-01", "initialTerm": "P1Y"}}""");
        api.get("/api/procurements/STAT-P1?minVersion=" + version);
        api.get("/api/contracts/STAT-P1-C?minVersion=0");
        recorded = true;
    }

    void contract(String id, String awardedOn, String start, String term, String commencedOn) {
        String body = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", id)
                .replace("\"MOST_CAPABLE_PROVIDER\"", "\"ANY_QUALIFIED_PROVIDER\"")
                .replace("\"2016-03-07\"", "\"" + awardedOn + "\"")
                .replace("\"startDate\": \"2016-04-01\", \"initialTerm\": \"P3Y\", \"extensionOptions\": [{\"maxLength\": \"P7Y\"}]",
                        "\"startDate\": \"" + start + "\", \"initialTerm\": \"" + term + "\"");
        long version = write("/api/contracts", body);
        if (commencedOn != null) {
            version = write("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"" + commencedOn + "\"}");
        }
        api.get("/api/contracts/" + id + "?minVersion=" + version);
    }

    @Test
    void contractsByRouteCountDaysFromAwardToGoLiveAndInForce() {
        JsonNode group = group("route", "ANY_QUALIFIED_PROVIDER");
        assertThat(group.get("contracts").asInt()).isEqualTo(3);
        assertThat(group.get("procurements").asInt()).isZero();
        // award to go-live: A 2020-01-01 → 2020-02-15 = 45, B 2020-06-01 → 2020-07-01 = 30; C not commenced
        assertMeasure(group, "AWARD_TO_GO_LIVE", 2, 37.5, 37.5);
        // in force as of 2021-01-31: A from 2020-02-01 = 366 (29 Feb 2020), B from 2020-07-01 = 215, C from 2020-03-01 = 337
        assertMeasure(group, "IN_FORCE", 3, 306.0, 337.0);
    }

    @Test
    void aProcurementsStagesAndTimeToAwardAreGroupedWithTheContractItCreated() {
        JsonNode route = group("route", "LIGHT_TOUCH");
        assertThat(route.get("procurements").asInt()).isEqualTo(1);
        assertThat(route.get("contracts").asInt()).isEqualTo(1);
        assertMeasure(route, "STAGE_PLANNING", 1, 31.0, 31.0);       // 2020-01-01 → 2020-02-01
        assertMeasure(route, "STAGE_SELECTION", 1, 60.0, 60.0);      // 2020-02-01 → 2020-04-01
        assertMeasure(route, "STAGE_EVALUATION", 1, 30.0, 30.0);     // 2020-04-01 → 2020-05-01
        assertMeasure(route, "PLANNING_TO_AWARD", 1, 121.0, 121.0);  // 2020-01-01 → 2020-05-01
        assertMeasure(route, "FIRST_NOTICE_TO_AWARD", 1, 107.0, 107.0); // 2020-01-15 → 2020-05-01: 121 − 14
        assertMeasure(route, "IN_FORCE", 1, 245.0, 245.0);           // 2020-06-01 .. 2021-01-31

        JsonNode regime = group("regime", "LIGHT_TOUCH");
        assertThat(regime.get("procurements").asInt()).isEqualTo(1);
        assertThat(regime.get("contracts").asInt()).as("the awarded contract takes its procurement's regime").isEqualTo(1);
    }

    @Test
    void anUnknownGrouping() {
        Response response = api.get("/api/statistics/durations?groupBy=colour");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("groupBy");
    }

    JsonNode group(String groupBy, String name) {
        Response response = api.get("/api/statistics/durations?groupBy=" + groupBy + "&asOf=2021-01-31");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("groups").spliterator(), false)
                .filter(group -> group.get("group").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no group " + name + " in " + response.body()));
    }

    static void assertMeasure(JsonNode group, String measure, int count, double mean, double median) {
        JsonNode found = StreamSupport.stream(group.get("measures").spliterator(), false)
                .filter(m -> m.get("measure").asString().equals(measure))
                .findFirst().orElseThrow(() -> new AssertionError("no measure " + measure + " in " + group));
        assertThat(found.get("count").asInt()).as(measure).isEqualTo(count);
        assertThat(found.get("meanDays").asDouble()).as(measure).isEqualTo(mean);
        assertThat(found.get("medianDays").asDouble()).as(measure).isEqualTo(median);
    }
}
