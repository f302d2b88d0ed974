package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The register over HTTP: one summary per contract as of a date, filtered, sorted by id and paged. The portfolio's
 * contracts all have the commissioner "Registerford ICB", so that contracts other tests register in the same database
 * do not change the answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractRegisterTest extends EndToEndTest {

    static final String ICB = "Registerford ICB";
    static final String MINE = "commissioner=Registerford%20ICB";

    long lastVersion;

    String register(String id, String kind, String commissioners, String providers, String awardedOn, String terms) {
        lastVersion = write("/api/contracts", """
                {"id": "%s", "title": "%s title", "kind": "%s", "commissioners": [%s], "providers": [%s],
                 "awardedOn": "%s", "terms": %s}""".formatted(id, id, kind, commissioners, providers, awardedOn, terms));
        return id;
    }

    @BeforeAll
    void portfolio() {
        client();
        String icb = "{\"name\": \"" + ICB + "\"}";
        // EXAMPLES.md 1: Torbay's terms, rolling on every October from 2020
        register("REG-TORBAY", "SERVICE_CONTRACT", icb + ", {\"name\": \"Torbay Council\"}",
                "{\"name\": \"Torbay and South Devon NHS Foundation Trust\"}", "2015-10-01", """
                        {"startDate": "2015-10-01", "initialTerm": "P5Y", "renewal": {"mode": "AUTOMATIC",
                         "interval": "P1Y", "rollingTerm": "P3Y", "noticePeriod": "P3M"}}""");
        // EXAMPLES.md 2: Mid-Nottinghamshire, with only the first tranche taken
        register("REG-MIDNOTTS", "ALLIANCE_AGREEMENT", icb, "{\"name\": \"Sherwood Forest Hospitals NHS Foundation Trust\"}",
                "2016-03-07", """
                        {"startDate": "2016-04-01", "initialTerm": "P3Y", "extensionOptions": [{"maxLength": "P7Y"}]}""");
        write("/api/contracts/REG-MIDNOTTS/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}");
        // EXAMPLES.md 3: UnitingCare, terminated by the provider from 2015-12-01
        register("REG-UC", "PRIME_CONTRACT", icb, "{\"name\": \"UnitingCare Partnership\"}", "2014-10-01", """
                        {"startDate": "2015-04-01", "initialTerm": "P5Y"}""");
        write("/api/contracts/REG-UC/termination", "{\"effectiveOn\": \"2015-12-01\", \"initiatedBy\": \"UnitingCare Partnership\"}");
        // a section 75 agreement renewed by agreement once: 2024-04-01 + P1Y ends 2025-03-31, renewed to 2026-03-31
        register("REG-S75", "SECTION_75_AGREEMENT", icb, "{\"name\": \"Registerford County Council\"}", "2024-03-01", """
                        {"startDate": "2024-04-01", "initialTerm": "P1Y",
                         "renewal": {"mode": "BY_AGREEMENT", "interval": "P1Y", "maxRenewals": 5}}""");
        write("/api/contracts/REG-S75/renewals", "{\"effectiveOn\": \"2025-02-01\"}");
        // awarded before 2025-06-01, starting after it
        register("REG-FUTURE", "SERVICE_CONTRACT", icb, "{\"name\": \"Future Care CIC\"}", "2025-05-01", """
                        {"startDate": "2025-09-01", "initialTerm": "P3Y"}""");
        // awarded after 2025-06-01
        register("REG-LATER", "RISK_SHARE_AGREEMENT", icb, "{\"name\": \"Later Health Ltd\"}", "2025-08-01", """
                        {"startDate": "2025-08-01", "initialEndDate": "2027-07-31"}""");
        // the processor's segments run side by side: wait for each contract's last write, then read the register
        for (String id : List.of("REG-TORBAY", "REG-FUTURE", "REG-LATER")) {
            assertThat(api.get("/api/contracts/" + id + "?minVersion=0").status()).isEqualTo(200);
        }
        for (String id : List.of("REG-UC", "REG-S75", "REG-MIDNOTTS")) {
            assertThat(api.get("/api/contracts/" + id + "?minVersion=1").status()).isEqualTo(200);
        }
        JsonNode all = register(MINE + "&minVersion=" + lastVersion + "&minVersionOf=REG-LATER");
        assertThat(all.get("total").asLong()).isEqualTo(6);
    }

    JsonNode register(String query) {
        Response response = api.get("/api/contracts?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + page);
    }

    @Test
    void everyContractOnceSortedByIdWithItsStateAsOfTheDate() {
        JsonNode page = register(MINE + "&asOf=2025-06-01");
        assertThat(ids(page)).containsExactly("REG-FUTURE", "REG-LATER", "REG-MIDNOTTS", "REG-S75", "REG-TORBAY", "REG-UC");
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(text(page, "asOf")).isEqualTo("2025-06-01");

        assertSummary(item(page, "REG-FUTURE"), "AWARDED", null, "2025-09-01", "2028-08-31");
        assertSummary(item(page, "REG-LATER"), "NOT_YET_AWARDED", null, "2025-08-01", "2027-07-31");
        // 2019-04-01 + P2Y - 1 day
        assertSummary(item(page, "REG-MIDNOTTS"), "EXPIRED", null, "2016-04-01", "2021-03-31");
        assertSummary(item(page, "REG-S75"), "ACTIVE", "RENEWED", "2024-04-01", "2026-03-31");
        // renewed at 2020-10-01 ... 2024-10-01: 2024-10-01 + P3Y - 1 day
        assertSummary(item(page, "REG-TORBAY"), "ACTIVE", "ROLLING_RENEWAL", "2015-10-01", "2027-09-30");
        // terminated from 2015-12-01: last day in force 2015-11-30
        assertSummary(item(page, "REG-UC"), "TERMINATED", null, "2015-04-01", "2015-11-30");

        JsonNode torbay = item(page, "REG-TORBAY");
        assertThat(text(torbay, "title")).isEqualTo("REG-TORBAY title");
        assertThat(text(torbay, "kind")).isEqualTo("SERVICE_CONTRACT");
        assertThat(torbay.get("commissioners").findValuesAsString("name")).containsExactly(ICB, "Torbay Council");
        assertThat(torbay.get("providers").findValuesAsString("name"))
                .containsExactly("Torbay and South Devon NHS Foundation Trust");
        assertThat(torbay.get("version").asLong()).isZero();
        assertThat(item(page, "REG-UC").get("version").asLong()).isEqualTo(1);
    }

    @Test
    void theStateFollowsTheDateAsked() {
        assertSummary(item(register(MINE + "&asOf=2020-09-30"), "REG-TORBAY"), "ACTIVE", "INITIAL_TERM", "2015-10-01",
                "2020-09-30");
        assertSummary(item(register(MINE + "&asOf=2020-10-01"), "REG-TORBAY"), "ACTIVE", "ROLLING_RENEWAL",
                "2015-10-01", "2023-09-30");
        // today (2026-11-22): renewed at 2026-10-01, ends 2029-09-30 (EXAMPLES.md 1)
        assertSummary(item(register(MINE), "REG-TORBAY"), "ACTIVE", "ROLLING_RENEWAL", "2015-10-01", "2029-09-30");
        assertThat(text(register(MINE), "asOf")).isEqualTo("2026-11-22");
        // the day the extension was decided, the end moved; the phase is still the initial term
        assertSummary(item(register(MINE + "&asOf=2019-01-14"), "REG-MIDNOTTS"), "ACTIVE", "INITIAL_TERM",
                "2016-04-01", "2019-03-31");
        assertSummary(item(register(MINE + "&asOf=2019-01-15"), "REG-MIDNOTTS"), "ACTIVE", "INITIAL_TERM",
                "2016-04-01", "2021-03-31");
        assertSummary(item(register(MINE + "&asOf=2019-04-01"), "REG-MIDNOTTS"), "ACTIVE", "EXTENSION",
                "2016-04-01", "2021-03-31");
        // as of the day before the termination took effect, it is not yet folded in (effective on or before the date)
        assertSummary(item(register(MINE + "&asOf=2015-11-30"), "REG-UC"), "ACTIVE", "INITIAL_TERM", "2015-04-01",
                "2020-03-31");
        assertSummary(item(register(MINE + "&asOf=2015-12-01"), "REG-UC"), "TERMINATED", null, "2015-04-01",
                "2015-11-30");
    }

    @Test
    void farBeyondTheStoredPeriodsARollingContractIsFoldedAndStillRight() {
        // renewal points every 1 October: the last before 2300-01-01 is 2299-10-01, 279 years after 2020-10-01;
        // the end is then 2020-10-01 + P282Y - 1 day
        JsonNode page = register(MINE + "&asOf=2300-01-01&status=ACTIVE");
        assertThat(ids(page)).containsExactly("REG-TORBAY");
        assertSummary(item(page, "REG-TORBAY"), "ACTIVE", "ROLLING_RENEWAL", "2015-10-01", "2302-09-30");
        assertThat(ids(register(MINE + "&asOf=2300-01-01&status=EXPIRED")))
                .containsExactly("REG-FUTURE", "REG-LATER", "REG-MIDNOTTS", "REG-S75");
        assertThat(ids(register(MINE + "&asOf=2300-01-01&endingBefore=2302-09-30&status=ACTIVE"))).isEmpty();
        assertThat(ids(register(MINE + "&asOf=2300-01-01&endingBefore=2302-10-01&status=ACTIVE")))
                .containsExactly("REG-TORBAY");
    }

    @Test
    void filtersByStatusKindCommissionerAndProvider() {
        assertThat(ids(register(MINE + "&asOf=2025-06-01&status=ACTIVE"))).containsExactly("REG-S75", "REG-TORBAY");
        assertThat(register(MINE + "&asOf=2025-06-01&status=ACTIVE").get("total").asLong()).isEqualTo(2);
        assertThat(ids(register(MINE + "&asOf=2025-06-01&status=TERMINATED"))).containsExactly("REG-UC");
        assertThat(ids(register(MINE + "&asOf=2025-06-01&status=NOT_YET_AWARDED"))).containsExactly("REG-LATER");
        assertThat(ids(register(MINE + "&kind=ALLIANCE_AGREEMENT"))).containsExactly("REG-MIDNOTTS");
        assertThat(ids(register(MINE + "&kind=SERVICE_CONTRACT&asOf=2025-06-01&status=AWARDED")))
                .containsExactly("REG-FUTURE");
        // a party's name in any case
        assertThat(ids(register("provider=future%20care%20cic"))).containsExactly("REG-FUTURE");
        assertThat(ids(register("commissioner=REGISTERFORD%20ICB&provider=UnitingCare%20Partnership")))
                .containsExactly("REG-UC");
        JsonNode torbayCouncil = register("commissioner=Torbay%20Council&size=500");
        assertThat(ids(torbayCouncil)).contains("REG-TORBAY").doesNotContain("REG-MIDNOTTS");
        torbayCouncil.get("items").forEach(item ->
                assertThat(item.get("commissioners").findValuesAsString("name")).contains("Torbay Council"));
        assertThat(register(MINE + "&provider=Nobody%20at%20all").get("total").asLong()).isZero();
    }

    @Test
    void endingBeforeKeepsContractsWhoseEndDateAsOfTheDateIsEarlier() {
        // REG-S75 ends 2026-03-31 as of 2025-06-01: before 2026-04-01, not before 2026-03-31
        assertThat(ids(register(MINE + "&asOf=2025-06-01&status=ACTIVE&endingBefore=2026-04-01")))
                .containsExactly("REG-S75");
        assertThat(ids(register(MINE + "&asOf=2025-06-01&status=ACTIVE&endingBefore=2026-03-31"))).isEmpty();
        // REG-TORBAY ends 2027-09-30 as of 2025-06-01
        assertThat(ids(register(MINE + "&asOf=2025-06-01&endingBefore=2027-10-01&status=ACTIVE")))
                .containsExactly("REG-S75", "REG-TORBAY");
        // without a status: ended ones too (MIDNOTTS 2021-03-31, UC 2015-11-30)
        assertThat(ids(register(MINE + "&asOf=2025-06-01&endingBefore=2022-01-01")))
                .containsExactly("REG-MIDNOTTS", "REG-UC");
    }

    @Test
    void pagesOfTwo() {
        JsonNode first = register(MINE + "&asOf=2025-06-01&size=2");
        assertThat(ids(first)).containsExactly("REG-FUTURE", "REG-LATER");
        assertThat(first.get("total").asLong()).isEqualTo(6);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(ids(register(MINE + "&asOf=2025-06-01&size=2&page=1"))).containsExactly("REG-MIDNOTTS", "REG-S75");
        assertThat(ids(register(MINE + "&asOf=2025-06-01&size=2&page=2"))).containsExactly("REG-TORBAY", "REG-UC");
        JsonNode past = register(MINE + "&asOf=2025-06-01&size=2&page=3");
        assertThat(ids(past)).isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(6);
        assertThat(register(MINE).get("size").asInt()).isEqualTo(50);
    }

    @Test
    void theRegisterAgreesWithEachContractsOwnState() {
        for (String date : List.of("2015-01-01", "2016-01-01", "2019-03-31", "2021-04-01", "2024-10-01", "2025-06-01",
                "2026-11-22", "2030-01-01")) {
            JsonNode page = register(MINE + "&asOf=" + date);
            for (JsonNode item : page.get("items")) {
                JsonNode own = contract(item.get("id").asString(), "asOf=" + date);
                for (String field : List.of("status", "phase", "startDate", "endDate", "title", "kind", "version")) {
                    assertThat(item.get(field)).as("%s %s on %s", item.get("id"), field, date).isEqualTo(own.get(field));
                }
            }
        }
    }

    @Test
    void aReadWithMinVersionRightAfterAWriteSeesIt() {
        long version = write("/api/contracts/REG-FUTURE/variations",
                "{\"effectiveOn\": \"2025-06-01\", \"description\": \"Mobilisation plan agreed\"}");
        JsonNode page = register(MINE + "&minVersion=" + version + "&minVersionOf=REG-FUTURE");
        assertThat(item(page, "REG-FUTURE").get("version").asLong()).isEqualTo(version);
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertBad("status=BOGUS", "status");
        assertBad("kind=CONTRACTISH", "kind");
        assertBad("asOf=2025-13-01", "asOf");
        assertBad("asOf=1800-01-01", "asOf");
        assertBad("endingBefore=soon", "endingBefore");
        assertBad("endingBefore=3001-01-01", "endingBefore");
        assertBad("page=-1", "page");
        assertBad("size=0", "size");
        assertBad("size=501", "size");
        assertBad("knownAt=2026-01-01T00:00:00Z", "knownAt");
        assertBad("minVersion=3", "minVersionOf");
        assertBad("minVersionOf=REG-UC", "minVersion");
        assertBad("minVersion=3&minVersionOf=not%20an%20id", "minVersionOf");
        assertBad("commissioner=%20%20", "commissioner");
    }

    void assertBad(String query, String parameter) {
        Response response = api.get("/api/contracts?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(query).isEqualTo(parameter);
    }

    static void assertSummary(JsonNode item, String status, String phase, String startDate, String endDate) {
        assertThat(List.of(String.valueOf(text(item, "status")), String.valueOf(text(item, "phase")),
                String.valueOf(text(item, "startDate")), String.valueOf(text(item, "endDate"))))
                .as(item.toString())
                .containsExactly(status, String.valueOf(phase), startDate, endDate);
    }
}
