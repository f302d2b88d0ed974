package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;

import java.util.List;
import org.commissioning.tracker.shared.keydates.ContractKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ScheduledDate;
import org.junit.jupiter.api.Test;

/** A contract's key dates with everything recorded, on the worked examples; every expected date worked by hand. */
class ContractKeyDatesTest {

    static List<String> between(History history, String from, String to) {
        return between(history.timeline(), from, to);
    }

    static List<String> between(ContractTimeline timeline, String from, String to) {
        return ContractKeyDates.of(timeline).between(date(from), date(to)).stream()
                .map(d -> d.date() + " " + d.kind())
                .toList();
    }

    static ScheduledDate only(History history, String from, String to) {
        List<ScheduledDate> found = ContractKeyDates.of(history.timeline()).between(date(from), date(to));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    // ------------------------------------------------------------------ Torbay: automatic renewals without end

    @Test
    void torbayWithinThirtyDaysOfJuneTwentyTwentyTwoHasOnlyTheNonRenewalNoticeDeadline() {
        ScheduledDate deadline = only(TorbayRollingRenewalTest.torbay(), "2022-06-01", "2022-07-01");

        assertThat(deadline.date()).isEqualTo(date("2022-07-01"));
        assertThat(deadline.kind()).isEqualTo(KeyDateKind.NON_RENEWAL_NOTICE_DEADLINE);
        assertThat(deadline.detail()).isEqualTo("Last day to serve notice to stop the renewal on 2022-10-01 (notice P3M)");
    }

    @Test
    void torbayRenewsEveryOctoberWithADeadlineEachJulyAndNoEndOfTerm() {
        History torbay = TorbayRollingRenewalTest.torbay();

        assertThat(between(torbay, "2015-01-01", "2020-06-30")).isEmpty();
        assertThat(between(torbay, "2020-01-01", "2021-12-31")).containsExactly(
                "2020-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2020-10-01 RENEWAL_POINT",
                "2021-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2021-10-01 RENEWAL_POINT");
        assertThat(only(torbay, "2020-10-01", "2020-10-01").detail())
                .isEqualTo("Automatic renewal 1: renews for P3Y unless a non-renewal notice is served by 2020-07-01");
    }

    @Test
    void torbaysRenewalsAreThereInTwentyFortyWithoutBeingStoredOneByOne() {
        KeyDateSchedule schedule = ContractKeyDates.of(TorbayRollingRenewalTest.torbay().timeline());

        assertThat(schedule.series()).hasSize(2).allSatisfy(series -> assertThat(series.bounded()).isFalse());
        assertThat(schedule.dates()).isEmpty();
        assertThat(between(TorbayRollingRenewalTest.torbay(), "2040-01-01", "2040-12-31"))
                .containsExactly("2040-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2040-10-01 RENEWAL_POINT");
        assertThat(only(TorbayRollingRenewalTest.torbay(), "2040-10-01", "2040-10-01").detail())
                .startsWith("Automatic renewal 21:");
    }

    @Test
    void afterANonRenewalNoticeTheLaterRenewalsDisappearAndTheEndOfTermAppears() {
        History noticed = TorbayRollingRenewalTest.torbay().nonRenewal("2022-06-15");

        assertThat(between(noticed, "2015-01-01", "2040-12-31")).containsExactly(
                "2020-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2020-10-01 RENEWAL_POINT",
                "2021-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2021-10-01 RENEWAL_POINT",
                "2024-09-30 END_OF_TERM");
        assertThat(only(noticed, "2024-09-30", "2024-09-30").detail()).isEqualTo(
                "Last day in force: the contract runs off after the non-renewal notice served on 2022-06-15 by The commissioner");
    }

    @Test
    void aNoticeADayLateLetsTheTwentyTwentyTwoRenewalHappen() {
        History late = TorbayRollingRenewalTest.torbay().nonRenewal("2022-07-02");

        assertThat(between(late, "2022-01-01", "2040-12-31")).containsExactly(
                "2022-07-01 NON_RENEWAL_NOTICE_DEADLINE", "2022-10-01 RENEWAL_POINT", "2025-09-30 END_OF_TERM");
    }

    // ------------------------------------------------------------------ Mid-Nottinghamshire: an option in tranches

    static History midNotts() {
        ContractTerms terms = new ContractTerms(date("2016-04-01"), period("P3Y"), null,
                List.of(ExtensionOption.of(period("P7Y"))), null, null);
        return History.registered("MIDNOTTS-ALLIANCE", "2016-03-07", terms).commence("2016-04-01");
    }

    @Test
    void midNottsEndsInTwentyNineteenUnlessExtendedAndCanRunToTwentyTwentySix() {
        History midNotts = midNotts();

        assertThat(between(midNotts, "2016-01-01", "2030-12-31")).containsExactly(
                "2019-03-31 END_OF_TERM", "2019-03-31 EXTENSION_DECISION_DEADLINE", "2026-03-31 MAXIMUM_END");
        KeyDateSchedule schedule = ContractKeyDates.of(midNotts.timeline());
        assertThat(schedule.dates()).extracting(ScheduledDate::detail).containsExactly(
                "Last day in force unless an option to extend is exercised by 2019-03-31 (P7Y left)",
                "Last day to exercise an option to extend (P7Y left); otherwise the term ends on 2019-03-31",
                "Latest end the terms allow, with every option to extend taken; the term now ends on 2019-03-31");
    }

    @Test
    void eachTrancheMovesTheEndAndTheDeadlineUntilTheOptionIsUsedUp() {
        History twoYears = midNotts().extend("P2Y", "2019-01-15");
        assertThat(between(twoYears, "2016-01-01", "2030-12-31")).containsExactly(
                "2021-03-31 END_OF_TERM", "2021-03-31 EXTENSION_DECISION_DEADLINE", "2026-03-31 MAXIMUM_END");

        History all = twoYears.extend("P5Y", "2021-01-15");
        assertThat(between(all, "2016-01-01", "2030-12-31")).containsExactly("2026-03-31 END_OF_TERM");
        assertThat(only(all, "2026-03-31", "2026-03-31").detail())
                .isEqualTo("Last day in force: the term ends; no option or renewal remains");
    }

    @Test
    void aTransitionPeriodEndIsAKeyDateOfItsOwnKind() {
        History history = midNotts();
        History withTransition = history.apply(history.timeline().scheduleReviewPoint(date("2016-04-01"),
                date("2017-08-31"), ReviewKind.TRANSITION_END, "Members may extend it only unanimously", null));

        ScheduledDate end = only(withTransition, "2017-01-01", "2017-12-31");
        assertThat(end.kind()).isEqualTo(KeyDateKind.TRANSITION_END);
        assertThat(end.detail()).isEqualTo("End of the transition period R1: Members may extend it only unanimously");
    }

    // ------------------------------------------------------------------ UnitingCare: an early termination

    @Test
    void aTerminationReplacesTheEndOfTermAndRemovesEverythingAfterIt() {
        ContractTerms terms = new ContractTerms(date("2015-04-01"), period("P5Y"), null, List.of(), null, null);
        History unitingCare = History.registered("UC-OPA", "2014-10-01", terms);
        assertThat(between(unitingCare, "2014-01-01", "2030-12-31")).containsExactly("2020-03-31 END_OF_TERM");

        History terminated = unitingCare.apply(unitingCare.timeline()
                .terminate(date("2015-12-01"), "UnitingCare Partnership", null));
        assertThat(between(terminated, "2014-01-01", "2030-12-31")).containsExactly("2015-12-01 TERMINATION_EFFECTIVE");
        assertThat(only(terminated, "2015-12-01", "2015-12-01").detail()).isEqualTo(
                "Terminated with effect from this date, initiated by UnitingCare Partnership; last day in force 2015-11-30");
    }

    // ------------------------------------------------------------------ renewals by agreement, 3+1+1, reviews

    static History section75() {
        ContractTerms terms = new ContractTerms(date("2020-04-01"), period("P1Y"), null, List.of(),
                new RenewalRule(RenewalMode.BY_AGREEMENT, period("P1Y"), null, period("P3M"), null), null);
        return History.registered("S75-POOLED", "2020-03-01", terms);
    }

    @Test
    void anAnnualRenewalByAgreementShowsTheComingRenewalItsDeadlineAndTheEnd() {
        assertThat(between(section75(), "2020-01-01", "2030-12-31")).containsExactly(
                "2021-01-01 NON_RENEWAL_NOTICE_DEADLINE", "2021-03-31 END_OF_TERM", "2021-04-01 RENEWAL_POINT");
        assertThat(only(section75(), "2021-04-01", "2021-04-01").detail())
                .isEqualTo("Renewal point: renewal 1 must be agreed by 2021-03-31, the end date, or the agreement expires");
        assertThat(only(section75(), "2021-03-31", "2021-03-31").detail())
                .isEqualTo("Last day in force unless the renewal from 2021-04-01 is agreed by this date");
    }

    @Test
    void onceARenewalIsAgreedItsPointStaysAndTheNextOneComesUp() {
        History renewed = section75().renew("2021-03-01");

        assertThat(between(renewed, "2020-01-01", "2030-12-31")).containsExactly(
                "2021-04-01 RENEWAL_POINT", "2022-01-01 NON_RENEWAL_NOTICE_DEADLINE", "2022-03-31 END_OF_TERM",
                "2022-04-01 RENEWAL_POINT");
        assertThat(only(renewed, "2021-04-01", "2021-04-01").detail())
                .isEqualTo("Renewal 1 by agreement, recorded on 2021-03-01: runs to 2022-03-31");
    }

    @Test
    void threePlusOnePlusOneHasItsOptionDeadlineSixMonthsBeforeTheEnd() {
        ContractTerms terms = new ContractTerms(date("2019-04-01"), period("P3Y"), null,
                List.of(new ExtensionOption(period("P1Y"), period("P6M")), new ExtensionOption(period("P1Y"), period("P6M"))),
                null, null);
        History threeOneOne = History.registered("THREE-ONE-ONE", "2019-03-01", terms);

        assertThat(between(threeOneOne, "2019-01-01", "2030-12-31")).containsExactly(
                "2021-10-01 EXTENSION_DECISION_DEADLINE", "2022-03-31 END_OF_TERM", "2024-03-31 MAXIMUM_END");
        assertThat(between(threeOneOne.extend("P1Y", "2021-09-01"), "2019-01-01", "2030-12-31")).containsExactly(
                "2022-10-01 EXTENSION_DECISION_DEADLINE", "2023-03-31 END_OF_TERM", "2024-03-31 MAXIMUM_END");
    }

    static History tenYearsWithQuarterlyReviews() {
        History tenYears = History.registered("TEN-YEARS", "2018-03-01", History.terms("2018-04-01", "P10Y"));
        return tenYears.apply(tenYears.timeline().scheduleReviewPoint(date("2018-04-01"), date("2018-06-30"),
                ReviewKind.PERFORMANCE_REVIEW, "Quarterly performance review", period("P3M")));
    }

    @Test
    void aQuarterlyReviewRecursFromItsFirstDueDateWithoutDriftingAndStopsAtTheEnd() {
        History reviewed = tenYearsWithQuarterlyReviews();

        assertThat(between(reviewed, "2019-01-01", "2019-12-31")).containsExactly(
                "2019-03-30 REVIEW_POINT", "2019-06-30 REVIEW_POINT", "2019-09-30 REVIEW_POINT", "2019-12-30 REVIEW_POINT");
        assertThat(between(reviewed, "2028-01-01", "2030-12-31"))
                .containsExactly("2028-03-30 REVIEW_POINT", "2028-03-31 END_OF_TERM");
        KeyDateSchedule schedule = ContractKeyDates.of(reviewed.timeline());
        assertThat(schedule.series()).singleElement().satisfies(series -> assertThat(series.lastIndex()).isEqualTo(39));
        assertThat(only(reviewed, "2019-03-30", "2019-03-30").detail())
                .isEqualTo("Performance review R1: Quarterly performance review (every P3M, occurrence 4)");
    }

    @Test
    void aCompletedOccurrenceSaysWhenItWasCompleted() {
        History reviewed = tenYearsWithQuarterlyReviews();
        History completed = reviewed.apply(reviewed.timeline().completeReviewPoint("R1", date("2018-07-05"), "Fine"));

        assertThat(only(completed, "2018-06-30", "2018-06-30").detail()).isEqualTo(
                "Performance review R1: Quarterly performance review (every P3M, occurrence 1); completed on 2018-07-05");
        assertThat(between(completed, "2018-01-01", "2018-12-31"))
                .containsExactly("2018-06-30 REVIEW_POINT", "2018-09-30 REVIEW_POINT", "2018-12-30 REVIEW_POINT");
    }

    @Test
    void aTerminationStopsTheRecurringReviews() {
        History terminated = tenYearsWithQuarterlyReviews().terminate("2020-01-01");

        assertThat(between(terminated, "2019-10-01", "2030-12-31"))
                .containsExactly("2019-12-30 REVIEW_POINT", "2020-01-01 TERMINATION_EFFECTIVE");
    }
}
