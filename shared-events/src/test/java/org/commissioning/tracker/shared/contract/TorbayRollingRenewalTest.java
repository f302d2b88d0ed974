package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import java.util.List;
import org.commissioning.tracker.shared.Rejection;
import org.junit.jupiter.api.Test;

/** EXAMPLES.md section 1: an initial term of 5 years, then a 3-year contract renewed annually on a rolling basis. */
class TorbayRollingRenewalTest {

    static final ContractTerms TERMS = new ContractTerms(date("2015-10-01"), period("P5Y"), null, List.of(),
            new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), period("P3Y"), period("P3M"), null), null);

    static History torbay() {
        return History.registered("TORBAY-ICO", "2015-10-01", TERMS).commence("2015-10-01");
    }

    @Test
    void inItsInitialTermItEndsFiveYearsLessADayAfterItStartedWithNoMaximumEnd() {
        ContractState state = torbay().asOf("2018-06-01");

        assertThat(state.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(state.phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(state.endDate()).isEqualTo(date("2020-09-30"));
        assertThat(state.maximumEndDate()).isNull();
        assertThat(state.commencedOn()).isEqualTo(date("2015-10-01"));
    }

    @Test
    void onTheLastDayOfTheInitialTermTheEndHasNotYetMoved() {
        ContractState state = torbay().asOf("2020-09-30");

        assertThat(state.phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(state.endDate()).isEqualTo(date("2020-09-30"));
        assertThat(state.nextRenewalPoint()).isEqualTo(date("2020-10-01"));
        assertThat(state.renewalsTaken()).isZero();
    }

    @Test
    void atTheFirstRenewalPointItRenewsAutomaticallyForThreeYears() {
        ContractState state = torbay().asOf("2020-10-01");

        assertThat(state.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(state.phase()).isEqualTo(ContractPhase.ROLLING_RENEWAL);
        assertThat(state.endDate()).isEqualTo(date("2023-09-30"));
        assertThat(state.renewalsTaken()).isEqualTo(1);
        assertThat(state.nextRenewalPoint()).isEqualTo(date("2021-10-01"));
    }

    @Test
    void aYearLaterTheEndRollsOnByAnotherYear() {
        assertThat(torbay().asOf("2021-10-01").endDate()).isEqualTo(date("2024-09-30"));
    }

    @Test
    void theNonRenewalNoticeDeadlineIsThreeMonthsBeforeTheComingRenewalPoint() {
        ContractState state = torbay().asOf("2022-06-01");

        assertThat(state.nextRenewalPoint()).isEqualTo(date("2022-10-01"));
        assertThat(state.nonRenewalNoticeDeadline()).isEqualTo(date("2022-07-01"));
    }

    @Test
    void withNothingMoreRecordedItKeepsRollingOn() {
        ContractState state = torbay().asOf("2026-11-22");

        assertThat(state.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(state.endDate()).isEqualTo(date("2029-09-30"));
        assertThat(state.nextRenewalPoint()).isEqualTo(date("2027-10-01"));
        assertThat(state.nonRenewalNoticeDeadline()).isEqualTo(date("2027-07-01"));
        assertThat(state.runOff()).isFalse();
        assertThat(torbay().timeline().totalDaysInForce()).isEmpty();
    }

    @Test
    void theHistoryShowsTheAutomaticRenewalsAsDerived() {
        List<DerivedRenewal> renewals = torbay().timeline().automaticRenewals(date("2022-09-30"));

        assertThat(renewals).containsExactly(
                new DerivedRenewal(date("2020-10-01"), 1, date("2020-09-30"), date("2023-09-30")),
                new DerivedRenewal(date("2021-10-01"), 2, date("2023-09-30"), date("2024-09-30")));
    }

    @Test
    void aNonRenewalNoticeInTimeStopsTheNextRenewalAndTheContractRunsOff() {
        History history = torbay().nonRenewal("2022-06-15");
        NoticeServed notice = (NoticeServed) history.timeline().events().get(2);

        assertThat(notice.takesEffectOn()).isEqualTo(date("2022-10-01"));
        assertThat(notice.endsOn()).isEqualTo(date("2024-09-30"));
        ContractState lastDay = history.asOf("2024-09-30");
        assertThat(lastDay.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(lastDay.runOff()).isTrue();
        assertThat(lastDay.nextRenewalPoint()).isNull();
        assertThat(lastDay.nonRenewalNoticeDeadline()).isNull();
        assertThat(lastDay.noticeServed())
                .isEqualTo(new NoticeInForce(NoticeKind.NON_RENEWAL, date("2022-06-15"), date("2022-10-01")));
        assertThat(history.asOf("2022-10-01").endDate()).isEqualTo(date("2024-09-30"));
        assertThat(history.asOf("2024-10-01").status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(history.asOf("2024-10-01").runOff()).isFalse();
        assertThat(history.timeline().totalDaysInForce()).hasValue(3_288);
        assertThat(history.timeline().durations(date("2030-01-01")).daysInForce()).isEqualTo(3_288);
        assertThat(history.timeline().automaticRenewals(date("2030-01-01"))).hasSize(2);
    }

    @Test
    void aNonRenewalNoticeADayLateLetsTheNextRenewalHappenAndStopsTheOneAfter() {
        History history = torbay().nonRenewal("2022-07-02");
        NoticeServed notice = (NoticeServed) history.timeline().events().get(2);

        assertThat(notice.takesEffectOn()).isEqualTo(date("2023-10-01"));
        assertThat(notice.endsOn()).isEqualTo(date("2025-09-30"));
        assertThat(history.asOf("2022-07-02").nextRenewalPoint()).isEqualTo(date("2022-10-01"));
        assertThat(history.asOf("2022-07-02").nonRenewalNoticeDeadline()).isNull();
        assertThat(history.asOf("2022-10-01").endDate()).isEqualTo(date("2025-09-30"));
        assertThat(history.asOf("2022-10-01").nextRenewalPoint()).isNull();
        assertThat(history.asOf("2025-09-30").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(history.asOf("2025-10-01").status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(history.timeline().totalDaysInForce()).hasValue(3_653);
        assertThat(history.timeline().automaticRenewals(date("2030-01-01")))
                .extracting(DerivedRenewal::renewalPoint)
                .containsExactly(date("2020-10-01"), date("2021-10-01"), date("2022-10-01"));
    }

    @Test
    void durationsSplitTheDaysInForceIntoTheInitialTermAndTheRollingRenewal() {
        Durations durations = torbay().nonRenewal("2022-06-15").timeline().durations(date("2024-10-01"));

        // 2015-10-01..2020-09-30: 5 × 365 + 2 leap days (2016, 2020); 2020-10-01..2024-09-30: 4 × 365 + 1 (2024)
        assertThat(durations.periods()).containsExactly(
                new StatePeriod(ContractStatus.ACTIVE, ContractPhase.INITIAL_TERM, date("2015-10-01"), date("2020-10-01"), 1_827),
                new StatePeriod(ContractStatus.ACTIVE, ContractPhase.ROLLING_RENEWAL, date("2020-10-01"), date("2024-10-01"), 1_461),
                new StatePeriod(ContractStatus.EXPIRED, null, date("2024-10-01"), null, 1));
        assertThat(durations.daysInForce()).isEqualTo(3_288);
    }

    @Test
    void aRenewalCommandIsRejectedBecauseRenewalIsAutomatic() {
        rejected(() -> torbay().timeline().renew(date("2022-06-01")), Rejection.RENEWAL_IS_AUTOMATIC);
    }

    @Test
    void anExtensionIsRejectedBecauseTheTermsHaveNoOption() {
        rejected(() -> torbay().timeline().exerciseExtension(period("P1Y"), date("2022-06-01")),
                Rejection.NO_EXTENSION_OPTION);
    }
}
