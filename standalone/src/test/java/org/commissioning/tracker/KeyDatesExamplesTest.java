package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Key dates of the worked examples (EXAMPLES.md 1 and 3) over HTTP: a rolling renewal without end, a non-renewal
 * notice, terminations. Every expected date is worked by hand from DOMAIN.md.
 */
class KeyDatesExamplesTest extends KeyDatesEndToEndTest {

    static final String TITLE = "Torbay and South Devon integrated care organisation";

    long torbay(String id) {
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id));
        return record(id, "/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
    }

    @Test
    void torbaysKeyDatesWithinThirtyDaysOfJuneTwentyTwentyTwoAreTheNonRenewalNoticeDeadline() {
        torbay("KD-TORBAY");

        JsonNode page = keyDates("from=2022-06-01&to=2022-07-01&contractId=KD-TORBAY");

        assertThat(lines(page)).containsExactly("2022-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY 30");
        JsonNode item = page.get("items").get(0);
        assertThat(text(item, "title")).isEqualTo(TITLE);
        assertThat(text(item, "detail")).isEqualTo("Last day to serve notice to stop the renewal on 2022-10-01 (notice P3M)");
        assertThat(item.has("procurementId")).isFalse();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
    }

    @Test
    void aRollingContractsRenewalsAreThereFarInTheFutureAndAcrossTheHorizon() {
        torbay("KD-TORBAY-FAR");

        JsonNode far = keyDates("from=2040-01-01&to=2040-12-31&contractId=KD-TORBAY-FAR");
        assertThat(lines(far)).containsExactly(
                "2040-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-FAR 182",
                "2040-10-01 RENEWAL_POINT KD-TORBAY-FAR 274");
        assertThat(text(far.get("items").get(1), "detail"))
                .isEqualTo("Automatic renewal 21: renews for P3Y unless a non-renewal notice is served by 2040-07-01");
        assertThat(text(far.get("items").get(1), "title")).isEqualTo(TITLE);

        // rows are materialised up to five years and a year ahead of today (2032-11-22), the rest expanded when asked
        assertThat(lines(keyDates("from=2032-09-01&to=2033-08-31&contractId=KD-TORBAY-FAR"))).containsExactly(
                "2032-10-01 RENEWAL_POINT KD-TORBAY-FAR 30",
                "2033-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-FAR 303");
        assertThat(lines(keyDates("from=2040-06-15&to=2040-07-15&contractId=KD-TORBAY-FAR")))
                .containsExactly("2040-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-FAR 16");
        assertThat(lines(keyDates("from=2040-09-20&to=2040-10-10&contractId=KD-TORBAY-FAR")))
                .containsExactly("2040-10-01 RENEWAL_POINT KD-TORBAY-FAR 11");
        assertThat(lines(keyDates("from=2299-06-01&to=2299-12-31&contractId=KD-TORBAY-FAR"))).containsExactly(
                "2299-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-FAR 30",
                "2299-10-01 RENEWAL_POINT KD-TORBAY-FAR 122");
    }

    @Test
    void afterANonRenewalNoticeTheLaterRenewalPointsDisappearAndTheEndOfTermAppears() {
        String id = "KD-TORBAY-NOTICE";
        torbay(id);
        assertThat(lines(keyDates("from=2022-06-01&to=2023-06-01&contractId=" + id))).containsExactly(
                "2022-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-NOTICE 30",
                "2022-10-01 RENEWAL_POINT KD-TORBAY-NOTICE 122");

        record(id, "/api/contracts/" + id + "/notices", TorbayExampleTest.NON_RENEWAL.formatted("2022-06-15"));

        assertThat(lines(keyDates("from=2022-06-01&to=2023-06-01&contractId=" + id))).isEmpty();
        assertThat(lines(keyDates("from=2040-01-01&to=2040-12-31&contractId=" + id))).isEmpty();
        assertThat(lines(keyDates("from=2020-06-01&to=2021-05-31&contractId=" + id))).containsExactly(
                "2020-07-01 NON_RENEWAL_NOTICE_DEADLINE KD-TORBAY-NOTICE 30",
                "2020-10-01 RENEWAL_POINT KD-TORBAY-NOTICE 122");
        JsonNode end = keyDates("from=2024-01-01&to=2024-12-31&contractId=" + id);
        assertThat(lines(end)).containsExactly("2024-09-30 END_OF_TERM KD-TORBAY-NOTICE 273");
        assertThat(text(end.get("items").get(0), "detail")).isEqualTo("Last day in force: the contract runs off after "
                + "the non-renewal notice served on 2022-06-15 by South Devon and Torbay CCG");
    }

    @Test
    void unitingCaresTerminationReplacesItsEndOfTerm() {
        String id = "KD-UC-OPA";
        record(id, "/api/contracts", """
                {"id": "KD-UC-OPA", "title": "Older people and adult community services", "kind": "PRIME_CONTRACT",
                 "commissioners": [{"name": "Cambridgeshire and Peterborough CCG"}],
                 "providers": [{"name": "UnitingCare Partnership"}],
                 "value": {"amount": "726000000.00", "currency": "GBP"}, "awardedOn": "2014-10-01",
                 "terms": {"startDate": "2015-04-01", "initialTerm": "P5Y"}}""".replace("\n", " "));
        assertThat(lines(keyDates("from=2020-01-01&to=2020-12-31&contractId=" + id)))
                .containsExactly("2020-03-31 END_OF_TERM KD-UC-OPA 90");

        record(id, "/api/contracts/" + id + "/termination",
                "{\"effectiveOn\": \"2015-12-01\", \"initiatedBy\": \"UnitingCare Partnership\"}");

        assertThat(lines(keyDates("from=2020-01-01&to=2020-12-31&contractId=" + id))).isEmpty();
        JsonNode terminated = keyDates("from=2015-11-01&to=2015-12-31&contractId=" + id);
        assertThat(lines(terminated)).containsExactly("2015-12-01 TERMINATION_EFFECTIVE KD-UC-OPA 30");
        assertThat(text(terminated.get("items").get(0), "detail")).isEqualTo(
                "Terminated with effect from this date, initiated by UnitingCare Partnership; last day in force 2015-11-30");
    }

    @Test
    void aTerminationNoticeRemovesEveryObligationFromTheDayItTakesEffect() {
        String id = "KD-NOTICE-311";
        record(id, "/api/contracts", """
                {"id": "KD-NOTICE-311", "title": "Community equipment service", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Keydates Borough Council"}], "providers": [{"name": "Keydates Equipment Ltd"}],
                 "awardedOn": "2019-03-01",
                 "terms": {"startDate": "2019-04-01", "initialTerm": "P3Y",
                           "extensionOptions": [{"maxLength": "P1Y", "noticePeriod": "P6M"},
                                                {"maxLength": "P1Y", "noticePeriod": "P6M"}]}}""");
        record(id, "/api/contracts/" + id + "/review-points", """
                {"effectiveOn": "2019-04-01", "dueOn": "2019-06-30", "kind": "PERFORMANCE_REVIEW",
                 "description": "Quarterly performance review", "recurrence": "P3M"}""");
        // the review recurs on 2019-06-30 + 3 months x k and stops at the end, 2022-03-31, unless extended
        assertThat(lines(keyDates("from=2021-09-01&to=2022-08-31&contractId=" + id))).containsExactly(
                "2021-09-30 REVIEW_POINT KD-NOTICE-311 29",
                "2021-10-01 EXTENSION_DECISION_DEADLINE KD-NOTICE-311 30",
                "2021-12-30 REVIEW_POINT KD-NOTICE-311 120",
                "2022-03-30 REVIEW_POINT KD-NOTICE-311 210",
                "2022-03-31 END_OF_TERM KD-NOTICE-311 211");
        assertThat(lines(keyDates("from=2024-01-01&to=2024-12-31&contractId=" + id)))
                .containsExactly("2024-03-31 MAXIMUM_END KD-NOTICE-311 90");

        record(id, "/api/contracts/" + id + "/notices", """
                {"kind": "TERMINATION", "servedOn": "2021-09-15", "servedBy": "Keydates Borough Council",
                 "takesEffectOn": "2022-01-01"}""");

        JsonNode afterNotice = keyDates("from=2021-09-01&to=2022-08-31&contractId=" + id);
        assertThat(lines(afterNotice)).containsExactly(
                "2021-09-30 REVIEW_POINT KD-NOTICE-311 29",
                "2021-10-01 EXTENSION_DECISION_DEADLINE KD-NOTICE-311 30",
                "2021-12-30 REVIEW_POINT KD-NOTICE-311 120",
                "2022-01-01 TERMINATION_EFFECTIVE KD-NOTICE-311 122");
        assertThat(text(afterNotice.get("items").get(3), "detail")).isEqualTo("Termination notice served on 2021-09-15 "
                + "by Keydates Borough Council takes effect; last day in force 2021-12-31");
        assertThat(lines(keyDates("from=2024-01-01&to=2024-12-31&contractId=" + id))).isEmpty();
    }
}
