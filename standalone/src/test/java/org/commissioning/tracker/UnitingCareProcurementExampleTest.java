package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * EXAMPLES.md section 3: the UnitingCare competitive dialogue over HTTP, from planning to the award that creates the
 * contract, then the contract's termination by the provider. Every expected number is worked by hand from the dates.
 * The steps build on one another, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnitingCareProcurementExampleTest extends ProcurementEndToEndTest {

    static final String ID = "UC-OPA-2013";
    static final String CONTRACT = "UC-OPA";
    static final String PATH = "/api/procurements/" + ID;
    static final String WINNER = "UnitingCare Partnership";

    static final String PLAN = """
            {"id": "UC-OPA-2013", "title": "Older people and adult community services",
             "buyers": [{"name": "Cambridgeshire and Peterborough CCG"}],
             "regime": "PCR2006", "route": "COMPETITIVE_DIALOGUE",
             "maximumPrice": {"amount": "752000000.00", "currency": "GBP"},
             "effectiveOn": "2013-01-01", "reason": "From the CCG's governing body papers"}
            """;
    static final String STAGE = "{\"stage\": \"%s\", \"effectiveOn\": \"%s\"}";
    static final String COUNT = "{\"measure\": \"%s\", \"count\": %d, \"effectiveOn\": \"%s\"}";
    static final String BID = "{\"bidder\": \"%s\", \"amount\": {\"amount\": \"%s\", \"currency\": \"GBP\"}, \"effectiveOn\": \"2014-07-01\"}";
    static final String AWARD = """
            {"contractId": "%s", "effectiveOn": "%s", "providers": [{"name": "UnitingCare Partnership"}],
             "value": {"amount": "726000000.00", "currency": "GBP"}, "kind": "SERVICE_CONTRACT",
             "terms": {"startDate": "2015-04-01", "initialTerm": "P5Y"}}
            """;

    long bidsVersion;
    long awardVersion;

    @Test
    @Order(1)
    void theCompetitiveDialogueIsRecordedStageByStageAndItsMistakesRefused() {
        assertThat(api.post("/api/procurements", PLAN).status()).isEqualTo(201);
        write(PATH + "/stages", STAGE.formatted("EXPRESSIONS_OF_INTEREST", "2013-01-01"));
        write(PATH + "/stages", STAGE.formatted("SELECTION", "2013-03-01"));
        write(PATH + "/participation", COUNT.formatted("EXPRESSIONS_OF_INTEREST", 60, "2013-03-01"));

        Response sixtyOne = refusedEverywhere(PATH + "/participation", COUNT.formatted("PASSED_SELECTION", 61, "2013-05-01"),
                422, "count_exceeds_previous_stage");
        assertThat(sixtyOne.field("detail")).contains("61 passed selection", "60 expressions of interest");

        write(PATH + "/participation", COUNT.formatted("PASSED_SELECTION", 10, "2013-05-01"));
        write(PATH + "/stages", STAGE.formatted("DIALOGUE", "2013-06-01"));
        write(PATH + "/participation", COUNT.formatted("SHORTLISTED", 3, "2013-06-01"));
        write(PATH + "/stages", STAGE.formatted("FINAL_TENDERS", "2014-07-01"));
        write(PATH + "/bids", BID.formatted(WINNER, "726000000.00"));
        write(PATH + "/bids", BID.formatted("Second consortium", "752000000.00"));
        bidsVersion = write(PATH + "/bids", BID.formatted("Third consortium", "752000000.00"));
        assertThat(bidsVersion).as("planned, 4 stages, 3 counts, 3 bids").isEqualTo(10);

        Response tooHigh = refusedEverywhere(PATH + "/bids", BID.formatted("Fourth consortium", "760000000.00"),
                422, "bid_exceeds_maximum_price");
        assertThat(tooHigh.field("detail")).contains("760000000.00", "752000000.00");
        assertThat(procurementEvents(ID)).isEqualTo(11);
    }

    @Test
    @Order(2)
    void selectionIsFortyFiveDaysInOnFifteenthApril2013AndDialogueTwoHundredFourteenOnNewYearsDay2014() {
        JsonNode april = procurementAsOf(ID, "2013-04-15", bidsVersion);
        assertThat(text(april, "status")).isEqualTo("IN_PROGRESS");
        assertThat(text(april, "regime")).isEqualTo("PCR2006");
        assertThat(text(april, "route")).isEqualTo("COMPETITIVE_DIALOGUE");
        assertThat(text(april, "stage")).isEqualTo("SELECTION");
        // March 1 to April 15: 31 − 1 + 15
        assertThat(days(april, "daysInStage")).isEqualTo(45);

        JsonNode newYear = procurementAsOf(ID, "2014-01-01", bidsVersion);
        assertThat(text(newYear, "stage")).isEqualTo("DIALOGUE");
        // June 30 + July 31 + August 31 + September 30 + October 31 + November 30 + December 31
        assertThat(days(newYear, "daysInStage")).isEqualTo(214);
        assertThat(newYear.get("bids")).isEmpty();
    }

    @Test
    @Order(3)
    void theAwardClosesFinalTendersSixHundredThirtyEightDaysAfterPlanningAndCreatesTheContract() {
        awardVersion = write(PATH + "/award", AWARD.formatted(CONTRACT, "2014-10-01"));
        assertThat(awardVersion).isEqualTo(11);

        JsonNode awarded = procurementAsOf(ID, "2015-01-01", awardVersion);
        assertThat(text(awarded, "status")).isEqualTo("AWARDED");
        assertThat(text(awarded, "contractId")).isEqualTo(CONTRACT);
        assertThat(text(awarded, "awardedOn")).isEqualTo("2014-10-01");
        assertThat(awarded.get("stage").isNull()).isTrue();
        assertThat(awarded.get("stages").findValuesAsString("stage")).containsExactly(
                "PLANNING", "EXPRESSIONS_OF_INTEREST", "SELECTION", "DIALOGUE", "FINAL_TENDERS");
        assertThat(stageDays(awarded, "PLANNING")).isZero();
        // January 31 + February 28
        assertThat(stageDays(awarded, "EXPRESSIONS_OF_INTEREST")).isEqualTo(59);
        // March 31 + April 30 + May 31
        assertThat(stageDays(awarded, "SELECTION")).isEqualTo(92);
        // 2013-06-01 to 2014-06-01 (365) + June (30)
        assertThat(stageDays(awarded, "DIALOGUE")).isEqualTo(395);
        // July 31 + August 31 + September 30
        assertThat(stageDays(awarded, "FINAL_TENDERS")).isEqualTo(92);
        // 365 (2013) + 273 (2014 to October 1) = 59 + 92 + 395 + 92
        assertThat(days(awarded, "daysToAward")).isEqualTo(638);

        JsonNode before = procurementAsOf(ID, "2014-09-30", awardVersion);
        assertThat(text(before, "status")).isEqualTo("IN_PROGRESS");
        assertThat(text(before, "stage")).isEqualTo("FINAL_TENDERS");
        assertThat(before.get("contractId").isNull()).isTrue();
    }

    @Test
    @Order(4)
    void theFunnelNarrowsFromSixtyToTenToThreeToThreeBidsAndTheWinningBidIsTwentySixMillionUnderTheMaximum() {
        JsonNode awarded = procurementAsOf(ID, "2015-01-01", awardVersion);

        JsonNode funnel = awarded.get("funnel");
        assertThat(Map.of("EXPRESSIONS_OF_INTEREST", funnel.get("EXPRESSIONS_OF_INTEREST").asInt(),
                "PASSED_SELECTION", funnel.get("PASSED_SELECTION").asInt(),
                "SHORTLISTED", funnel.get("SHORTLISTED").asInt(),
                "BIDS_RECEIVED", funnel.get("BIDS_RECEIVED").asInt()))
                .isEqualTo(Map.of("EXPRESSIONS_OF_INTEREST", 60, "PASSED_SELECTION", 10, "SHORTLISTED", 3, "BIDS_RECEIVED", 3));
        assertThat(awarded.get("bids").findValuesAsString("bidder"))
                .containsExactly(WINNER, "Second consortium", "Third consortium");
        assertThat(amount(awarded.get("maximumPrice"))).isEqualByComparingTo("752000000");

        JsonNode winning = awarded.get("winningBid");
        assertThat(text(winning, "bidder")).isEqualTo(WINNER);
        assertThat(amount(winning.get("amount"))).isEqualByComparingTo("726000000");
        // 752m − 726m = 26m; 26 / 752 = 3.457...%
        assertThat(amount(winning.get("underMaximum"))).isEqualByComparingTo("26000000");
        assertThat(winning.get("underMaximumPercent").decimalValue()).isEqualByComparingTo(new BigDecimal("3.46"));
        assertThat(winning.get("winning").asBoolean()).isTrue();
        assertThat(awarded.get("bids").get(1).get("winning").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void aSecondAwardIsRefusedAndStoresNothing() {
        Response again = refusedEverywhere(PATH + "/award", AWARD.formatted("UC-OPA-SECOND", "2014-10-02"),
                422, "already_awarded");
        assertThat(again.field("detail")).contains("2014-10-01", CONTRACT);
        assertThat(api.get("/api/contracts/UC-OPA-SECOND").status()).isEqualTo(404);
    }

    @Test
    @Order(6)
    void theContractIsAwardedAsOfFirstJanuary2015AndItsHistoryStartsWithTheAward() {
        JsonNode contract = contractAsOf(CONTRACT, "2015-01-01", 0);
        assertThat(text(contract, "status")).isEqualTo("AWARDED");
        assertThat(text(contract, "startDate")).isEqualTo("2015-04-01");
        // P5Y from 2015-04-01, inclusive
        assertThat(text(contract, "endDate")).isEqualTo("2020-03-31");
        assertThat(text(contract, "awardedOn")).isEqualTo("2014-10-01");
        assertThat(text(contract, "procurementId")).isEqualTo(ID);
        assertThat(text(contract, "procurementRoute")).isEqualTo("COMPETITIVE_DIALOGUE");
        assertThat(text(contract, "title")).isEqualTo("Older people and adult community services");
        assertThat(contract.get("commissioners").findValuesAsString("name"))
                .containsExactly("Cambridgeshire and Peterborough CCG");
        assertThat(contract.get("providers").findValuesAsString("name")).containsExactly(WINNER);
        assertThat(amount(contract.get("value"))).isEqualByComparingTo("726000000");

        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, "contract:" + CONTRACT))
                .containsExactly("org.commissioning.tracker.shared.contract.ContractRegistered");
        String metaData = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = 'contract:UC-OPA'", String.class);
        assertThat(metaData).as("the award's recorder, on the contract it created").contains("\"recordedBy\":\"manager\"");
        JsonNode first = durations(CONTRACT, "2015-01-01").get("periods").get(0);
        assertThat(text(first, "status")).isEqualTo("AWARDED");
        assertThat(text(first, "from")).isEqualTo("2014-10-01");
    }

    @Test
    @Order(7)
    void terminatedByTheProviderFromFirstDecember2015ItWasInForceTwoHundredFortyFourDays() {
        long version = write("/api/contracts/" + CONTRACT + "/termination", """
                {"effectiveOn": "2015-12-01", "initiatedBy": "UnitingCare Partnership",
                 "costs": {"amount": "16000000.00", "currency": "GBP"}, "reason": "The provider ended the contract"}""");
        assertThat(version).isEqualTo(1);

        assertThat(text(contractAsOf(CONTRACT, "2015-11-30", version), "status")).isEqualTo("ACTIVE");
        JsonNode terminated = contractAsOf(CONTRACT, "2015-12-01", version);
        assertThat(text(terminated, "status")).isEqualTo("TERMINATED");
        assertThat(text(terminated, "terminationEffectiveOn")).isEqualTo("2015-12-01");
        // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 + October 31 + November 30
        assertThat(durations(CONTRACT, "2016-06-01").get("daysInForce").asLong()).isEqualTo(244);

        refused(CONTRACT, "/api/contracts/" + CONTRACT + "/termination",
                "{\"effectiveOn\": \"2016-01-04\", \"initiatedBy\": \"Cambridgeshire and Peterborough CCG\"}",
                422, "contract_terminated");
        refused(CONTRACT, "/api/contracts/" + CONTRACT + "/extensions",
                "{\"length\": \"P1Y\", \"effectiveOn\": \"2016-01-04\"}", 422, "contract_terminated");
    }

    @Test
    @Order(8)
    void anAwardNamingAContractIdAlreadyInUseIsAConflictAndStoresNothing() {
        write("/api/procurements", PLAN.replace("UC-OPA-2013", "UC-OPA-REPROCURE").replace("\"2013-01-01\"", "\"2016-01-04\""));

        Response conflict = refusedEverywhere("/api/procurements/UC-OPA-REPROCURE/award",
                AWARD.formatted(CONTRACT, "2016-06-01"), 409, "already_exists");
        assertThat(conflict.field("detail")).isEqualTo("A contract with id 'UC-OPA' already exists");
        assertThat(procurementEvents("UC-OPA-REPROCURE")).isEqualTo(1);
    }
}
