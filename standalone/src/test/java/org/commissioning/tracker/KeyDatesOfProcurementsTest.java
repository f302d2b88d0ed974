package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A procurement's key dates over HTTP (DOMAIN.md, "Key dates": "for procurements, standstill end and planned award and
 * go-live dates"): listed with the contracts', by date then id, filtered by kind and by buyer, gone once the
 * procurement is awarded or abandoned. Today is 2026-11-22; every expected day count is worked by hand.
 */
class KeyDatesOfProcurementsTest extends KeyDatesEndToEndTest {

    static final String BUYER = "Cambridgeshire and Peterborough CCG";

    /** The UnitingCare dialogue of EXAMPLES.md section 3, planning the award and go-live it reached. */
    static final String UNITING_CARE = """
            {"id": "%s", "title": "Older people and adult community services",
             "buyers": [{"name": "Cambridgeshire and Peterborough CCG"}],
             "regime": "PCR2006", "route": "COMPETITIVE_DIALOGUE",
             "maximumPrice": {"amount": "752000000.00", "currency": "GBP"},
             "plannedAwardOn": "2014-10-01", "plannedStartOn": "2015-04-01", "effectiveOn": "2013-01-01"}""";
    static final String PLAIN = """
            {"id": "%s", "title": "%s", "buyers": [{"name": "%s"}], "regime": "PA2023", "route": "OPEN",
             %s "effectiveOn": "2026-10-01"}""";
    static final String STAGE = "{\"stage\": \"%s\", \"effectiveOn\": \"%s\"}";
    static final String STANDSTILL = "{\"startsOn\": \"%s\", \"endsOn\": \"%s\"}";

    /** Writes, then waits for the key dates to reflect the write to the procurement; answers the version. */
    long recordFor(String procurementId, String path, String json) {
        long version = write(path, json);
        Response response = api.get("/api/key-dates?procurementId=" + procurementId + "&minVersion=" + version);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return version;
    }

    /** "date KIND procurementId daysAway" for the procurements whose id starts with {@code prefix}. */
    static List<String> procurementLines(JsonNode page, String prefix) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            if (item.hasNonNull("procurementId") && item.get("procurementId").asString().startsWith(prefix)) {
                lines.add(text(item, "date") + " " + text(item, "kind") + " " + text(item, "procurementId") + " "
                        + item.get("daysAway").asLong());
            }
        }
        return lines;
    }

    void unitingCareToStandstill(String id) {
        String path = "/api/procurements/" + id;
        recordFor(id, "/api/procurements", UNITING_CARE.formatted(id));
        write(path + "/stages", STAGE.formatted("EXPRESSIONS_OF_INTEREST", "2013-01-01"));
        write(path + "/stages", STAGE.formatted("DIALOGUE", "2013-06-01"));
        recordFor(id, path + "/stages", STAGE.formatted("FINAL_TENDERS", "2014-07-01"));
        // the standstill chosen for the example: ten days to 2014-09-30, the award the day after
        recordFor(id, path + "/standstill", STANDSTILL.formatted("2014-09-19", "2014-09-30"));
    }

    @Test
    void unitingCaresStandstillEndAndPlannedAwardAndGoLiveAreListedUntilTheAward() {
        String id = "UC-KD-2013";
        unitingCareToStandstill(id);

        JsonNode page = keyDates("from=2014-09-01&to=2015-04-30&procurementId=" + id);
        // 2014-09-01 to 2014-09-30: 29 days; to 2014-10-01: 30; to 2015-04-01: 30 + 31 + 30 + 31 + 31 + 28 + 31 = 212
        assertThat(procurementLines(page, id)).containsExactly(
                "2014-09-30 STANDSTILL_END UC-KD-2013 29",
                "2014-10-01 PLANNED_AWARD UC-KD-2013 30",
                "2015-04-01 PLANNED_START UC-KD-2013 212");
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode standstill = page.get("items").get(0);
        assertThat(standstill.has("contractId")).as("a procurement's row names no contract").isFalse();
        assertThat(text(standstill, "title")).isEqualTo("Older people and adult community services");
        assertThat(text(standstill, "detail"))
                .isEqualTo("Last day of the standstill (from 2014-09-19); the contract may be awarded from 2014-10-01");
        assertThat(text(page.get("items").get(1), "detail")).isEqualTo("Contract award planned; not yet awarded: in "
                + "stage standstill since 2014-09-19, route competitive dialogue");

        // each kind alone
        String window = "from=2014-09-01&to=2015-04-30&procurementId=" + id;
        assertThat(procurementLines(keyDates(window + "&kind=STANDSTILL_END"), id))
                .containsExactly("2014-09-30 STANDSTILL_END UC-KD-2013 29");
        assertThat(procurementLines(keyDates(window + "&kind=planned_award"), id))
                .containsExactly("2014-10-01 PLANNED_AWARD UC-KD-2013 30");
        assertThat(procurementLines(keyDates(window + "&kind=PLANNED_START"), id))
                .containsExactly("2015-04-01 PLANNED_START UC-KD-2013 212");
        assertThat(procurementLines(keyDates(window + "&kind=END_OF_TERM,REVIEW_POINT"), id)).isEmpty();

        // the buyer is the procurement's commissioner, in any case; its bidders are no providers
        assertThat(procurementLines(keyDates("from=2014-09-01&to=2015-04-30&commissioner="
                + "CAMBRIDGESHIRE%20AND%20PETERBOROUGH%20CCG"), id)).hasSize(3);
        assertThat(procurementLines(keyDates("from=2014-09-01&to=2015-04-30&commissioner=Another%20CCG"), id))
                .isEmpty();
        assertThat(procurementLines(keyDates("from=2014-09-01&to=2015-04-30&provider="
                + "UnitingCare%20Partnership"), id)).isEmpty();

        // the award on 2014-10-01 settles all three; the contract it creates now holds the dates
        recordFor(id, "/api/procurements/" + id + "/award", """
                {"contractId": "UC-KD", "effectiveOn": "2014-10-01", "providers": [{"name": "UnitingCare Partnership"}],
                 "value": {"amount": "726000000.00", "currency": "GBP"}, "kind": "SERVICE_CONTRACT",
                 "terms": {"startDate": "2015-04-01", "initialTerm": "P5Y"}}""");
        JsonNode after = keyDates(window);
        assertThat(after.get("items")).isEmpty();
        assertThat(after.get("total").asLong()).isZero();
        awaitKeyDates("UC-KD", 0);
        // five years from 2015-04-01: last day 2020-03-31; from 2020-01-01: 30 + 29 + 31 = 90 days (2020 a leap year)
        assertThat(lines(keyDates("from=2015-04-01&to=2016-03-31&contractId=UC-KD")))
                .as("no contract date in the first year").isEmpty();
        assertThat(lines(keyDates("from=2020-01-01&to=2020-03-31&contractId=UC-KD")))
                .containsExactly("2020-03-31 END_OF_TERM UC-KD 90");
    }

    @Test
    void aStandstillEndingOnTheWindowsLastDayIsInAndOneEndingTheDayAfterIsOut() {
        // the default window runs from today, 2026-11-22, 90 days: to 2027-02-20 (8 + 31 + 31 + 20 days)
        String plannedNoDates = "";
        write("/api/procurements", PLAIN.formatted("PKD-EDGE-IN", "Edge, in", "Edge Test ICB", plannedNoDates));
        recordFor("PKD-EDGE-IN", "/api/procurements/PKD-EDGE-IN/standstill", STANDSTILL.formatted("2027-02-10", "2027-02-20"));
        write("/api/procurements", PLAIN.formatted("PKD-EDGE-OUT", "Edge, out", "Edge Test ICB", plannedNoDates));
        recordFor("PKD-EDGE-OUT", "/api/procurements/PKD-EDGE-OUT/standstill", STANDSTILL.formatted("2027-02-11", "2027-02-21"));

        JsonNode byDefault = keyDates("commissioner=Edge%20Test%20ICB");
        assertThat(text(byDefault, "from")).isEqualTo("2026-11-22");
        assertThat(text(byDefault, "to")).isEqualTo("2027-02-20");
        assertThat(procurementLines(byDefault, "PKD-EDGE-")).containsExactly("2027-02-20 STANDSTILL_END PKD-EDGE-IN 90");
        assertThat(byDefault.get("total").asLong()).isEqualTo(1);
        assertThat(procurementLines(keyDates("commissioner=Edge%20Test%20ICB&to=2027-02-21"), "PKD-EDGE-"))
                .containsExactly("2027-02-20 STANDSTILL_END PKD-EDGE-IN 90", "2027-02-21 STANDSTILL_END PKD-EDGE-OUT 91");
        // the first day is included as well: 0 days away, and the day after leaves it out
        assertThat(procurementLines(keyDates("from=2027-02-20&to=2027-02-20"), "PKD-EDGE-"))
                .containsExactly("2027-02-20 STANDSTILL_END PKD-EDGE-IN 0");
        assertThat(procurementLines(keyDates("from=2027-02-21&to=2027-03-01"), "PKD-EDGE-"))
                .containsExactly("2027-02-21 STANDSTILL_END PKD-EDGE-OUT 0");
    }

    @Test
    void procurementsAreSortedByDateThenIdAndPagedAndAnAbandonedOneLeavesTheList() {
        String planned = "\"plannedAwardOn\": \"%s\",";
        write("/api/procurements", PLAIN.formatted("PKD-SORT-B", "Sort B", "Sorting Test ICB", planned.formatted("2027-03-01")));
        write("/api/procurements", PLAIN.formatted("PKD-SORT-A", "Sort A", "Sorting Test ICB", planned.formatted("2027-03-01")));
        long c = write("/api/procurements", PLAIN.formatted("PKD-SORT-C", "Sort C", "Sorting Test ICB", planned.formatted("2027-02-28")));
        for (String id : List.of("PKD-SORT-A", "PKD-SORT-B", "PKD-SORT-C")) {
            assertThat(api.get("/api/key-dates?procurementId=" + id + "&minVersion=" + c).status()).isEqualTo(200);
        }

        String window = "from=2027-02-28&to=2027-03-01&commissioner=sorting%20test%20icb&size=2";
        JsonNode first = keyDates(window);
        assertThat(procurementLines(first, "PKD-SORT-")).containsExactly(
                "2027-02-28 PLANNED_AWARD PKD-SORT-C 0", "2027-03-01 PLANNED_AWARD PKD-SORT-A 1");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(procurementLines(keyDates(window + "&page=1"), "PKD-SORT-"))
                .containsExactly("2027-03-01 PLANNED_AWARD PKD-SORT-B 1");

        recordFor("PKD-SORT-A", "/api/procurements/PKD-SORT-A/abandonment", "{\"effectiveOn\": \"2026-11-02\"}");
        JsonNode abandoned = keyDates(window);
        assertThat(procurementLines(abandoned, "PKD-SORT-")).containsExactly(
                "2027-02-28 PLANNED_AWARD PKD-SORT-C 0", "2027-03-01 PLANNED_AWARD PKD-SORT-B 1");
        assertThat(abandoned.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void readingOnesOwnWriteNeedsTheProcurementAndAWellFormedId() {
        invalid("minVersion=1", "minVersion");
        invalid("minVersion=1&contractId=A&procurementId=B", "minVersion");
        invalid("procurementId=not%20an%20id", "procurementId");
    }
}
