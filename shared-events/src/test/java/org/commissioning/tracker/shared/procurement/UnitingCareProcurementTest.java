package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.BIDS_RECEIVED;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.PASSED_SELECTION;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.SHORTLISTED;
import static org.commissioning.tracker.shared.procurement.Procurement.date;
import static org.commissioning.tracker.shared.procurement.Procurement.rejected;
import static org.commissioning.tracker.shared.procurement.ProcurementStage.DIALOGUE;
import static org.commissioning.tracker.shared.procurement.ProcurementStage.FINAL_TENDERS;
import static org.commissioning.tracker.shared.procurement.ProcurementStage.PLANNING;
import static org.commissioning.tracker.shared.procurement.ProcurementStage.SELECTION;

import java.math.BigDecimal;
import java.util.Map;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractId;
import org.junit.jupiter.api.Test;

/** EXAMPLES.md section 3: the UnitingCare competitive dialogue, every number worked by hand. */
class UnitingCareProcurementTest {

    static final String WINNER = "UnitingCare Partnership";

    static Procurement planned() {
        return Procurement.of(Procurement.planned("UC-OPA-2013", Regime.PCR2006, ProcurementRoute.COMPETITIVE_DIALOGUE,
                Money.gbp("752000000"), "2013-01-01"));
    }

    /** Up to the three final tenders, before the award. */
    static Procurement toFinalTenders() {
        return planned()
                .stage(ProcurementStage.EXPRESSIONS_OF_INTEREST, "2013-01-01")
                .stage(SELECTION, "2013-03-01")
                .count(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60, "2013-03-01")
                .count(PASSED_SELECTION, 10, "2013-05-01")
                .stage(DIALOGUE, "2013-06-01")
                .count(SHORTLISTED, 3, "2013-06-01")
                .stage(FINAL_TENDERS, "2014-07-01")
                .bid(WINNER, "726000000", "2014-07-01")
                .bid("Second consortium", "752000000", "2014-07-01")
                .bid("Third consortium", "752000000", "2014-07-01");
    }

    static Procurement awarded() {
        return toFinalTenders().award("UC-OPA", "2014-10-01", WINNER, "726000000");
    }

    @Test
    void fortyFiveDaysIntoSelectionOnFifteenthApril2013() {
        ProcurementState state = toFinalTenders().asOf("2013-04-15");

        assertThat(state.status()).isEqualTo(ProcurementStatus.IN_PROGRESS);
        assertThat(state.stage()).isEqualTo(SELECTION);
        assertThat(state.stageEnteredOn()).isEqualTo(date("2013-03-01"));
        // March 1 to April 15: 31 − 1 + 15 = 45
        assertThat(state.daysInStage()).isEqualTo(45);
    }

    @Test
    void twoHundredFourteenDaysIntoDialogueOnNewYearsDay2014() {
        ProcurementState state = toFinalTenders().asOf("2014-01-01");

        assertThat(state.stage()).isEqualTo(DIALOGUE);
        // June 30 + July 31 + August 31 + September 30 + October 31 + November 30 + December 31
        assertThat(state.daysInStage()).isEqualTo(214);
    }

    @Test
    void everyStageWithItsDaysAndSixHundredThirtyEightDaysToAward() {
        ProcurementState state = awarded().asOf("2015-01-01");

        assertThat(state.status()).isEqualTo(ProcurementStatus.AWARDED);
        assertThat(state.stage()).isNull();
        assertThat(state.daysInStage()).isNull();
        assertThat(state.stages()).containsExactly(
                new StagePeriod(PLANNING, date("2013-01-01"), date("2013-01-01"), 0),
                // January 31 + February 28
                new StagePeriod(ProcurementStage.EXPRESSIONS_OF_INTEREST, date("2013-01-01"), date("2013-03-01"), 59),
                // March 31 + April 30 + May 31
                new StagePeriod(SELECTION, date("2013-03-01"), date("2013-06-01"), 92),
                // a year (365) and June (30)
                new StagePeriod(DIALOGUE, date("2013-06-01"), date("2014-07-01"), 395),
                // July 31 + August 31 + September 30
                new StagePeriod(FINAL_TENDERS, date("2014-07-01"), date("2014-10-01"), 92));
        // 365 days of 2013 and 273 days of 2014 to October 1
        assertThat(state.daysToAward()).isEqualTo(638);
        assertThat(state.awardedOn()).isEqualTo(date("2014-10-01"));
        assertThat(state.contractId()).isEqualTo(ContractId.of("UC-OPA"));
        assertThat(state.route()).isEqualTo(ProcurementRoute.COMPETITIVE_DIALOGUE);
    }

    @Test
    void theFunnelNarrowsFromSixtyToTenToThreeToThreeBids() {
        ProcurementState state = awarded().asOf("2015-01-01");

        assertThat(state.funnel()).containsExactly(
                Map.entry(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60),
                Map.entry(PASSED_SELECTION, 10),
                Map.entry(SHORTLISTED, 3),
                Map.entry(BIDS_RECEIVED, 3));
        assertThat(toFinalTenders().asOf("2013-05-31").funnel()).containsOnlyKeys(
                ParticipationMeasure.EXPRESSIONS_OF_INTEREST, PASSED_SELECTION);
    }

    @Test
    void theWinningBidIsTwentySixMillionPoundsUnderTheMaximumThreePointFourSixPercent() {
        ProcurementState state = awarded().asOf("2015-01-01");

        Bid winning = state.winningBid();
        assertThat(winning.bidder()).isEqualTo(WINNER);
        assertThat(winning.amount()).isEqualTo(Money.gbp("726000000"));
        assertThat(winning.underMaximum()).isEqualTo(Money.gbp("26000000"));
        // 26 / 752 = 0.034574...
        assertThat(winning.underMaximumPercent()).isEqualByComparingTo(new BigDecimal("3.46"));
        assertThat(state.bids()).extracting(Bid::bidder).containsExactly(WINNER, "Second consortium", "Third consortium");
        assertThat(state.bids()).filteredOn(bid -> !bid.winning()).allSatisfy(bid -> {
            assertThat(bid.underMaximum()).isEqualTo(Money.gbp("0"));
            assertThat(bid.underMaximumPercent()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(toFinalTenders().asOf("2014-09-30").winningBid()).isNull();
    }

    @Test
    void aBidAboveTheMaximumIsRejected() {
        var violation = rejected(() -> toFinalTenders().timeline()
                .recordBid("Fourth consortium", Money.gbp("760000000"), date("2014-07-01")),
                Rejection.BID_EXCEEDS_MAXIMUM_PRICE);
        assertThat(violation.getMessage()).contains("GBP 760000000.00", "GBP 752000000.00", "GBP 8000000.00");
    }

    @Test
    void sixtyOnePassingSelectionAfterSixtyExpressionsOfInterestIsRejected() {
        Procurement sixty = planned()
                .stage(ProcurementStage.EXPRESSIONS_OF_INTEREST, "2013-01-01")
                .stage(SELECTION, "2013-03-01")
                .count(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 60, "2013-03-01");

        var violation = rejected(() -> sixty.timeline().recordParticipation(PASSED_SELECTION, 61, date("2013-05-01")),
                Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE);
        assertThat(violation.getMessage()).contains("61 passed selection", "60 expressions of interest");
    }

    @Test
    void aSecondAwardIsRejected() {
        var violation = rejected(() -> awarded().awarding("UC-OPA-2", "2014-10-02", WINNER, "726000000"),
                Rejection.ALREADY_AWARDED);
        assertThat(violation.getMessage()).contains("2014-10-01", "UC-OPA", WINNER);
    }
}
