package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The slice end to end: the standalone application on a real port and the embedded PostgreSQL. */
class RegisterAndReadOverHttpTest extends EndToEndTest {

    @Test
    void aRegisteredContractIsReadBackThroughTheProjection() {
        Response written = api.post("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", "TORBAY-SLICE"));
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.field("id")).isEqualTo("TORBAY-SLICE");
        long version = written.json().get("version").asLong();
        assertThat(version).isZero();

        Response read = api.get("/api/contracts/TORBAY-SLICE?asOf=2018-06-01&minVersion=" + version);
        assertThat(read.status()).isEqualTo(200);
        JsonNode contract = read.json();
        assertThat(contract.get("title").asString()).isEqualTo("Torbay and South Devon integrated care organisation");
        assertThat(contract.get("kind").asString()).isEqualTo("SERVICE_CONTRACT");
        assertThat(contract.get("awardedOn").asString()).isEqualTo("2015-10-01");
        assertThat(contract.get("startDate").asString()).isEqualTo("2015-10-01");
        // P5Y from 2015-10-01, inclusive (DOMAIN.md): ends 2020-09-30
        assertThat(contract.get("endDate").asString()).isEqualTo("2020-09-30");
        assertThat(contract.get("commissioners").findValuesAsString("name"))
                .containsExactly("South Devon and Torbay CCG", "Torbay Council");
        assertThat(contract.get("providers").findValuesAsString("name"))
                .containsExactly("Torbay and South Devon NHS Foundation Trust");
        assertThat(contract.get("terms").get("renewal").get("rollingTerm").asString()).isEqualTo("P3Y");
        assertThat(contract.get("version").asLong()).isEqualTo(version);

        String metaData = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = 'contract:TORBAY-SLICE'", String.class);
        assertThat(metaData).contains("\"recordedBy\":\"manager\"").contains("Registered from the CCG's board papers");
    }

    @Test
    void moneyTravelsAsAStringToThePenny() {
        String body = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "MONEY-1")
                .replace("\"awardedOn\"", "\"value\": {\"amount\": 250000000, \"currency\": \"GBP\"}, \"awardedOn\"");
        long version = api.post("/api/contracts", body).json().get("version").asLong();

        JsonNode value = api.get("/api/contracts/MONEY-1?asOf=2017-01-01&minVersion=" + version).json().get("value");

        assertThat(value.get("amount").isString()).as(value.toString()).isTrue();
        assertThat(value.get("amount").asString()).isEqualTo("250000000.00");
        assertThat(value.get("currency").asString()).isEqualTo("GBP");
    }

    @Test
    void aSecondRegistrationOfTheSameIdIsAConflictAndStoresNothing() {
        String body = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "MIDNOTTS-TWICE");
        assertThat(api.post("/api/contracts", body).status()).isEqualTo(201);
        long before = eventCount();

        Response again = api.post("/api/contracts", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.field("code")).isEqualTo("already_exists");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownContractIsNotFound() {
        Response read = api.get("/api/contracts/NO-SUCH-CONTRACT");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.field("code")).isEqualTo("unknown_contract");
    }

    record Malformed(String body, String field) {
    }

    @Test
    void everyMalformedRequestIsRefusedNamingItsFieldAndStoresNothing() {
        String valid = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "MALFORMED-1");
        List<Malformed> cases = List.of(
                new Malformed("{\"id\": \"X\", ", "body"),
                new Malformed("", "body"),
                new Malformed(valid.replace("\"kind\"", "\"colour\": \"red\", \"kind\""), "colour"),
                new Malformed(valid.replace("\"title\": \"Mid-Nottinghamshire Better Together alliance agreement\",", ""), "title"),
                new Malformed(valid.replace("\"startDate\": \"2016-04-01\", ", ""), "terms.startDate"),
                new Malformed(valid.replace("MALFORMED-1", "MID NOTTS"), "id"),
                new Malformed(valid.replace("\"initialTerm\": \"P3Y\"", "\"initialEndDate\": \"2016-03-31\""), "terms.initialEndDate"),
                new Malformed(valid.replace("\"2016-03-07\"", "\"07/03/2016\""), "awardedOn"),
                new Malformed(valid.replace("\"P7Y\"", "\"seven years\""), "terms.extensionOptions[0].maxLength"),
                new Malformed(valid.replace("\"ALLIANCE_AGREEMENT\"", "\"PARTNERSHIP\""), "kind"));
        long before = eventCount();

        for (Malformed malformed : cases) {
            Response response = api.post("/api/contracts", malformed.body());
            assertThat(response.status()).as(malformed.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.field("code")).isEqualTo("validation_failed");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(malformed.body())
                    .containsExactly(malformed.field());
        }

        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/contracts/MALFORMED-1").status()).isEqualTo(404);
    }

    @Test
    void theApiIsDescribedAndTheServiceReportsItsHealth() {
        Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/contracts")).isTrue();
        assertThat(docs.json().get("paths").has("/api/contracts/{id}")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.field("status")).isEqualTo("UP");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
