package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** Reading the key dates over HTTP: each item as "date KIND id daysAway", enough to compare with hand-worked lists. */
abstract class KeyDatesEndToEndTest extends EndToEndTest {

    /** Waits (bounded, no sleeping in the test) until the key dates reflect {@code version} of the contract. */
    void awaitKeyDates(String contractId, long version) {
        Response response = api.get("/api/key-dates?contractId=" + contractId + "&minVersion=" + version);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Writes, then waits for the key dates to reflect the write; answers the version. */
    long record(String contractId, String path, String json) {
        long version = write(path, json);
        awaitKeyDates(contractId, version);
        return version;
    }

    JsonNode keyDates(String query) {
        Response response = api.get("/api/key-dates?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        return response.json();
    }

    static List<String> lines(JsonNode page) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            lines.add(line(item));
        }
        return lines;
    }

    /** Only the items of contracts whose id starts with {@code prefix}: other tests share the portfolio. */
    static List<String> lines(JsonNode page, String prefix) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            if (item.hasNonNull("contractId") && item.get("contractId").asString().startsWith(prefix)) {
                lines.add(line(item));
            }
        }
        return lines;
    }

    static String line(JsonNode item) {
        return text(item, "date") + " " + text(item, "kind") + " " + text(item, "contractId") + " "
                + item.get("daysAway").asLong();
    }

    /** Expects 400 validation_failed naming {@code field}. */
    void invalid(String query, String field) {
        Response response = api.get("/api/key-dates?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.body()).isEqualTo(field);
    }
}
