package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The standalone application on a real port and an embedded PostgreSQL, with "today" fixed at 2026-11-22 in London.
 * Subclasses share one application context, so each uses its own contract identifiers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=standalone", "tracker.embedded-postgres.ephemeral=true",
                "spring.config.additional-location=" + TestUsers.CONFIG,
                // a loaded build machine may lag; the wait is a bound, not a sleep
                "tracker.read-your-writes.timeout=30s"})
@Import(EndToEndTest.FixedToday.class)
abstract class EndToEndTest {

    static final Instant TODAY = Instant.parse("2026-11-22T10:00:00Z");

    @TestConfiguration
    static class FixedToday {
        @Bean
        Clock clock() {
            return Clock.fixed(TODAY, ZoneId.of("Europe/London"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Posts and expects success; answers the version written. */
    long write(String path, String json) {
        Response response = api.post(path, json);
        assertThat(response.status()).as("%s %s: %s", path, json, response.body()).isIn(200, 201);
        return response.json().get("version").asLong();
    }

    /** Posts, expects a refusal with the code, and checks that the contract's stream did not grow. */
    Response refused(String contractId, String path, String json, int status, String code) {
        long before = eventsOf(contractId);
        Response response = api.post(path, json);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.field("code")).as(response.body()).isEqualTo(code);
        assertThat(eventsOf(contractId)).as("events of %s after a refused %s", contractId, path).isEqualTo(before);
        return response;
    }

    JsonNode contract(String id, String query) {
        Response response = api.get("/api/contracts/" + id + "?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode contractAsOf(String id, String date, long minVersion) {
        return contract(id, "asOf=" + date + "&minVersion=" + minVersion);
    }

    JsonNode durations(String id, String date) {
        Response response = api.get("/api/contracts/" + id + "/durations?asOf=" + date);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    long eventsOf(String contractId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                "contract:" + contractId);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
