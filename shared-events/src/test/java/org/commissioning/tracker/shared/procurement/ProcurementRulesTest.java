package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.BIDS_RECEIVED;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.PASSED_SELECTION;
import static org.commissioning.tracker.shared.procurement.ParticipationMeasure.SHORTLISTED;
import static org.commissioning.tracker.shared.procurement.Procurement.date;
import static org.commissioning.tracker.shared.procurement.Procurement.rejected;
import static org.commissioning.tracker.shared.procurement.ProcurementRoute.OPEN;
import static org.commissioning.tracker.shared.procurement.ProcurementRoute.UNDECIDED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of a procurement's life, and each rejection code, on small hand-made histories. */
class ProcurementRulesTest {

    static Procurement open() {
        return Procurement.planned("P-1", OPEN, "2025-03-03");
    }

    /** Every decision, dated {@code on}, for the guards every command shares. */
    static List<ThrowingCallable> everyCommand(ProcurementTimeline timeline, LocalDate on) {
        return List.of(
                () -> timeline.publishNotice(ProcurementNoticeKind.UK4_TENDER, on, null, null),
                () -> timeline.chooseRoute(ProcurementRoute.RESTRICTED, on),
                () -> timeline.enterStage(ProcurementStage.STANDSTILL, on),
                () -> timeline.recordParticipation(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 0, on),
                () -> timeline.recordBid("A bidder", Money.gbp("1"), on),
                () -> timeline.recordStandstill(on, on.plusDays(9)),
                () -> timeline.award(ContractId.of("C-2"), on, null, ContractKind.SERVICE_CONTRACT,
                        List.of(Procurement.CCG), Money.gbp("1")),
                () -> timeline.abandon(on));
    }

    @Nested
    class StagesAndStatus {

        @Test
        void aNewProcurementIsPlannedInThePlanningStageFromItsEffectiveDate() {
            ProcurementState state = open().asOf("2025-03-13");

            assertThat(state.status()).isEqualTo(ProcurementStatus.PLANNED);
            assertThat(state.stage()).isEqualTo(ProcurementStage.PLANNING);
            assertThat(state.daysInStage()).isEqualTo(10);
            assertThat(state.stages()).containsExactly(
                    new StagePeriod(ProcurementStage.PLANNING, date("2025-03-03"), null, 10));
            assertThat(state.route()).isEqualTo(OPEN);
        }

        @Test
        void beforeItsEffectiveDateNothingIsKnownYet() {
            ProcurementState state = open().asOf("2025-03-02");

            assertThat(state.status()).isEqualTo(ProcurementStatus.NOT_YET_PLANNED);
            assertThat(state.stage()).isNull();
            assertThat(state.stages()).isEmpty();
            assertThat(state.funnel()).isEmpty();
        }

        @Test
        void stagesMaySkipAndTheProcurementIsInProgressFromTheFirstStageAfterPlanning() {
            Procurement procurement = open()
                    .notice(ProcurementNoticeKind.UK2_PRELIMINARY_MARKET_ENGAGEMENT, "2025-03-10")
                    .stage(ProcurementStage.INVITATION_TO_TENDER, "2025-04-01")
                    .stage(ProcurementStage.EVALUATION, "2025-05-01");

            assertThat(procurement.asOf("2025-03-31").status()).as("a notice alone").isEqualTo(ProcurementStatus.PLANNED);
            assertThat(procurement.asOf("2025-04-01").status()).isEqualTo(ProcurementStatus.IN_PROGRESS);
            assertThat(procurement.asOf("2025-05-11").stages()).extracting(StagePeriod::stage, StagePeriod::days)
                    .containsExactly(
                            tuple(ProcurementStage.PLANNING, 29L),
                            tuple(ProcurementStage.INVITATION_TO_TENDER, 30L),
                            tuple(ProcurementStage.EVALUATION, 10L));
        }

        @Test
        void aStageIsNeverEnteredTwiceNorGoneBackTo() {
            Procurement dialogue = open().stage(ProcurementStage.DIALOGUE, "2025-04-01");

            assertThat(rejected(() -> dialogue.timeline().enterStage(ProcurementStage.DIALOGUE, date("2025-04-02")),
                    Rejection.STAGE_OUT_OF_ORDER).getMessage()).contains("since 2025-04-01");
            assertThat(rejected(() -> dialogue.timeline().enterStage(ProcurementStage.SELECTION, date("2025-04-02")),
                    Rejection.STAGE_OUT_OF_ORDER).getMessage()).contains("SELECTION comes before it");
            rejected(() -> open().timeline().enterStage(ProcurementStage.PLANNING, date("2025-04-02")),
                    Rejection.STAGE_OUT_OF_ORDER);
        }

        @Test
        void anAbandonmentClosesTheStageAndEndsTheProcurement() {
            Procurement abandoned = open().stage(ProcurementStage.SELECTION, "2025-04-01").abandon("2025-04-21");

            ProcurementState state = abandoned.asOf("2025-06-01");
            assertThat(state.status()).isEqualTo(ProcurementStatus.ABANDONED);
            assertThat(state.abandonedOn()).isEqualTo(date("2025-04-21"));
            assertThat(state.stage()).isNull();
            assertThat(state.stages().getLast()).isEqualTo(
                    new StagePeriod(ProcurementStage.SELECTION, date("2025-04-01"), date("2025-04-21"), 20));
            assertThat(state.daysToAward()).isNull();
            assertThat(abandoned.asOf("2025-04-20").status()).isEqualTo(ProcurementStatus.IN_PROGRESS);
        }
    }

    @Nested
    class Guards {

        @Test
        void everyCommandDatedBeforeTheLatestEffectiveDateIsOutOfOrder() {
            ProcurementTimeline timeline = open().stage(ProcurementStage.SELECTION, "2025-04-01").timeline();

            for (ThrowingCallable command : everyCommand(timeline, date("2025-03-31"))) {
                assertThat(rejected(command, Rejection.OUT_OF_ORDER).getMessage()).contains("2025-03-31", "2025-04-01");
            }
        }

        @Test
        void afterTheAwardEveryCommandIsAlreadyAwarded() {
            ProcurementTimeline timeline = open().award("C-1", "2025-06-02", "A provider", "900000").timeline();

            for (ThrowingCallable command : everyCommand(timeline, date("2025-07-01"))) {
                assertThat(rejected(command, Rejection.ALREADY_AWARDED).getMessage()).contains("2025-06-02", "C-1");
            }
        }

        @Test
        void afterTheAbandonmentEveryCommandIsProcurementAbandoned() {
            ProcurementTimeline timeline = open().abandon("2025-06-02").timeline();

            for (ThrowingCallable command : everyCommand(timeline, date("2025-07-01"))) {
                assertThat(rejected(command, Rejection.PROCUREMENT_ABANDONED).getMessage()).contains("2025-06-02");
            }
        }

        @Test
        void theNoticesReportingTheOutcomeMayStillBePublished() {
            Procurement awarded = open().award("C-1", "2025-06-02", "A provider", "900000")
                    .notice(ProcurementNoticeKind.UK7_CONTRACT_DETAILS, "2025-06-20")
                    .notice(ProcurementNoticeKind.CONTRACT_AWARD_NOTICE, "2025-06-21");
            assertThat(awarded.asOf("2025-07-01").notices()).extracting(PublishedNotice::kind)
                    .containsExactly(ProcurementNoticeKind.UK7_CONTRACT_DETAILS, ProcurementNoticeKind.CONTRACT_AWARD_NOTICE);
            rejected(() -> awarded.timeline().publishNotice(ProcurementNoticeKind.UK12_PROCUREMENT_TERMINATION,
                    date("2025-07-01"), null, null), Rejection.ALREADY_AWARDED);

            Procurement abandoned = open().abandon("2025-06-02")
                    .notice(ProcurementNoticeKind.UK12_PROCUREMENT_TERMINATION, "2025-06-03");
            assertThat(abandoned.asOf("2025-07-01").notices()).hasSize(1);
            rejected(() -> abandoned.timeline().publishNotice(ProcurementNoticeKind.UK7_CONTRACT_DETAILS,
                    date("2025-07-01"), null, null), Rejection.PROCUREMENT_ABANDONED);
            rejected(() -> abandoned.timeline().publishNotice(ProcurementNoticeKind.UK12_PROCUREMENT_TERMINATION,
                    date("2025-06-01"), null, null), Rejection.OUT_OF_ORDER);
        }
    }

    @Nested
    class Funnel {

        @Test
        void aCountMayNotBeFewerThanALaterMeasureAlreadyRecorded() {
            Procurement shortlisted = open().count(SHORTLISTED, 3, "2025-04-01");

            assertThat(rejected(() -> shortlisted.timeline().recordParticipation(
                    ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 2, date("2025-04-02")),
                    Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE).getMessage())
                    .contains("2 expressions of interest would be fewer than the 3 shortlisted");
        }

        @Test
        void aLaterCountForTheSameMeasureReplacesTheEarlierOne() {
            Procurement procurement = open()
                    .count(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 40, "2025-04-01")
                    .count(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 52, "2025-04-15");

            assertThat(procurement.asOf("2025-04-14").funnel())
                    .containsExactly(Map.entry(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 40));
            assertThat(procurement.asOf("2025-04-15").funnel())
                    .containsExactly(Map.entry(ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 52));
            assertThat(procurement.timeline().events().getLast())
                    .isEqualTo(new ParticipationRecorded(ProcurementId.of("P-1"), date("2025-04-15"),
                            ParticipationMeasure.EXPRESSIONS_OF_INTEREST, 52, 40));
        }

        @Test
        void biddersMayNotOutnumberTheShortlist() {
            Procurement two = open().count(SHORTLISTED, 2, "2025-04-01")
                    .bid("First", "100", "2025-05-01")
                    .bid("Second", "100", "2025-05-01");

            assertThat(rejected(() -> two.timeline().recordBid("Third", Money.gbp("100"), date("2025-05-01")),
                    Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE).getMessage()).contains("3 bidders", "2 shortlisted");
            assertThat(rejected(() -> two.timeline().recordParticipation(BIDS_RECEIVED, 1, date("2025-05-01")),
                    Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE).getMessage()).contains("2 bidders");
            // a revised bid from a bidder already counted is not another bidder
            assertThat(two.bid("FIRST", "90", "2025-05-02").asOf("2025-05-02").bids()).hasSize(2);
        }

        @Test
        void withoutABidsReceivedCountTheFunnelShowsTheBidders() {
            Procurement procurement = open().count(PASSED_SELECTION, 5, "2025-04-01").bid("First", "100", "2025-05-01");

            assertThat(procurement.asOf("2025-05-01").funnel())
                    .containsExactly(Map.entry(PASSED_SELECTION, 5), Map.entry(BIDS_RECEIVED, 1));
            assertThat(procurement.count(BIDS_RECEIVED, 4, "2025-05-02").asOf("2025-05-02").funnel())
                    .containsEntry(BIDS_RECEIVED, 4);
        }
    }

    @Nested
    class Bids {

        @Test
        void aBidEqualToTheMaximumIsAcceptedAndOneAboveItIsNot() {
            Procurement procurement = open().bid("At the maximum", "1000000", "2025-05-01");

            assertThat(procurement.asOf("2025-05-01").bids().getFirst().underMaximum()).isEqualTo(Money.gbp("0"));
            rejected(() -> procurement.timeline().recordBid("Above", Money.gbp("1000000.01"), date("2025-05-01")),
                    Rejection.BID_EXCEEDS_MAXIMUM_PRICE);
        }

        @Test
        void aBidderRevisingItsBidReplacesItKeepingItsPlace() {
            Procurement procurement = open().bid("First", "900000", "2025-05-01")
                    .bid("Second", "950000", "2025-05-01")
                    .bid("first", "880000", "2025-06-01");

            List<Bid> bids = procurement.asOf("2025-06-01").bids();
            assertThat(bids).extracting(Bid::bidder).containsExactly("first", "Second");
            assertThat(bids.getFirst().amount()).isEqualTo(Money.gbp("880000"));
            assertThat(bids.getFirst().receivedOn()).isEqualTo(date("2025-06-01"));
            assertThat(((BidRecorded) procurement.timeline().events().getLast()).previousAmount())
                    .isEqualTo(Money.gbp("900000"));
        }

        @Test
        void aBidInAnotherCurrencyThanTheMaximumIsMalformed() {
            assertThatThrownBy(() -> open().timeline().recordBid("Euro", new Money(BigDecimal.ONE, "EUR"),
                    date("2025-05-01")))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("amount.currency"));
        }

        @Test
        void withoutAMaximumPriceAnyBidIsAcceptedAndNoMarginShown() {
            Procurement procurement = Procurement.of(Procurement.planned("P-2", Regime.NONE, OPEN, null, "2025-03-03"))
                    .bid("First", "99999999", "2025-05-01");

            Bid bid = procurement.asOf("2025-05-01").bids().getFirst();
            assertThat(bid.underMaximum()).isNull();
            assertThat(bid.underMaximumPercent()).isNull();
        }
    }

    @Nested
    class StandstillAndAward {

        @Test
        void aStandstillPutsTheProcurementInTheStandstillStage() {
            Procurement procurement = open().stage(ProcurementStage.EVALUATION, "2025-05-01")
                    .standstill("2025-06-03", "2025-06-12");

            ProcurementState state = procurement.asOf("2025-06-05");
            assertThat(state.stage()).isEqualTo(ProcurementStage.STANDSTILL);
            assertThat(state.daysInStage()).isEqualTo(2);
            assertThat(state.standstill()).isEqualTo(new Standstill(date("2025-06-03"), date("2025-06-12")));
            assertThat(procurement.asOf("2025-06-02").stage()).isEqualTo(ProcurementStage.EVALUATION);
        }

        @Test
        void anAwardOnTheLastDayOfTheStandstillIsRejectedAndTheNextDayAccepted() {
            Procurement procurement = open().standstill("2025-06-03", "2025-06-12");

            assertThat(rejected(() -> procurement.awarding("C-1", "2025-06-12", "A provider", "1"),
                    Rejection.STANDSTILL_NOT_ENDED).getMessage()).contains("2025-06-03", "2025-06-12", "from 2025-06-13");
            ProcurementState awarded = procurement.award("C-1", "2025-06-13", "A provider", "1").asOf("2025-06-13");
            assertThat(awarded.status()).isEqualTo(ProcurementStatus.AWARDED);
            assertThat(awarded.stages().getLast()).isEqualTo(
                    new StagePeriod(ProcurementStage.STANDSTILL, date("2025-06-03"), date("2025-06-13"), 10));
        }

        @Test
        void aLaterStandstillReplacesTheEarlierOne() {
            Procurement procurement = open().standstill("2025-06-03", "2025-06-12").standstill("2025-06-20", "2025-06-30");

            assertThat(procurement.asOf("2025-06-20").standstill().endsOn()).isEqualTo(date("2025-06-30"));
            assertThat(procurement.asOf("2025-06-20").stageEnteredOn()).isEqualTo(date("2025-06-03"));
            rejected(() -> procurement.awarding("C-1", "2025-06-25", "A provider", "1"), Rejection.STANDSTILL_NOT_ENDED);
        }

        @Test
        void anAwardWhileTheRouteIsUndecidedIsRejectedUntilOneIsChosen() {
            Procurement undecided = Procurement.planned("P-3", UNDECIDED, "2025-03-03");

            assertThat(rejected(() -> undecided.awarding("C-3", "2025-06-02", "A provider", "1"),
                    Rejection.ROUTE_UNDECIDED).getMessage()).contains("UNDECIDED");
            Procurement decided = undecided.route(ProcurementRoute.COMPETITIVE_FLEXIBLE, "2025-04-01");
            ProcurementAwarded awarded = decided.awarding("C-3", "2025-06-02", "A provider", "1");
            assertThat(awarded.route()).isEqualTo(ProcurementRoute.COMPETITIVE_FLEXIBLE);
            assertThat(awarded.title()).as("the procurement's title by default").isEqualTo("P-3 title");
            assertThat(decided.timeline().events().getLast()).isEqualTo(new RouteChosen(ProcurementId.of("P-3"),
                    date("2025-04-01"), ProcurementRoute.COMPETITIVE_FLEXIBLE, UNDECIDED));
        }

        @Test
        void theRouteCannotGoBackToUndecidedNorLeaveItsRegime() {
            Consumer<ThrowingCallable> invalidRoute = call -> assertThatThrownBy(call)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            invalid -> assertThat(invalid.field()).isEqualTo("route"));
            invalidRoute.accept(() -> open().timeline().chooseRoute(UNDECIDED, date("2025-04-01")));
            invalidRoute.accept(() -> open().timeline().chooseRoute(ProcurementRoute.PSR_DIRECT_AWARD_C, date("2025-04-01")));
            Procurement psr = Procurement.of(Procurement.planned("P-4", Regime.PSR, UNDECIDED, null, "2025-03-03"));
            invalidRoute.accept(() -> psr.timeline().chooseRoute(OPEN, date("2025-04-01")));
            assertThat(psr.route(ProcurementRoute.PSR_DIRECT_AWARD_C, "2025-04-01").asOf("2025-04-01").route())
                    .isEqualTo(ProcurementRoute.PSR_DIRECT_AWARD_C);
        }

        @Test
        void daysFromTheFirstNoticeToTheAward() {
            ProcurementState state = open().notice(ProcurementNoticeKind.UK4_TENDER, "2025-04-01")
                    .notice(ProcurementNoticeKind.UK6_CONTRACT_AWARD, "2025-05-01")
                    .award("C-1", "2025-05-15", "A provider", "1")
                    .asOf("2025-05-15");

            assertThat(state.daysFromFirstNoticeToAward()).isEqualTo(44);
            assertThat(state.daysToAward()).isEqualTo(73);
        }
    }
}
