package org.commissioning.tracker.query.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractStatus;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.junit.jupiter.api.Test;

/**
 * The register's state periods agree with the shared date rules on every single day: for each history, the period
 * covering a date shows the status, phase and end date that folding the contract as of that date gives.
 */
class StatePeriodsTest {

    static final LocalDate FIRST = LocalDate.parse("1995-01-01");
    static final LocalDate LAST = LocalDate.parse("2045-12-31");

    @Test
    void anUnboundedRollingRenewalIsCoveredTwentyYearsPastItsLastFixedDateThenLeftToTheFold() {
        ContractTimeline torbay = ContractTimeline.of(registered("TORBAY", "2015-10-01", new ContractTerms(
                date("2015-10-01"), Period.ofYears(5), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, Period.ofYears(1), Period.ofYears(3), Period.ofMonths(3), null),
                null)));
        StatePeriods.Result result = agreesOnEveryDay(torbay);
        // NOT_YET_AWARDED, INITIAL_TERM, then one period per renewal (each moves the end date by a year): the last date
        // the events fix is the day after the initial term, 2020-10-01; twenty years on, 2040-10-01, is still a renewal
        // point covered, the next one (2041-10-01) is not: renewals from 2020 to 2040 are 21 periods, 23 in all
        assertThat(result.periods()).hasSize(23);
        assertThat(result.periods().get(1).from()).isEqualTo(date("2015-10-01"));
        assertThat(result.periods().get(2).from()).isEqualTo(date("2020-10-01"));
        assertThat(result.periods().get(2).endDate()).isEqualTo(date("2023-09-30"));
        assertThat(result.periods().get(3).from()).isEqualTo(date("2021-10-01"));
        assertThat(result.periods().get(3).endDate()).isEqualTo(date("2024-09-30"));
        assertThat(result.until()).isEqualTo(date("2041-10-01"));
        assertThat(result.periods().getLast().to()).isEqualTo(result.until());
    }

    @Test
    void aNonRenewalNoticeEndsTheRollingRenewalsAndThePeriodsCoverEveryDate() {
        ContractTimeline torbay = ContractTimeline.of(registered("TORBAY", "2015-10-01", new ContractTerms(
                date("2015-10-01"), Period.ofYears(5), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, Period.ofYears(1), Period.ofYears(3), Period.ofMonths(3), null),
                null)));
        torbay = torbay.with(torbay.serveNotice(NoticeKind.NON_RENEWAL, date("2022-06-15"), "The CCG", null));
        StatePeriods.Result result = agreesOnEveryDay(torbay);
        assertThat(result.until()).isNull();
        StatePeriods.Period last = result.periods().getLast();
        assertThat(last.status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(last.from()).isEqualTo(date("2024-10-01"));
        assertThat(last.to()).isNull();
    }

    @Test
    void anOptionTakenInTranchesMovesTheEndAtEachExercise() {
        ContractTimeline midNotts = ContractTimeline.of(registered("MIDNOTTS", "2016-03-07", new ContractTerms(
                date("2016-04-01"), Period.ofYears(3), null, List.of(ExtensionOption.of(Period.ofYears(7))), null,
                null)));
        midNotts = midNotts.with(midNotts.exerciseExtension(Period.ofYears(2), date("2019-01-15")));
        midNotts = midNotts.with(midNotts.exerciseExtension(Period.ofYears(5), date("2021-01-15")));
        StatePeriods.Result result = agreesOnEveryDay(midNotts);
        assertThat(result.periods()).extracting(StatePeriods.Period::from).containsExactly(
                StatePeriods.EARLIEST, date("2016-03-07"), date("2016-04-01"), date("2019-01-15"),
                date("2019-04-01"), date("2021-01-15"), date("2026-04-01"));
    }

    @Test
    void aTerminationNoticeAndReviewPointsAndVariations() {
        ContractTimeline contract = ContractTimeline.of(registered("NOTICE", "2016-01-10", new ContractTerms(
                date("2016-02-01"), null, date("2021-01-31"), List.of(new ExtensionOption(Period.ofYears(1),
                Period.ofMonths(6))), null, Period.ofMonths(6))));
        contract = contract.with(contract.scheduleReviewPoint(date("2016-02-01"), date("2016-08-01"),
                ReviewKind.PERFORMANCE_REVIEW, "Quarterly performance", Period.ofMonths(3)));
        contract = contract.with(contract.vary(date("2016-05-01"), Money.gbp("250000.00"), "More beds"));
        contract = contract.with(contract.serveNotice(NoticeKind.TERMINATION, date("2017-01-10"), "The council",
                date("2017-08-01")));
        agreesOnEveryDay(contract);
    }

    @Test
    void renewalsByAgreementAndAnAwardAfterTheStart() {
        ContractTimeline s75 = ContractTimeline.of(registered("S75", "2018-05-01", new ContractTerms(
                date("2018-04-01"), Period.ofYears(1), null, List.of(),
                new RenewalRule(RenewalMode.BY_AGREEMENT, Period.ofYears(1), null, Period.ofMonths(1), 3), null)));
        s75 = s75.with(s75.renew(date("2019-02-01")));
        s75 = s75.with(s75.renew(date("2020-03-31")));
        StatePeriods.Result result = agreesOnEveryDay(s75);
        assertThat(result.until()).isNull();
    }

    @Test
    void anImmediateTerminationAndAMonthlyRollingRenewalFromTheEndOfAMonth() {
        ContractTimeline uc = ContractTimeline.of(registered("UC", "2014-10-01", new ContractTerms(
                date("2015-04-01"), Period.ofYears(5), null, List.of(), null, null)));
        uc = uc.with(uc.terminate(date("2015-12-01"), "UnitingCare Partnership", Money.gbp("16000000.00")));
        agreesOnEveryDay(uc);

        ContractTimeline monthly = ContractTimeline.of(registered("MONTHLY", "2020-01-31", new ContractTerms(
                date("2020-01-31"), Period.ofMonths(1), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, Period.ofMonths(1), null, null, null), null)));
        StatePeriods.Result result = agreesOnEveryDay(monthly);
        assertThat(result.until()).isNotNull();
    }

    /** Every day from 1995 to 2045: the period covering it shows what the fold shows; none covers a day past until. */
    static StatePeriods.Result agreesOnEveryDay(ContractTimeline timeline) {
        StatePeriods.Result result = StatePeriods.of(timeline);
        for (int i = 1; i < result.periods().size(); i++) {
            assertThat(result.periods().get(i).from()).isEqualTo(result.periods().get(i - 1).to());
        }
        assertThat(result.periods().getFirst().from()).isEqualTo(StatePeriods.EARLIEST);
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            LocalDate asOf = day;
            List<StatePeriods.Period> covering = result.periods().stream().filter(p -> p.covers(asOf)).toList();
            if (result.until() != null && !day.isBefore(result.until())) {
                assertThat(covering).as("%s", day).isEmpty();
                continue;
            }
            assertThat(covering).as("%s", day).hasSize(1);
            ContractState state = timeline.asOf(day);
            StatePeriods.Period period = covering.getFirst();
            assertThat(List.of(period.status(), String.valueOf(period.phase()), period.endDate()))
                    .as("%s on %s", timeline.contractId().value(), day)
                    .containsExactly(state.status(), String.valueOf(state.phase()), state.endDate());
        }
        return result;
    }

    static ContractRegistered registered(String id, String awardedOn, ContractTerms terms) {
        return new ContractRegistered(ContractId.of(id), id + " title", ContractKind.SERVICE_CONTRACT,
                List.of(new Party("A commissioner")), List.of(new Party("A provider")), Money.gbp("1000000.00"),
                date(awardedOn), terms, null, null);
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
