package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import java.util.List;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** A section 75 pooled-budget agreement for a year, renewed annually by agreement, at most twice. */
class ByAgreementRenewalTest {

    static final ContractTerms TERMS = new ContractTerms(date("2017-04-01"), period("P1Y"), null, List.of(),
            new RenewalRule(RenewalMode.BY_AGREEMENT, period("P1Y"), null, period("P3M"), 2), null);

    static History section75() {
        return History.registered("S75-POOL", "2017-03-15", TERMS);
    }

    @Test
    void itsMaximumEndIsTheInitialYearPlusTwoRenewals() {
        ContractState state = section75().asOf("2017-04-01");

        assertThat(state.endDate()).isEqualTo(date("2018-03-31"));
        assertThat(state.maximumEndDate()).isEqualTo(date("2020-03-31"));
        assertThat(state.nextRenewalPoint()).isEqualTo(date("2018-04-01"));
        assertThat(state.nonRenewalNoticeDeadline()).isEqualTo(date("2018-01-01"));
    }

    @Test
    void aRenewalAgreedBeforeTheEndAddsAYearFromTheRenewalPoint() {
        History history = section75().renew("2018-02-20");
        ContractRenewed renewed = (ContractRenewed) history.timeline().events().get(1);

        assertThat(renewed.renewalNumber()).isEqualTo(1);
        assertThat(renewed.renewalPoint()).isEqualTo(date("2018-04-01"));
        assertThat(renewed.newEndDate()).isEqualTo(date("2019-03-31"));
        ContractState agreed = history.asOf("2018-03-01");
        assertThat(agreed.endDate()).isEqualTo(date("2019-03-31"));
        assertThat(agreed.phase()).isEqualTo(ContractPhase.INITIAL_TERM);
        assertThat(agreed.nextRenewalPoint()).isEqualTo(date("2018-04-01"));
        assertThat(agreed.renewalsTaken()).isEqualTo(1);
        ContractState renewedState = history.asOf("2018-04-01");
        assertThat(renewedState.phase()).isEqualTo(ContractPhase.RENEWED);
        assertThat(renewedState.nextRenewalPoint()).isEqualTo(date("2019-04-01"));
    }

    @Test
    void withoutARecordedRenewalItExpiresAtTheEndOfTheTerm() {
        assertThat(section75().asOf("2018-04-01").status()).isEqualTo(ContractStatus.EXPIRED);

        RuleViolation violation = rejected(() -> section75().timeline().renew(date("2018-04-01")),
                Rejection.CONTRACT_EXPIRED);
        assertThat(violation.getMessage()).contains("2018-03-31");
    }

    @Test
    void renewingTwiceForTheSameRenewalPointIsRejected() {
        History history = section75().renew("2018-02-20");

        RuleViolation violation = rejected(() -> history.timeline().renew(date("2018-03-01")), Rejection.ALREADY_RENEWED);
        assertThat(violation.getMessage()).contains("2018-04-01");
    }

    @Test
    void onceMaxRenewalsAreTakenThereIsNoFurtherRenewalPoint() {
        History history = section75().renew("2018-02-20").renew("2019-03-01");

        assertThat(((ContractRenewed) history.timeline().events().get(2)).newEndDate()).isEqualTo(date("2020-03-31"));
        assertThat(history.asOf("2019-04-02").nextRenewalPoint()).isNull();
        assertThat(history.asOf("2019-04-02").nonRenewalNoticeDeadline()).isNull();
        RuleViolation violation = rejected(() -> history.timeline().renew(date("2019-04-02")),
                Rejection.NOT_A_RENEWAL_POINT);
        assertThat(violation.getMessage()).contains("2", "2020-03-31");
        assertThat(history.asOf("2020-03-31").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(history.asOf("2020-04-01").status()).isEqualTo(ContractStatus.EXPIRED);
        // 2017-04-01..2020-03-31: 3 × 365 + 29 February 2020
        assertThat(history.timeline().totalDaysInForce()).hasValue(1_096);
    }

    @Test
    void aNonRenewalNoticeInTimeDeclinesTheComingRenewal() {
        History history = section75().nonRenewal("2017-12-01");
        NoticeServed notice = (NoticeServed) history.timeline().events().get(1);

        assertThat(notice.takesEffectOn()).isEqualTo(date("2018-04-01"));
        assertThat(notice.endsOn()).isEqualTo(date("2018-03-31"));
        assertThat(history.asOf("2018-02-01").runOff()).isTrue();
        assertThat(history.asOf("2018-02-01").nextRenewalPoint()).isNull();
        RuleViolation violation = rejected(() -> history.timeline().renew(date("2018-02-01")),
                Rejection.RENEWAL_DECLINED);
        assertThat(violation.getMessage()).contains("2017-12-01", "2018-04-01");
    }

    @Test
    void aNonRenewalNoticeAfterTheDeadlineIsTooShort() {
        RuleViolation violation = rejected(() -> section75().timeline()
                .serveNotice(NoticeKind.NON_RENEWAL, date("2018-01-02"), "The council", null), Rejection.NOTICE_TOO_SHORT);

        assertThat(violation.getMessage()).contains("2018-01-01", "2018-04-01");
    }
}
