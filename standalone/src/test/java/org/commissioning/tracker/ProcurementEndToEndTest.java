package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** What the procurement end-to-end tests share: reading a procurement, and refusals that store nothing at all. */
abstract class ProcurementEndToEndTest extends EndToEndTest {

    JsonNode procurement(String id, String query) {
        Response response = api.get("/api/procurements/" + id + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode procurementAsOf(String id, String date, long minVersion) {
        return procurement(id, "asOf=" + date + "&minVersion=" + minVersion);
    }

    /** Posts, expects a refusal with the code, and checks that no event at all was stored (no procurement, no contract). */
    Response refusedEverywhere(String path, String json, int status, String code) {
        long before = allEvents();
        Response response = api.post(path, json);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("code")).as(response.body()).isEqualTo(code);
        assertThat(allEvents()).as("events after a refused %s %s", path, json).isEqualTo(before);
        return response;
    }

    long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    long procurementEvents(String procurementId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                "procurement:" + procurementId);
    }

    static BigDecimal amount(JsonNode money) {
        JsonNode amount = money.get("amount");
        return amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.asString());
    }

    static long days(JsonNode node, String field) {
        return node.get(field).asLong();
    }

    /** The days of the stage named in the procurement's {@code stages}. */
    static long stageDays(JsonNode procurement, String stage) {
        for (JsonNode period : procurement.get("stages")) {
            if (stage.equals(text(period, "stage"))) {
                return period.get("days").asLong();
            }
        }
        throw new AssertionError("no stage " + stage + " in " + procurement.get("stages"));
    }
}
