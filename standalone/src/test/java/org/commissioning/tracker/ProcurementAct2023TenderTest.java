package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A county council's competitive flexible procedure under the Procurement Act 2023: preliminary market engagement
 * (UK2) while the route is undecided, a UK4 tender notice, two bids, a UK6 contract award notice and its standstill of
 * eight working days, the award, then the UK7 contract details notice. Dates chosen; the numbers worked by hand.
 */
class ProcurementAct2023TenderTest extends ProcurementEndToEndTest {

    static final String ID = "PA23-REABLEMENT-2025";
    static final String PATH = "/api/procurements/" + ID;
    static final String AWARD = """
            {"contractId": "PA23-REABLEMENT", "effectiveOn": "%s", "providers": [{"name": "Shire Reablement Ltd"}],
             "value": {"amount": "11200000.00", "currency": "GBP"}, "kind": "SERVICE_CONTRACT",
             "terms": {"startDate": "2025-10-01", "initialTerm": "P3Y", "extensionOptions": [{"maxLength": "P2Y"}]}}
            """;

    @Test
    void aCompetitiveFlexibleProcedureGoesFromPlanningToAwardWithItsStandstillEnforced() {
        write("/api/procurements", """
                {"id": "PA23-REABLEMENT-2025", "title": "Home care reablement service",
                 "buyers": [{"name": "Shire County Council"}], "regime": "PA2023", "route": "UNDECIDED",
                 "estimatedValue": {"amount": "11500000.00", "currency": "GBP"},
                 "maximumPrice": {"amount": "12000000.00", "currency": "GBP"},
                 "plannedAwardOn": "2025-07-25", "plannedStartOn": "2025-10-01", "effectiveOn": "2025-03-03"}""");
        write(PATH + "/notices", """
                {"kind": "UK2_PRELIMINARY_MARKET_ENGAGEMENT", "publishedOn": "2025-03-10", "reference": "2025/S 000-004321"}""");
        write(PATH + "/stages", "{\"stage\": \"MARKET_ENGAGEMENT\", \"effectiveOn\": \"2025-03-10\"}");

        refusedEverywhere(PATH + "/award", AWARD.formatted("2025-04-01"), 422, "route_undecided");
        write(PATH + "/route", "{\"route\": \"COMPETITIVE_FLEXIBLE\", \"effectiveOn\": \"2025-04-07\", "
                + "\"reason\": \"Cabinet member decision after market engagement\"}");

        write(PATH + "/notices", """
                {"kind": "UK4_TENDER", "publishedOn": "2025-05-06", "reference": "2025/S 000-012345",
                 "url": "https://www.find-tender.service.gov.uk/Notice/012345-2025"}""");
        write(PATH + "/stages", "{\"stage\": \"INVITATION_TO_TENDER\", \"effectiveOn\": \"2025-05-06\"}");
        write(PATH + "/bids", "{\"bidder\": \"Shire Reablement Ltd\", \"amount\": {\"amount\": \"11200000.00\", "
                + "\"currency\": \"GBP\"}, \"effectiveOn\": \"2025-06-16\"}");
        write(PATH + "/bids", "{\"bidder\": \"County Care Partnership\", \"amount\": {\"amount\": \"11900000.00\", "
                + "\"currency\": \"GBP\"}, \"effectiveOn\": \"2025-06-16\"}");
        write(PATH + "/stages", "{\"stage\": \"EVALUATION\", \"effectiveOn\": \"2025-06-16\"}");
        write(PATH + "/notices", "{\"kind\": \"UK6_CONTRACT_AWARD\", \"publishedOn\": \"2025-07-14\"}");
        // eight working days after Monday 14 July: 15-18 and 21-24 July
        write(PATH + "/standstill", "{\"startsOn\": \"2025-07-15\", \"endsOn\": \"2025-07-24\"}");

        Response early = refusedEverywhere(PATH + "/award", AWARD.formatted("2025-07-24"), 422, "standstill_not_ended");
        assertThat(early.field("detail")).contains("2025-07-15", "2025-07-24");
        long awarded = write(PATH + "/award", AWARD.formatted("2025-07-25"));
        long details = write(PATH + "/notices", "{\"kind\": \"UK7_CONTRACT_DETAILS\", \"publishedOn\": \"2025-08-01\"}");
        refusedEverywhere(PATH + "/notices", "{\"kind\": \"UK4_TENDER\", \"publishedOn\": \"2025-08-02\"}", 422,
                "already_awarded");
        assertThat(details).isEqualTo(awarded + 1);

        JsonNode procurement = procurementAsOf(ID, "2025-08-01", details);
        assertThat(text(procurement, "status")).isEqualTo("AWARDED");
        assertThat(text(procurement, "route")).isEqualTo("COMPETITIVE_FLEXIBLE");
        assertThat(procurement.get("notices").findValuesAsString("kind")).containsExactly(
                "UK2_PRELIMINARY_MARKET_ENGAGEMENT", "UK4_TENDER", "UK6_CONTRACT_AWARD", "UK7_CONTRACT_DETAILS");
        assertThat(text(procurement.get("notices").get(1), "url"))
                .isEqualTo("https://www.find-tender.service.gov.uk/Notice/012345-2025");
        assertThat(procurement.get("stages").findValuesAsString("stage")).containsExactly(
                "PLANNING", "MARKET_ENGAGEMENT", "INVITATION_TO_TENDER", "EVALUATION", "STANDSTILL");
        assertThat(stageDays(procurement, "PLANNING")).isEqualTo(7);
        // 10 March to 10 April (31) + to 6 May (26)
        assertThat(stageDays(procurement, "MARKET_ENGAGEMENT")).isEqualTo(57);
        // 6 May to 6 June (31) + to 16 June (10)
        assertThat(stageDays(procurement, "INVITATION_TO_TENDER")).isEqualTo(41);
        // 16 June to 15 July: 14 + 15
        assertThat(stageDays(procurement, "EVALUATION")).isEqualTo(29);
        assertThat(stageDays(procurement, "STANDSTILL")).isEqualTo(10);
        assertThat(days(procurement, "daysToAward")).isEqualTo(144);
        // 10 March to 25 July: 22 (to 1 April) + 30 + 31 + 30 + 24
        assertThat(days(procurement, "daysFromFirstNoticeToAward")).isEqualTo(137);
        assertThat(procurement.get("funnel").get("BIDS_RECEIVED").asInt()).isEqualTo(2);
        JsonNode winning = procurement.get("winningBid");
        assertThat(text(winning, "bidder")).isEqualTo("Shire Reablement Ltd");
        assertThat(amount(winning.get("underMaximum"))).isEqualByComparingTo("800000");
        // 0.8 / 12 = 6.666...%
        assertThat(winning.get("underMaximumPercent").decimalValue()).isEqualByComparingTo("6.67");

        JsonNode routeChange = procurementAsOf(ID, "2025-04-06", details);
        assertThat(text(routeChange, "route")).isEqualTo("UNDECIDED");
        assertThat(text(routeChange, "status")).isEqualTo("IN_PROGRESS");

        JsonNode contract = contractAsOf("PA23-REABLEMENT", "2025-08-01", 0);
        assertThat(text(contract, "status")).isEqualTo("AWARDED");
        assertThat(text(contract, "procurementRoute")).isEqualTo("COMPETITIVE_FLEXIBLE");
        assertThat(text(contract, "title")).as("the procurement's title").isEqualTo("Home care reablement service");
        assertThat(text(contract, "endDate")).isEqualTo("2028-09-30");
        assertThat(text(contract, "maximumEndDate")).isEqualTo("2030-09-30");
    }
}
