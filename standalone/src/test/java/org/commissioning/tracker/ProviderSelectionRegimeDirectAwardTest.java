package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Provider Selection Regime direct award process C: an ICB assesses the existing provider against the key criteria,
 * publishes its intention to award, waits out the standstill of eight working days and awards. Dates chosen; the
 * numbers worked by hand.
 */
class ProviderSelectionRegimeDirectAwardTest extends ProcurementEndToEndTest {

    static final String ID = "PSR-DAC-COMMUNITY-2025";
    static final String PATH = "/api/procurements/" + ID;
    static final String AWARD = """
            {"contractId": "PSR-DAC-COMMUNITY", "effectiveOn": "%s",
             "providers": [{"name": "Anytown Community Health NHS Trust"}],
             "value": {"amount": "42000000.00", "currency": "GBP"}, "kind": "SERVICE_CONTRACT",
             "title": "Community nursing and therapies", "terms": {"startDate": "2025-04-01", "initialTerm": "P3Y"}}
            """;

    @Test
    void aDirectAwardCGoesFromPlanningToAwardAfterTheStandstill() {
        Response planned = api.post("/api/procurements", """
                {"id": "PSR-DAC-COMMUNITY-2025", "title": "Community services: direct award C to the existing provider",
                 "buyers": [{"name": "NHS Anytown Integrated Care Board"}], "regime": "PSR", "route": "PSR_DIRECT_AWARD_C",
                 "estimatedValue": {"amount": "42000000.00", "currency": "GBP"},
                 "plannedAwardOn": "2025-03-14", "plannedStartOn": "2025-04-01", "effectiveOn": "2025-01-06"}""");
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.field("id")).isEqualTo(ID);

        // assessing the existing provider against the key criteria and basic selection criteria
        write(PATH + "/stages", "{\"stage\": \"EVALUATION\", \"effectiveOn\": \"2025-02-03\"}");
        write(PATH + "/notices", """
                {"kind": "PSR_INTENTION_TO_AWARD", "publishedOn": "2025-03-03", "reference": "PSR-2025-000123",
                 "url": "https://www.find-tender.service.gov.uk/Notice/000123-2025"}""");
        // eight working days from the day after the notice (Monday 3 March): 4-7 and 10-13 March
        long standstill = write(PATH + "/standstill", "{\"startsOn\": \"2025-03-04\", \"endsOn\": \"2025-03-13\"}");

        JsonNode waiting = procurementAsOf(ID, "2025-03-10", standstill);
        assertThat(text(waiting, "stage")).isEqualTo("STANDSTILL");
        assertThat(days(waiting, "daysInStage")).isEqualTo(6);
        assertThat(text(waiting.get("standstill"), "startsOn")).isEqualTo("2025-03-04");
        assertThat(text(waiting.get("standstill"), "endsOn")).isEqualTo("2025-03-13");

        Response early = refusedEverywhere(PATH + "/award", AWARD.formatted("2025-03-13"), 422, "standstill_not_ended");
        assertThat(early.field("detail")).contains("2025-03-13", "from 2025-03-14");
        assertThat(api.get("/api/contracts/PSR-DAC-COMMUNITY").status()).isEqualTo(404);

        long awarded = write(PATH + "/award", AWARD.formatted("2025-03-14"));
        long confirmed = write(PATH + "/notices", "{\"kind\": \"CONTRACT_AWARD_NOTICE\", \"publishedOn\": \"2025-03-28\"}");
        assertThat(confirmed).isEqualTo(awarded + 1);

        JsonNode procurement = procurementAsOf(ID, "2025-06-01", confirmed);
        assertThat(text(procurement, "status")).isEqualTo("AWARDED");
        assertThat(text(procurement, "regime")).isEqualTo("PSR");
        assertThat(text(procurement, "route")).isEqualTo("PSR_DIRECT_AWARD_C");
        assertThat(text(procurement, "contractId")).isEqualTo("PSR-DAC-COMMUNITY");
        assertThat(procurement.get("stages").findValuesAsString("stage"))
                .containsExactly("PLANNING", "EVALUATION", "STANDSTILL");
        // 6 January to 3 February; 3 February to 4 March (28 days of February + 1); 4 to 14 March
        assertThat(stageDays(procurement, "PLANNING")).isEqualTo(28);
        assertThat(stageDays(procurement, "EVALUATION")).isEqualTo(29);
        assertThat(stageDays(procurement, "STANDSTILL")).isEqualTo(10);
        assertThat(days(procurement, "daysToAward")).isEqualTo(28 + 29 + 10);
        assertThat(days(procurement, "daysFromFirstNoticeToAward")).isEqualTo(11);
        assertThat(procurement.get("notices").findValuesAsString("kind"))
                .containsExactly("PSR_INTENTION_TO_AWARD", "CONTRACT_AWARD_NOTICE");
        assertThat(procurement.get("notices").get(0).get("reference").asString()).isEqualTo("PSR-2025-000123");
        assertThat(procurement.get("maximumPrice").isNull()).isTrue();
        assertThat(procurement.get("bids")).isEmpty();

        JsonNode contract = contractAsOf("PSR-DAC-COMMUNITY", "2025-04-01", 0);
        assertThat(text(contract, "status")).isEqualTo("ACTIVE");
        assertThat(text(contract, "title")).isEqualTo("Community nursing and therapies");
        assertThat(text(contract, "procurementId")).isEqualTo(ID);
        assertThat(text(contract, "procurementRoute")).isEqualTo("PSR_DIRECT_AWARD_C");
        assertThat(text(contract, "awardedOn")).isEqualTo("2025-03-14");
        assertThat(text(contract, "endDate")).isEqualTo("2028-03-31");
        assertThat(contract.get("commissioners").findValuesAsString("name"))
                .containsExactly("NHS Anytown Integrated Care Board");

        refusedEverywhere(PATH + "/stages", "{\"stage\": \"STANDSTILL\", \"effectiveOn\": \"2025-04-01\"}", 422,
                "already_awarded");
    }
}
