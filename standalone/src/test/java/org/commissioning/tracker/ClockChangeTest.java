package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Today is the London date of the injected clock, whatever the offset: the same answers either side of a clock change
 * and on 29 February; every recorded time is stored as an instant in UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=standalone", "tracker.embedded-postgres.ephemeral=true",
                "spring.config.additional-location=" + TestUsers.CONFIG, "tracker.read-your-writes.timeout=30s"})
@Import(ClockChangeTest.SettableClock.class)
class ClockChangeTest {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2024-03-31T00:30:00Z"));
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @TestConfiguration
    static class SettableClock {
        @Bean
        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return LONDON;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(NOW.get(), zone);
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    JsonMapper json;

    private long register(ApiClient api, String id, String start, String term) {
        Response response = api.post("/api/contracts", """
                {"id": "%s", "title": "Clock", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "NHS Sussex ICB"}], "providers": [{"name": "Sussex Community NHS FT"}],
                 "value": {"amount": "100.00", "currency": "GBP"}, "awardedOn": "%s",
                 "terms": {"startDate": "%s", "initialTerm": "%s",
                           "extensionOptions": [{"maxLength": "P4Y"}]}}""".formatted(id, start, start, term));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("version").asLong();
    }

    private JsonNode today(ApiClient api, String id, long minVersion) {
        Response response = api.get("/api/contracts/" + id + "?minVersion=" + minVersion);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void todayIsTheLondonDateEitherSideOfTheSpringClockChange() {
        ApiClient api = new ApiClient(port);
        register(api, "CLOCK-SPRING", "2024-03-31", "P1Y");

        NOW.set(Instant.parse("2024-03-31T00:30:00Z")); // 00:30 GMT
        JsonNode beforeChange = today(api, "CLOCK-SPRING", 0);
        NOW.set(Instant.parse("2024-03-31T01:30:00Z")); // 02:30 BST: 01:00-02:00 never happened in London
        JsonNode afterChange = today(api, "CLOCK-SPRING", 0);
        NOW.set(Instant.parse("2024-03-30T23:59:59Z")); // still the 30th in London
        JsonNode dayBefore = today(api, "CLOCK-SPRING", 0);

        assertThat(beforeChange.get("asOf").asString()).isEqualTo("2024-03-31");
        assertThat(afterChange).isEqualTo(beforeChange);
        assertThat(beforeChange.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(dayBefore.get("asOf").asString()).isEqualTo("2024-03-30");
        assertThat(dayBefore.get("status").asString()).isNotEqualTo("ACTIVE");
    }

    @Test
    void todayIsTheLondonDateWhenItIsAlreadyTomorrowThereInSummerTime() {
        ApiClient api = new ApiClient(port);
        register(api, "CLOCK-AUTUMN", "2024-04-01", "P1Y");

        NOW.set(Instant.parse("2024-10-26T23:30:00Z")); // 00:30 BST on the 27th, the day the clocks go back
        JsonNode late = today(api, "CLOCK-AUTUMN", 0);
        NOW.set(Instant.parse("2024-10-27T01:30:00Z")); // 01:30 GMT, after the change
        JsonNode later = today(api, "CLOCK-AUTUMN", 0);

        assertThat(late.get("asOf").asString()).isEqualTo("2024-10-27");
        assertThat(later).isEqualTo(late);
    }

    @Test
    void theTwentyNinthOfFebruaryIsAnOrdinaryDay() {
        ApiClient api = new ApiClient(port);
        NOW.set(Instant.parse("2024-02-29T12:00:00Z"));
        register(api, "CLOCK-LEAP", "2024-02-29", "P4Y");
        Response extended = api.post("/api/contracts/CLOCK-LEAP/extensions",
                "{\"effectiveOn\": \"2024-02-29\", \"length\": \"P4Y\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);

        JsonNode today = today(api, "CLOCK-LEAP", 1);

        assertThat(today.get("asOf").asString()).isEqualTo("2024-02-29");
        assertThat(today.get("status").asString()).isEqualTo("ACTIVE");
        for (String asOf : List.of("2024-02-29", "2028-02-28", "2028-02-29", "2032-02-28", "2032-02-29")) {
            Response response = api.get("/api/contracts/CLOCK-LEAP?minVersion=1&asOf=" + asOf);
            assertThat(response.json()).as(asOf)
                    .isEqualTo(Folds.expected(eventStore, json, "CLOCK-LEAP", LocalDate.parse(asOf)));
        }
        assertThat(api.get("/api/contracts/CLOCK-LEAP?asOf=2023-02-29").status()).isEqualTo(400);
    }

    @Test
    void recordedTimesAreStoredInUtc() {
        ApiClient api = new ApiClient(port);
        register(api, "CLOCK-UTC", "2024-04-01", "P1Y");
        today(api, "CLOCK-UTC", 0);

        List<Map<String, Object>> events = jdbc.queryForList(
                "select time_stamp from domain_event_entry where aggregate_identifier = 'contract:CLOCK-UTC'");
        assertThat(events).hasSize(1);
        String stamp = (String) events.getFirst().get("time_stamp");
        assertThat(stamp).as("ISO-8601 in UTC").endsWith("Z");
        Timestamp recorded = jdbc.queryForObject(
                "select recorded_at from contract_event_view where contract_id = 'CLOCK-UTC'", Timestamp.class);
        assertThat(recorded.toInstant()).isEqualTo(Instant.parse(stamp));
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns"
                + " where table_name = 'contract_event_view' and column_name = 'recorded_at'", String.class))
                .isEqualTo("timestamp with time zone");
        // read in London's zone, the same instant: the stored value carries no local offset
        assertThat(jdbc.queryForObject("select (recorded_at at time zone 'UTC')::text from contract_event_view"
                + " where contract_id = 'CLOCK-UTC'", String.class).replace(' ', 'T'))
                .startsWith(stamp.substring(0, 19));
    }
}
