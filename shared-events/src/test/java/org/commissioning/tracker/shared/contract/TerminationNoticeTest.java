package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import java.util.List;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** A contract that may be ended on three months' notice. */
class TerminationNoticeTest {

    static final ContractTerms TERMS = new ContractTerms(date("2016-04-01"), period("P3Y"), null, List.of(), null,
            period("P3M"));

    static History contract() {
        return History.registered("NOTICE-3M", "2016-03-07", TERMS);
    }

    @Test
    void aNoticeServedInTimeEndsTheContractOnTheDateItNames() {
        History history = contract().terminationNotice("2017-05-10", "2017-08-10");
        NoticeServed notice = (NoticeServed) history.timeline().events().get(1);

        assertThat(notice.endsOn()).isEqualTo(date("2017-08-09"));
        ContractState served = history.asOf("2017-05-10");
        assertThat(served.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(served.endDate()).isEqualTo(date("2017-08-09"));
        assertThat(served.terminationEffectiveOn()).isEqualTo(date("2017-08-10"));
        assertThat(served.noticeServed())
                .isEqualTo(new NoticeInForce(NoticeKind.TERMINATION, date("2017-05-10"), date("2017-08-10")));
        assertThat(history.asOf("2017-05-09").endDate()).isEqualTo(date("2019-03-31"));
        assertThat(history.asOf("2017-08-09").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(history.asOf("2017-08-10").status()).isEqualTo(ContractStatus.TERMINATED);
        // 2016-04-01..2017-03-31 is 365 days; then April to July 122 and 9 days of August
        assertThat(history.timeline().totalDaysInForce()).hasValue(496);
    }

    @Test
    void aNoticeShorterThanTheNoticePeriodIsRejectedNamingTheEarliestDate() {
        RuleViolation violation = rejected(() -> contract().timeline()
                        .serveNotice(NoticeKind.TERMINATION, date("2017-05-10"), "The provider", date("2017-08-09")),
                Rejection.NOTICE_TOO_SHORT);

        assertThat(violation.getMessage()).contains("2017-08-10", "P3M");
    }

    @Test
    void aNoticeForADateAfterTheContractWouldHaveEndedIsRejectedNamingTheEnd() {
        RuleViolation violation = rejected(() -> contract().timeline()
                        .serveNotice(NoticeKind.TERMINATION, date("2017-05-10"), "The provider", date("2019-04-02")),
                Rejection.CONTRACT_EXPIRED);
        assertThat(violation.getMessage()).contains("2019-03-31");

        History atTheEnd = contract().terminationNotice("2017-05-10", "2019-04-01");
        assertThat(atTheEnd.asOf("2019-03-31").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(atTheEnd.asOf("2019-04-01").status()).isEqualTo(ContractStatus.TERMINATED);
    }

    @Test
    void aSecondTerminationNoticeIsRejected() {
        History history = contract().terminationNotice("2017-05-10", "2017-08-10");

        rejected(() -> history.timeline().serveNotice(NoticeKind.TERMINATION, date("2017-05-11"), "The commissioner",
                date("2017-09-01")), Rejection.NOTICE_ALREADY_SERVED);
    }

    @Test
    void anImmediateTerminationMayComeBeforeTheNoticeTakesEffectButNotAfter() {
        History history = contract().terminationNotice("2017-05-10", "2017-08-10");

        History early = history.terminate("2017-07-01");
        assertThat(early.asOf("2017-07-01").status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(early.asOf("2017-07-01").terminationEffectiveOn()).isEqualTo(date("2017-07-01"));
        assertThat(early.asOf("2017-07-01").endDate()).isEqualTo(date("2017-06-30"));
        rejected(() -> history.timeline().terminate(date("2017-08-10"), "The commissioner", null),
                Rejection.CONTRACT_TERMINATED);
    }

    @Test
    void aTerminationNoticeStopsTheAutomaticRenewalsFromTheDateItTakesEffect() {
        ContractTerms torbayWithNotice = new ContractTerms(date("2015-10-01"), period("P5Y"), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), period("P3Y"), period("P3M"), null), period("P6M"));
        History history = History.registered("TORBAY-ICO", "2015-10-01", torbayWithNotice)
                .terminationNotice("2022-01-10", "2023-01-01");

        ContractState served = history.asOf("2022-01-10");
        assertThat(served.endDate()).isEqualTo(date("2022-12-31"));
        assertThat(served.nextRenewalPoint()).isEqualTo(date("2022-10-01"));
        assertThat(history.asOf("2022-10-01").nextRenewalPoint()).isNull();
        assertThat(history.asOf("2023-01-01").status()).isEqualTo(ContractStatus.TERMINATED);
        assertThat(history.timeline().automaticRenewals(date("2030-01-01")))
                .extracting(DerivedRenewal::renewalPoint)
                .containsExactly(date("2020-10-01"), date("2021-10-01"), date("2022-10-01"));
        // 2015-10-01..2022-09-30: 7 × 365 + 2 leap days; then October to December 2022: 92 days
        assertThat(history.timeline().totalDaysInForce()).hasValue(2_649);
    }
}
