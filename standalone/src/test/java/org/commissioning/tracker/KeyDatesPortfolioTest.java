package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What is coming up across a portfolio: the EXAMPLES.md contracts (Torbay, Mid-Nottinghamshire with its transition
 * period, UnitingCare terminated) and four of our own (3+1+1, an annual section 75 renewal by agreement, a quarterly
 * review, an alliance with an option), filtered, paged and sorted. Today is 2026-11-22. Other tests share the
 * database, so the examples' items are picked out by id; our own contracts have parties no other test uses.
 */
class KeyDatesPortfolioTest extends KeyDatesEndToEndTest {

    static final String ICB = "Keydates ICB";
    static final String COUNCIL = "Keydates County Council";

    @BeforeEach
    void portfolio() {
        if (eventsOf("KDP-TORBAY") > 0) {
            return;
        }
        write("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", "KDP-TORBAY"));
        record("KDP-TORBAY", "/api/contracts/KDP-TORBAY/commencement", "{\"effectiveOn\": \"2015-10-01\"}");

        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "KDP-MIDNOTTS"));
        write("/api/contracts/KDP-MIDNOTTS/commencement", "{\"effectiveOn\": \"2016-04-01\"}");
        write("/api/contracts/KDP-MIDNOTTS/review-points", """
                {"effectiveOn": "2016-04-01", "dueOn": "2017-08-31", "kind": "TRANSITION_END",
                 "description": "Transition period; the members may extend it only unanimously"}""");
        record("KDP-MIDNOTTS", "/api/contracts/KDP-MIDNOTTS/extensions", "{\"length\": \"P2Y\", \"effectiveOn\": \"2019-01-15\"}");

        write("/api/contracts", """
                {"id": "KDP-UC-OPA", "title": "Older people and adult community services", "kind": "PRIME_CONTRACT",
                 "commissioners": [{"name": "Cambridgeshire and Peterborough CCG"}],
                 "providers": [{"name": "UnitingCare Partnership"}], "awardedOn": "2014-10-01",
                 "terms": {"startDate": "2015-04-01", "initialTerm": "P5Y"}}""");
        record("KDP-UC-OPA", "/api/contracts/KDP-UC-OPA/termination",
                "{\"effectiveOn\": \"2015-12-01\", \"initiatedBy\": \"UnitingCare Partnership\"}");

        // 3+1+1 from 2024-06-01: ends 2027-05-31; option deadline six months before 2027-06-01; at most 2029-05-31
        record("KDP-3-1-1", "/api/contracts", """
                {"id": "KDP-3-1-1", "title": "Integrated urgent care", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Keydates ICB"}, {"name": "Keydates County Council"}],
                 "providers": [{"name": "Keydates Community Trust"}], "awardedOn": "2024-05-01",
                 "terms": {"startDate": "2024-06-01", "initialTerm": "P3Y",
                           "extensionOptions": [{"maxLength": "P1Y", "noticePeriod": "P6M"},
                                                {"maxLength": "P1Y", "noticePeriod": "P6M"}]}}""");

        // section 75 renewed each year by agreement, notice P3M; renewed once, to 2027-03-31
        write("/api/contracts", """
                {"id": "KDP-S75", "title": "Better Care Fund pooled budget", "kind": "SECTION_75_AGREEMENT",
                 "commissioners": [{"name": "Keydates ICB"}], "providers": [{"name": "Keydates County Council"}],
                 "awardedOn": "2025-03-01",
                 "terms": {"startDate": "2025-04-01", "initialTerm": "P1Y",
                           "renewal": {"mode": "BY_AGREEMENT", "interval": "P1Y", "noticePeriod": "P3M"}}}""");
        record("KDP-S75", "/api/contracts/KDP-S75/renewals", "{\"effectiveOn\": \"2026-02-15\"}");

        // five years from 2025-01-01 with a quarterly review from 2025-03-31: 2025-03-31 + 3 months x k
        write("/api/contracts", """
                {"id": "KDP-QUARTERLY", "title": "Domiciliary care", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Keydates ICB"}, {"name": "Keydates County Council"}],
                 "providers": [{"name": "Keydates Healthcare Ltd"}], "awardedOn": "2024-12-01",
                 "terms": {"startDate": "2025-01-01", "initialTerm": "P5Y"}}""");
        record("KDP-QUARTERLY", "/api/contracts/KDP-QUARTERLY/review-points", """
                {"effectiveOn": "2025-01-01", "dueOn": "2025-03-31", "kind": "PERFORMANCE_REVIEW",
                 "description": "Quarterly contract review meeting", "recurrence": "P3M"}""");

        // three years from 2024-04-01 with an option of two, decided by the end date: 2027-03-31 twice
        record("KDP-ALLIANCE", "/api/contracts", """
                {"id": "KDP-ALLIANCE", "title": "Mental health alliance", "kind": "ALLIANCE_AGREEMENT",
                 "commissioners": [{"name": "Keydates ICB"}],
                 "providers": [{"name": "Keydates Community Trust"}, {"name": "Keydates Healthcare Ltd"}],
                 "awardedOn": "2024-03-01",
                 "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y", "extensionOptions": [{"maxLength": "P2Y"}]}}""");
    }

    // ------------------------------------------------------------------ the examples among everything else

    @Test
    void theExamplesKeyDatesFallWhereDomainArithmeticPutsThem() {
        assertThat(lines(keyDates("from=2020-06-01&to=2021-05-31&size=500"), "KDP-")).containsExactly(
                "2020-07-01 NON_RENEWAL_NOTICE_DEADLINE KDP-TORBAY 30",
                "2020-10-01 RENEWAL_POINT KDP-TORBAY 122",
                "2021-03-31 END_OF_TERM KDP-MIDNOTTS 303",
                "2021-03-31 EXTENSION_DECISION_DEADLINE KDP-MIDNOTTS 303");
        assertThat(lines(keyDates("from=2017-01-01&to=2017-12-31&size=500"), "KDP-"))
                .containsExactly("2017-08-31 TRANSITION_END KDP-MIDNOTTS 242");
        assertThat(lines(keyDates("from=2015-06-01&to=2016-05-31&size=500"), "KDP-"))
                .containsExactly("2015-12-01 TERMINATION_EFFECTIVE KDP-UC-OPA 183");
        assertThat(lines(keyDates("from=2026-01-01&to=2026-12-31&size=500&kind=MAXIMUM_END"), "KDP-"))
                .containsExactly("2026-03-31 MAXIMUM_END KDP-MIDNOTTS 89");
    }

    @Test
    void theNextNinetyDaysFromTodayAcrossThePortfolio() {
        assertThat(lines(keyDates("size=500"), "KDP-")).containsExactly(
                "2026-12-01 EXTENSION_DECISION_DEADLINE KDP-3-1-1 9",
                "2026-12-31 REVIEW_POINT KDP-QUARTERLY 39",
                "2027-01-01 NON_RENEWAL_NOTICE_DEADLINE KDP-S75 40");
    }

    // ------------------------------------------------------------------ filters

    @Test
    void theCommissionerFilterMatchesANameInAnyCaseButNotPartOfIt() {
        JsonNode council = keyDates("commissioner=keydates%20county%20COUNCIL");
        assertThat(lines(council)).containsExactly(
                "2026-12-01 EXTENSION_DECISION_DEADLINE KDP-3-1-1 9",
                "2026-12-31 REVIEW_POINT KDP-QUARTERLY 39");
        assertThat(council.get("total").asLong()).isEqualTo(2);

        assertThat(keyDates("commissioner=Keydates%20County").get("total").asLong()).isZero();
        assertThat(lines(keyDates("commissioner=" + ICB.replace(" ", "%20")))).containsExactly(
                "2026-12-01 EXTENSION_DECISION_DEADLINE KDP-3-1-1 9",
                "2026-12-31 REVIEW_POINT KDP-QUARTERLY 39",
                "2027-01-01 NON_RENEWAL_NOTICE_DEADLINE KDP-S75 40");
    }

    @Test
    void theProviderFilterLooksAtProvidersOnly() {
        JsonNode asProvider = keyDates("provider=" + COUNCIL.replace(" ", "%20"));
        assertThat(lines(asProvider)).containsExactly("2027-01-01 NON_RENEWAL_NOTICE_DEADLINE KDP-S75 40");
        assertThat(text(asProvider.get("items").get(0), "detail"))
                .isEqualTo("Last day to serve notice to stop the renewal on 2027-04-01 (notice P3M)");

        assertThat(lines(keyDates("from=2027-01-01&to=2027-12-31&provider=Keydates%20Community%20Trust"))).containsExactly(
                "2027-03-31 END_OF_TERM KDP-ALLIANCE 89",
                "2027-03-31 EXTENSION_DECISION_DEADLINE KDP-ALLIANCE 89",
                "2027-05-31 END_OF_TERM KDP-3-1-1 150");
        assertThat(lines(keyDates("from=2027-01-01&to=2027-12-31&provider=Keydates%20Community%20Trust"
                + "&commissioner=Keydates%20County%20Council"))).containsExactly("2027-05-31 END_OF_TERM KDP-3-1-1 150");
    }

    @Test
    void theKindFilterTakesOneKindOrSeveral() {
        String icb2027 = "from=2027-01-01&to=2027-12-31&commissioner=Keydates%20ICB";
        assertThat(lines(keyDates(icb2027 + "&kind=END_OF_TERM"))).containsExactly(
                "2027-03-31 END_OF_TERM KDP-ALLIANCE 89",
                "2027-03-31 END_OF_TERM KDP-S75 89",
                "2027-05-31 END_OF_TERM KDP-3-1-1 150");
        List<String> endsAndReviews = List.of(
                "2027-03-31 END_OF_TERM KDP-ALLIANCE 89",
                "2027-03-31 REVIEW_POINT KDP-QUARTERLY 89",
                "2027-03-31 END_OF_TERM KDP-S75 89",
                "2027-05-31 END_OF_TERM KDP-3-1-1 150",
                "2027-06-30 REVIEW_POINT KDP-QUARTERLY 180",
                "2027-09-30 REVIEW_POINT KDP-QUARTERLY 272",
                "2027-12-31 REVIEW_POINT KDP-QUARTERLY 364");
        assertThat(lines(keyDates(icb2027 + "&kind=END_OF_TERM,REVIEW_POINT"))).isEqualTo(endsAndReviews);
        assertThat(lines(keyDates(icb2027 + "&kind=review_point&kind=END_OF_TERM"))).isEqualTo(endsAndReviews);
        assertThat(lines(keyDates(icb2027 + "&kind=RENEWAL_POINT"))).containsExactly("2027-04-01 RENEWAL_POINT KDP-S75 90");
        assertThat(keyDates(icb2027 + "&kind=STANDSTILL_END").get("total").asLong()).isZero();
    }

    // ------------------------------------------------------------------ order and pages

    static final List<String> ICB_2027 = List.of(
            "2027-01-01 NON_RENEWAL_NOTICE_DEADLINE KDP-S75 0",
            "2027-03-31 END_OF_TERM KDP-ALLIANCE 89",
            "2027-03-31 EXTENSION_DECISION_DEADLINE KDP-ALLIANCE 89",
            "2027-03-31 REVIEW_POINT KDP-QUARTERLY 89",
            "2027-03-31 END_OF_TERM KDP-S75 89",
            "2027-04-01 RENEWAL_POINT KDP-S75 90",
            "2027-05-31 END_OF_TERM KDP-3-1-1 150",
            "2027-06-30 REVIEW_POINT KDP-QUARTERLY 180",
            "2027-09-30 REVIEW_POINT KDP-QUARTERLY 272",
            "2027-12-31 REVIEW_POINT KDP-QUARTERLY 364");

    @Test
    void itemsAreSortedByDateThenIdThenKind() {
        JsonNode page = keyDates("from=2027-01-01&to=2027-12-31&commissioner=Keydates%20ICB");

        assertThat(lines(page)).isEqualTo(ICB_2027);
        assertThat(page.get("total").asLong()).isEqualTo(10);
    }

    @Test
    void theWholePortfolioIsSortedByDateThenIdThenKind() {
        JsonNode page = keyDates("from=2027-01-01&to=2027-12-31&size=500");
        List<List<String>> keys = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            String id = item.hasNonNull("contractId") ? text(item, "contractId") : text(item, "procurementId");
            keys.add(List.of(text(item, "date"), id, text(item, "kind")));
        }
        Comparator<List<String>> byDateThenIdThenKind = Comparator.<List<String>, String>comparing(key -> key.get(0))
                .thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2));
        assertThat(keys).isSortedAccordingTo(byDateThenIdThenKind);
        assertThat(lines(page, "KDP-")).containsSubsequence(ICB_2027);
    }

    @Test
    void pagesCutTheSameOrderAndTellTheTotal() {
        String icb2027 = "from=2027-01-01&to=2027-12-31&commissioner=Keydates%20ICB&size=4";
        JsonNode first = keyDates(icb2027);
        JsonNode second = keyDates(icb2027 + "&page=1");
        JsonNode last = keyDates(icb2027 + "&page=2");
        JsonNode beyond = keyDates(icb2027 + "&page=3");

        assertThat(lines(first)).isEqualTo(ICB_2027.subList(0, 4));
        assertThat(lines(second)).isEqualTo(ICB_2027.subList(4, 8));
        assertThat(lines(last)).isEqualTo(ICB_2027.subList(8, 10));
        assertThat(lines(beyond)).isEmpty();
        for (JsonNode page : List.of(first, second, last, beyond)) {
            assertThat(page.get("total").asLong()).isEqualTo(10);
            assertThat(page.get("size").asInt()).isEqualTo(4);
        }
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void pagesBeyondTheHorizonCutTheSameWay() {
        // 2040 is past the materialised horizon: the quarterly review of a contract ending 2029 is not there, Torbay's
        // renewals are, expanded from their series
        String far = "from=2040-01-01&to=2040-12-31&commissioner=South%20Devon%20and%20Torbay%20CCG&size=1";
        JsonNode first = keyDates(far);
        assertThat(first.get("total").asLong()).isEven().isGreaterThanOrEqualTo(2);
        List<String> all = new ArrayList<>();
        long total = first.get("total").asLong();
        for (int page = 0; page < total; page++) {
            all.addAll(lines(keyDates(far + "&page=" + page), "KDP-"));
        }
        assertThat(all).containsExactly(
                "2040-07-01 NON_RENEWAL_NOTICE_DEADLINE KDP-TORBAY 182",
                "2040-10-01 RENEWAL_POINT KDP-TORBAY 274");
        assertThat(lines(keyDates("from=2040-01-01&to=2040-12-31&commissioner=Keydates%20ICB"))).isEmpty();
    }
}
