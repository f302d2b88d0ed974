package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import java.math.BigDecimal;
import java.util.List;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rejection code the contract's decisions can give, each naming the facts in its message. */
class RejectionsTest {

    static History torbay() {
        return TorbayRollingRenewalTest.torbay();
    }

    static History alliance() {
        return MidNottinghamshireExtensionTest.alliance();
    }

    /** Start 2020-01-01 for two years; one option of a year, decided six months before the end. */
    static History withNoticedOption() {
        ContractTerms terms = new ContractTerms(date("2020-01-01"), period("P2Y"), null,
                List.of(new ExtensionOption(period("P1Y"), period("P6M"))), null, null);
        return History.registered("NOTICED-OPTION", "2019-12-01", terms);
    }

    @Nested
    class Ordering {

        @Test
        void outOfOrderIsCheckedBeforeTheContractIsFoundEnded() {
            History history = UnitingCareTerminationTest.contract().terminate("2015-12-01");

            RuleViolation violation = rejected(() -> history.timeline().vary(date("2015-11-01"), null, "Late variation"),
                    Rejection.OUT_OF_ORDER);
            assertThat(violation.getMessage()).contains("2015-11-01", "2015-12-01");
        }

        @Test
        void commencementBeforeTheAwardIsCheckedBeforeOutOfOrder() {
            History history = UnitingCareTerminationTest.contract().terminate("2015-12-01");

            RuleViolation violation = rejected(() -> history.timeline().commence(date("2014-09-01")),
                    Rejection.COMMENCEMENT_BEFORE_AWARD);
            assertThat(violation.getMessage()).contains("2014-09-01", "2014-10-01");
        }
    }

    @Test
    void contractExpiredNamesTheEnd() {
        RuleViolation violation = rejected(() -> alliance().timeline().vary(date("2019-04-01"), null, "After the end"),
                Rejection.CONTRACT_EXPIRED);
        assertThat(violation.getMessage()).contains("2019-03-31");
    }

    @Test
    void contractTerminatedNamesTheTerminationDate() {
        History history = UnitingCareTerminationTest.contract().terminate("2015-12-01");

        RuleViolation violation = rejected(() -> history.timeline().scheduleReviewPoint(date("2016-01-01"),
                date("2016-02-01"), ReviewKind.CONTRACT_REVIEW, "Review", null), Rejection.CONTRACT_TERMINATED);
        assertThat(violation.getMessage()).contains("2015-12-01");
    }

    @Test
    void terminatingAfterTheDayFollowingTheEndIsRejectedAsExpired() {
        History contract = History.registered("UC-OPA", "2014-10-01", History.terms("2015-04-01", "P5Y"));

        assertThat(contract.timeline().terminate(date("2020-04-01"), "The provider", null).effectiveOn())
                .isEqualTo(date("2020-04-01"));
        RuleViolation violation = rejected(() -> contract.timeline().terminate(date("2020-04-02"), "The provider", null),
                Rejection.CONTRACT_EXPIRED);
        assertThat(violation.getMessage()).contains("2020-03-31");
    }

    @Test
    void noExtensionOption() {
        RuleViolation violation = rejected(() -> torbay().timeline().exerciseExtension(period("P1Y"), date("2016-01-01")),
                Rejection.NO_EXTENSION_OPTION);
        assertThat(violation.getMessage()).contains("2020-09-30");
    }

    @Test
    void extensionOptionExhausted() {
        History history = withNoticedOption().extend("P1Y", "2021-06-01");

        RuleViolation violation = rejected(() -> history.timeline().exerciseExtension(period("P1M"), date("2021-06-02")),
                Rejection.EXTENSION_OPTION_EXHAUSTED);
        assertThat(violation.getMessage()).contains("2022-12-31");
    }

    @Test
    void extensionExceedsOption() {
        RuleViolation violation = rejected(() -> withNoticedOption().timeline()
                .exerciseExtension(period("P13M"), date("2021-06-01")), Rejection.EXTENSION_EXCEEDS_OPTION);
        assertThat(violation.getMessage()).contains("2023-01-31", "2022-12-31", "P1Y");
    }

    @Test
    void extensionDeadlinePassedTheDayAfterTheNoticeDeadline() {
        History option = withNoticedOption();
        assertThat(option.asOf("2021-07-01").extensionDecisionDeadline()).isEqualTo(date("2021-07-01"));
        assertThat(option.asOf("2021-07-02").extensionDecisionDeadline()).isNull();
        assertThat(option.asOf("2021-07-02").extensionRemaining()).isNull();

        RuleViolation violation = rejected(() -> option.timeline().exerciseExtension(period("P1Y"), date("2021-07-02")),
                Rejection.EXTENSION_DEADLINE_PASSED);
        assertThat(violation.getMessage()).contains("2021-07-01", "2021-07-02");
        assertThat(option.timeline().exerciseExtension(period("P1Y"), date("2021-07-01")).newEndDate())
                .isEqualTo(date("2022-12-31"));
    }

    @Test
    void extensionDeadlinePassedOnceTheContractHasRenewed() {
        ContractTerms terms = new ContractTerms(date("2020-01-01"), period("P1Y"), null,
                List.of(ExtensionOption.of(period("P1Y"))),
                new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), null, null, null), null);
        History history = History.registered("OPTION-THEN-ROLLING", "2020-01-01", terms);

        assertThat(history.asOf("2021-01-01").extensionRemaining()).isNull();
        RuleViolation violation = rejected(() -> history.timeline().exerciseExtension(period("P1Y"), date("2021-02-01")),
                Rejection.EXTENSION_DEADLINE_PASSED);
        assertThat(violation.getMessage()).contains("2021-01-01");
    }

    @Test
    void noRenewalRule() {
        rejected(() -> alliance().timeline().renew(date("2018-01-01")), Rejection.NO_RENEWAL_RULE);
        rejected(() -> alliance().timeline().serveNotice(NoticeKind.NON_RENEWAL, date("2018-01-01"), "A CCG", null),
                Rejection.NO_RENEWAL_RULE);
    }

    @Test
    void renewalIsAutomatic() {
        RuleViolation violation = rejected(() -> torbay().timeline().renew(date("2022-06-01")),
                Rejection.RENEWAL_IS_AUTOMATIC);
        assertThat(violation.getMessage()).contains("2022-10-01", "2022-07-01");
    }

    @Test
    void renewalDeclined() {
        History history = ByAgreementRenewalTest.section75().nonRenewal("2017-12-01");

        rejected(() -> history.timeline().renew(date("2018-03-01")), Rejection.RENEWAL_DECLINED);
    }

    @Test
    void alreadyRenewed() {
        History history = ByAgreementRenewalTest.section75().renew("2018-01-10");

        RuleViolation violation = rejected(() -> history.timeline().renew(date("2018-01-11")), Rejection.ALREADY_RENEWED);
        assertThat(violation.getMessage()).contains("2018-04-01", "2018-01-10");
    }

    @Test
    void notARenewalPointWhenTheNoticeNamesADateThatIsNotOne() {
        RuleViolation violation = rejected(() -> torbay().timeline()
                        .serveNotice(NoticeKind.NON_RENEWAL, date("2022-06-15"), "A CCG", date("2022-11-01")),
                Rejection.NOT_A_RENEWAL_POINT);
        assertThat(violation.getMessage()).contains("2022-11-01", "2022-10-01");
    }

    @Test
    void notARenewalPointWhenAutomaticRenewalsAreUsedUp() {
        ContractTerms terms = new ContractTerms(date("2020-01-01"), period("P1Y"), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, period("P1Y"), null, period("P1M"), 2), null);
        History history = History.registered("TWO-ROLLS", "2020-01-01", terms);

        assertThat(history.asOf("2022-06-01").endDate()).isEqualTo(date("2022-12-31"));
        assertThat(history.asOf("2022-06-01").maximumEndDate()).isEqualTo(date("2022-12-31"));
        assertThat(history.asOf("2022-06-01").nextRenewalPoint()).isNull();
        RuleViolation violation = rejected(() -> history.timeline()
                .serveNotice(NoticeKind.NON_RENEWAL, date("2022-06-01"), "A CCG", null), Rejection.NOT_A_RENEWAL_POINT);
        assertThat(violation.getMessage()).contains("2");
    }

    @Test
    void noticeTooShortForANamedRenewalPointNamesItsDeadline() {
        RuleViolation violation = rejected(() -> torbay().timeline()
                        .serveNotice(NoticeKind.NON_RENEWAL, date("2022-07-02"), "A CCG", date("2022-10-01")),
                Rejection.NOTICE_TOO_SHORT);
        assertThat(violation.getMessage()).contains("2022-07-01", "2022-10-01");
    }

    @Test
    void noticeAlreadyServed() {
        History history = torbay().nonRenewal("2022-06-15");

        RuleViolation violation = rejected(() -> history.timeline()
                .serveNotice(NoticeKind.NON_RENEWAL, date("2022-06-20"), "Torbay Council", null), Rejection.NOTICE_ALREADY_SERVED);
        assertThat(violation.getMessage()).contains("2022-06-15");
    }

    @Test
    void alreadyCommenced() {
        RuleViolation violation = rejected(() -> torbay().timeline().commence(date("2016-01-01")),
                Rejection.ALREADY_COMMENCED);
        assertThat(violation.getMessage()).contains("2015-10-01");
    }

    @Test
    void aVariationFoldsItsValueChangeIntoTheValue() {
        ContractVaried varied = torbay().timeline().vary(date("2016-01-01"), Money.gbp("250000.50"), "More beds");
        History history = torbay().apply(varied);

        assertThat(varied.newValue()).isEqualTo(Money.gbp("1250000.50"));
        assertThat(history.asOf("2016-01-01").value()).isEqualTo(Money.gbp("1250000.50"));
        assertThat(history.asOf("2015-12-31").value()).isEqualTo(Money.gbp("1000000.00"));
    }

    @Test
    void aValueChangeInAnotherCurrencyIsMalformedInput() {
        assertThatThrownBy(() -> torbay().timeline()
                .vary(date("2016-01-01"), new Money(new BigDecimal("10.00"), "EUR"), "In euros"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("valueChange.currency"));
    }
}
