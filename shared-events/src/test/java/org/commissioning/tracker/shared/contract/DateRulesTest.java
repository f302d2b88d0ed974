package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;

import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md's "Date arithmetic", worked by hand. */
class DateRulesTest {

    @Test
    void aFiveYearTermFromFirstOctoberEndsOnThirtiethSeptember() {
        assertThat(DateRules.lastDayOfTerm(date("2015-10-01"), period("P5Y"))).isEqualTo(date("2020-09-30"));
    }

    @Test
    void addingMonthsClampsToTheLastDayOfTheMonth() {
        // 2016-11-30 + P3M = 2017-02-28, so a term of P3M from 2016-11-30 ends the day before
        assertThat(DateRules.lastDayOfTerm(date("2016-11-30"), period("P3M"))).isEqualTo(date("2017-02-27"));
    }

    @Test
    void aNoticeDeadlineIsTheNoticePeriodBeforeTheDateItProtects() {
        assertThat(DateRules.noticeDeadline(date("2022-10-01"), period("P3M"))).isEqualTo(date("2022-07-01"));
    }

    @Test
    void withoutANoticePeriodTheDeadlineIsTheDayBefore() {
        assertThat(DateRules.noticeDeadline(date("2022-10-01"), null)).isEqualTo(date("2022-09-30"));
        assertThat(DateRules.noticeDeadline(date("2022-10-01"), Period.ZERO)).isEqualTo(date("2022-09-30"));
    }

    @Test
    void periodsAreShownWithMonthsFoldedIntoYears() {
        assertThat(DateRules.normalized(period("P7Y").minus(period("P2Y")))).isEqualTo(period("P5Y"));
        assertThat(DateRules.normalized(period("P18M"))).isEqualTo(period("P1Y6M"));
    }

    @Test
    void trancheExtensionsAcrossALeapDayEndWhereTheWholeOptionWould() {
        // initial end 2020-02-28, so extensions are appended from 29 February 2020:
        // the first tranche ends 2020-02-29 + P2Y − 1 day = 2022-02-27; the second, anchored, ends
        // 2020-02-29 + P4Y − 1 day = 2024-02-28, where chaining from 2022-02-28 + P2Y would give 2024-02-27
        ContractTerms terms = new ContractTerms(date("2016-03-01"), null, date("2020-02-28"),
                List.of(ExtensionOption.of(period("P4Y"))), null, null);
        History history = History.registered("LEAP", "2016-03-01", terms).extend("P2Y", "2019-06-01");
        ExtensionOptionExercised first = (ExtensionOptionExercised) history.timeline().events().get(1);
        History both = history.extend("P2Y", "2019-06-01");
        ExtensionOptionExercised second = (ExtensionOptionExercised) both.timeline().events().get(2);

        assertThat(first.newEndDate()).isEqualTo(date("2022-02-27"));
        assertThat(second.previousEndDate()).isEqualTo(date("2022-02-27"));
        assertThat(second.newEndDate()).isEqualTo(date("2024-02-28"));
        assertThat(both.asOf("2024-02-28").status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(both.asOf("2024-02-29").status()).isEqualTo(ContractStatus.EXPIRED);
    }

    @Test
    void monthlyRollingRenewalsFromTheThirtyFirstKeepToTheMonthEnd() {
        // first renewal point 2021-01-31; points every month from it: 2021-02-28, 2021-03-31, 2021-04-30
        ContractTerms terms = new ContractTerms(date("2020-12-31"), period("P1M"), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, period("P1M"), null, null, null), null);
        ContractTimeline timeline = History.registered("MONTHLY", "2020-12-31", terms).timeline();

        assertThat(timeline.automaticRenewals(date("2021-04-30")))
                .extracting(DerivedRenewal::renewalPoint, DerivedRenewal::newEndDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(date("2021-01-31"), date("2021-02-27")),
                        org.assertj.core.groups.Tuple.tuple(date("2021-02-28"), date("2021-03-30")),
                        org.assertj.core.groups.Tuple.tuple(date("2021-03-31"), date("2021-04-29")),
                        org.assertj.core.groups.Tuple.tuple(date("2021-04-30"), date("2021-05-30")));
        assertThat(timeline.asOf(date("2021-03-30")).nonRenewalNoticeDeadline()).isEqualTo(date("2021-03-30"));
    }
}
