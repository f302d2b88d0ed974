package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.Generators.Scenario;

/** The date rules over many generated dates (month ends, 29 February), periods and histories. */
class DateRulesPropertiesTest {

    @Provide
    Arbitrary<LocalDate> dates() {
        return Generators.dates();
    }

    @Provide
    Arbitrary<LocalDate> lateInTheMonth() {
        return Generators.lateInTheMonth();
    }

    @Provide
    Arbitrary<Period> lengths() {
        return Generators.lengths();
    }

    @Provide
    Arbitrary<List<Period>> tranches() {
        return Generators.lengths().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Period> notices() {
        return Generators.notices();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Generators.scenarios();
    }

    @Provide
    Arbitrary<RenewalRule> automaticRules() {
        return Generators.renewalRules().filter(rule -> rule.mode() == RenewalMode.AUTOMATIC);
    }

    // ---------------------------------------------------------------------------------------- extensions

    @Property
    void exercisingAnOptionInTranchesEndsWhereExercisingTheTotalAtOnceWould(
            @ForAll("dates") LocalDate start, @ForAll("lengths") Period term, @ForAll("tranches") List<Period> tranches) {
        Period total = tranches.stream().reduce(Period.ZERO, Period::plus);
        ContractTerms terms = new ContractTerms(start, term, null, List.of(ExtensionOption.of(total)), null, null);
        ContractTimeline oneByOne = ContractTimeline.of(registered(start, terms));
        for (Period tranche : tranches) {
            ExtensionOptionExercised exercised = oneByOne.exerciseExtension(tranche, start);
            assertThat(exercised.newEndDate()).isAfter(exercised.previousEndDate());
            oneByOne = oneByOne.with(exercised);
        }
        ContractTimeline atOnce = ContractTimeline.of(registered(start, terms));
        atOnce = atOnce.with(atOnce.exerciseExtension(total, start));

        LocalDate initialEnd = start.plus(term).minusDays(1);
        LocalDate expected = initialEnd.plusDays(1).plus(total).minusDays(1);
        assertThat(oneByOne.asOf(start).endDate()).isEqualTo(expected);
        assertThat(atOnce.asOf(start).endDate()).isEqualTo(expected);
        assertThat(oneByOne.asOf(start).maximumEndDate()).isEqualTo(expected);
        assertThat(oneByOne.asOf(start).extensionRemaining()).isNull();
        ExtensionOptionExercised last = (ExtensionOptionExercised) oneByOne.events().get(oneByOne.events().size() - 1);
        assertThat(last.remainingInOption()).isEqualTo(Period.ZERO);
    }

    @Property
    void whatIsLeftOfAnOptionAddsUpWithWhatWasTakenToTheWholeOption(
            @ForAll("dates") LocalDate start, @ForAll("lengths") Period term, @ForAll("lengths") Period taken,
            @ForAll("lengths") Period left) {
        Period option = taken.plus(left);
        ContractTerms terms = new ContractTerms(start, term, null, List.of(ExtensionOption.of(option)), null, null);
        ContractTimeline timeline = ContractTimeline.of(registered(start, terms));
        timeline = timeline.with(timeline.exerciseExtension(taken, start));

        Period remaining = timeline.asOf(start).extensionRemaining();
        LocalDate anchor = start.plus(term);
        assertThat(remaining).isNotNull();
        assertThat(anchor.plus(taken.plus(remaining))).isEqualTo(anchor.plus(option));
        // and exactly what is left can still be taken
        assertThat(timeline.exerciseExtension(remaining, start).newEndDate()).isEqualTo(anchor.plus(option).minusDays(1));
    }

    // ---------------------------------------------------------------------------------------- month ends

    @Property
    void aTermStartingLateInTheMonthEndsWhereLocalDateArithmeticSays(
            @ForAll("lateInTheMonth") LocalDate start, @ForAll @IntRange(min = 1, max = 36) int months, @ForAll boolean inYears) {
        Period term = inYears ? Period.ofYears(1 + months % 10) : Period.ofMonths(months);
        ContractTimeline timeline = ContractTimeline.of(registered(start, new ContractTerms(start, term, null, List.of(), null, null)));

        LocalDate end = timeline.asOf(start).endDate();

        assertThat(end).isEqualTo(start.plus(term).minusDays(1));
        YearMonth target = YearMonth.from(start).plusMonths(term.toTotalMonths());
        LocalDate dayAfter = end.plusDays(1);
        assertThat(YearMonth.from(dayAfter)).isEqualTo(target);
        assertThat(dayAfter.getDayOfMonth()).isEqualTo(Math.min(start.getDayOfMonth(), target.lengthOfMonth()));
        assertThat(timeline.asOf(end).status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(timeline.asOf(dayAfter).status()).isEqualTo(ContractStatus.EXPIRED);
    }

    @Property
    void renewalPointsAreCountedFromTheFirstSoMonthEndsDoNotDrift(
            @ForAll("lateInTheMonth") LocalDate start, @ForAll @IntRange(min = 1, max = 24) int renewals) {
        // initial term of one month from a late date, renewed automatically every month for a month
        ContractTerms terms = new ContractTerms(start, Period.ofMonths(1), null, List.of(),
                new RenewalRule(RenewalMode.AUTOMATIC, Period.ofMonths(1), null, null, null), null);
        ContractTimeline timeline = ContractTimeline.of(registered(start, terms));
        LocalDate firstPoint = start.plusMonths(1);
        LocalDate point = firstPoint.plusMonths(renewals);

        List<DerivedRenewal> derived = timeline.automaticRenewals(point.minusDays(1));

        assertThat(derived).hasSize(renewals);
        for (int k = 0; k < renewals; k++) {
            assertThat(derived.get(k).renewalPoint()).isEqualTo(firstPoint.plusMonths(k));
            assertThat(derived.get(k).newEndDate()).isEqualTo(firstPoint.plusMonths(k + 1).minusDays(1));
        }
        // no gap: in force on every day up to the last end
        assertThat(timeline.asOf(point.minusDays(1)).status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(timeline.durations(point.minusDays(1)).daysInForce())
                .isEqualTo(DateRules.daysInclusive(start, point.minusDays(1)));
    }

    // ---------------------------------------------------------------------------------------- notices

    @Property
    void aNoticeDeadlinePlusTheNoticePeriodNeverPassesTheDateItProtects(
            @ForAll("dates") LocalDate point, @ForAll("notices") Period notice) {
        LocalDate deadline = DateRules.noticeDeadline(point, notice);

        assertThat(deadline).isBefore(point);
        if (notice != null) {
            assertThat(deadline.plus(notice)).isBeforeOrEqualTo(point);
        }
        if (notice != null && !notice.isZero()) {
            // DOMAIN.md: the deadline is X − N (with months clamped as LocalDate does)
            assertThat(deadline).isEqualTo(point.minus(notice));
        } else {
            assertThat(deadline).isEqualTo(point.minusDays(1));
        }
    }

    @Property
    void aNonRenewalNoticeServedOnTheDeadlineShownDeclinesTheRenewalPointItProtects(
            @ForAll("dates") LocalDate start, @ForAll("lengths") Period term, @ForAll("automaticRules") RenewalRule rule,
            @ForAll @IntRange(min = 0, max = 4000) int daysIn) {
        ContractTimeline timeline = ContractTimeline.of(registered(start,
                new ContractTerms(start, term, null, List.of(), rule, null)));
        LocalDate asOf = start.plusDays(daysIn);
        ContractState state = timeline.asOf(asOf);
        LocalDate deadline = state.nonRenewalNoticeDeadline();
        Assume.that(deadline != null);

        NoticeServed inTime = timeline.serveNotice(NoticeKind.NON_RENEWAL, deadline, "C", null);

        LocalDate point = inTime.takesEffectOn();
        assertThat(DateRules.noticeDeadline(point, rule.noticePeriod())).isEqualTo(deadline);
        assertThat(rule.noticePeriod() == null ? deadline.plusDays(1) : deadline.plus(rule.noticePeriod()))
                .isBeforeOrEqualTo(point);
        ContractTimeline declined = timeline.with(inTime);
        int renewalsBefore = declined.asOf(point.minusDays(1)).renewalsTaken();
        assertThat(declined.asOf(point).renewalsTaken()).isEqualTo(renewalsBefore);
        assertThat(declined.asOf(point).endDate()).isEqualTo(inTime.endsOn());
        assertThat(inTime.endsOn()).isAfterOrEqualTo(point.minusDays(1));
        assertThat(declined.asOf(inTime.endsOn()).runOff()).isTrue();
        assertThat(declined.asOf(inTime.endsOn().plusDays(1)).status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(timeline.asOf(point).renewalsTaken()).isEqualTo(renewalsBefore + 1);
        try {
            NoticeServed late = timeline.serveNotice(NoticeKind.NON_RENEWAL, deadline.plusDays(1), "C", null);
            assertThat(late.takesEffectOn()).isAfter(point);
        } catch (RuleViolation noLaterPoint) {
            assertThat(noLaterPoint.code().code()).isEqualTo("not_a_renewal_point");
        }
    }

    // ---------------------------------------------------------------------------------------- histories

    @Property(tries = 300)
    void theDaysOfTheActivePeriodsAddUpToTheDaysInForce(@ForAll("scenarios") Scenario scenario,
                                                        @ForAll @IntRange(min = -50, max = 9000) int daysAfterAward) {
        ContractTimeline timeline = scenario.timeline();
        LocalDate asOf = scenario.awardedOn().plusDays(daysAfterAward);

        Durations durations = timeline.durations(asOf);

        long activeDays = durations.periods().stream().filter(p -> p.status() == ContractStatus.ACTIVE)
                .mapToLong(StatePeriod::days).sum();
        assertThat(activeDays).isEqualTo(durations.daysInForce());
        if (asOf.isBefore(scenario.awardedOn())) {
            assertThat(durations.periods()).isEmpty();
            assertThat(durations.daysInForce()).isZero();
            return;
        }
        LocalDate start = scenario.terms().startDate();
        LocalDate end = timeline.asOf(asOf).endDate();
        long expected = asOf.isBefore(start) || end.isBefore(start) ? 0 : DateRules.daysInclusive(start, DateRules.min(asOf, end));
        assertThat(durations.daysInForce()).isEqualTo(expected);
        List<StatePeriod> periods = durations.periods();
        assertThat(periods.get(0).from()).isEqualTo(DateRules.min(scenario.awardedOn(), start));
        for (int i = 0; i < periods.size(); i++) {
            StatePeriod period = periods.get(i);
            boolean last = i == periods.size() - 1;
            assertThat(period.to() == null).isEqualTo(last);
            assertThat(period.days()).isEqualTo(last ? DateRules.daysInclusive(period.from(), asOf)
                    : DateRules.daysBetween(period.from(), period.to()));
            assertThat(period.days()).isPositive();
            if (!last) {
                assertThat(periods.get(i + 1).from()).isEqualTo(period.to());
                StatePeriod next = periods.get(i + 1);
                assertThat(next.status() == period.status() && next.phase() == period.phase())
                        .as("%s follows %s", next, period).isFalse();
            }
            if (!period.from().isBefore(scenario.awardedOn())) {
                ContractState at = timeline.asOf(period.from());
                assertThat(at.status()).isEqualTo(period.status());
                assertThat(at.phase()).isEqualTo(period.phase());
            }
        }
    }

    @Property(tries = 100)
    void theDaysInForceAreTheDaysOnWhichTheContractIsActive(@ForAll("scenarios") Scenario scenario,
                                                          @ForAll @IntRange(min = 0, max = 4000) int daysAfterAward) {
        Assume.that(!scenario.awardedOn().isAfter(scenario.terms().startDate()));
        ContractTimeline timeline = scenario.timeline();
        LocalDate asOf = scenario.awardedOn().plusDays(daysAfterAward);
        long active = 0;
        for (LocalDate day = scenario.awardedOn(); !day.isAfter(asOf); day = day.plusDays(1)) {
            if (timeline.asOf(day).status() == ContractStatus.ACTIVE) {
                active++;
            }
        }
        assertThat(timeline.durations(asOf).daysInForce()).isEqualTo(active);
    }

    @Property(tries = 300)
    void theEndIsNeverBeforeTheDayBeforeTheStart(@ForAll("scenarios") Scenario scenario,
                                                 @ForAll @IntRange(min = -50, max = 9000) int daysAfterAward) {
        ContractState state = scenario.timeline().asOf(scenario.awardedOn().plusDays(daysAfterAward));

        assertThat(state.endDate()).isAfterOrEqualTo(state.startDate().minusDays(1));
    }

    @Property(tries = 300)
    void theStatusOnlyMovesForwardAsTheDateIncreases(@ForAll("scenarios") Scenario scenario) {
        ContractTimeline timeline = scenario.timeline();
        LocalDate first = scenario.awardedOn().minusDays(30);
        LocalDate last = timeline.latestEffectiveDate().plusYears(15);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (LocalDate day = first; day.isBefore(last); day = day.plusDays(37)) {
            days.add(day);
        }
        for (ContractEvent event : timeline.events()) {
            days.add(event.effectiveOn().minusDays(1));
            days.add(event.effectiveOn());
        }
        LocalDate end = timeline.asOf(last).endDate();
        List.of(end, end.plusDays(1), scenario.terms().startDate(), scenario.terms().startDate().minusDays(1))
                .forEach(days::add);

        List<ContractStatus> seen = new ArrayList<>();
        for (LocalDate day : days) {
            ContractState state = timeline.asOf(day);
            ContractStatus status = state.status();
            if (!seen.isEmpty()) {
                ContractStatus previous = seen.get(seen.size() - 1);
                assertThat(rank(status)).as("%s after %s on %s", status, previous, day).isGreaterThanOrEqualTo(rank(previous));
                if (rank(previous) == 3) {
                    assertThat(status).isEqualTo(previous);
                }
            }
            seen.add(status);
            boolean inForce = !day.isBefore(state.startDate()) && !day.isAfter(state.endDate());
            if (status != ContractStatus.NOT_YET_AWARDED) {
                assertThat(status == ContractStatus.ACTIVE).as("ACTIVE on %s, in force %s to %s", day,
                        state.startDate(), state.endDate()).isEqualTo(inForce);
                assertThat(state.phase() != null).isEqualTo(status == ContractStatus.ACTIVE);
            }
        }
    }

    @Property(tries = 200)
    void anAutomaticRenewalOnlyHappensWhileTheContractIsInForceTheDayBefore(@ForAll("scenarios") Scenario scenario) {
        ContractTimeline timeline = scenario.timeline();
        for (DerivedRenewal renewal : timeline.automaticRenewals(timeline.latestEffectiveDate().plusYears(20))) {
            LocalDate dayBefore = renewal.renewalPoint().minusDays(1);
            ContractState before = timeline.asOf(dayBefore);
            // the derived renewal shows the term's end; a termination known by then cuts the end short
            LocalDate cut = before.terminationEffectiveOn() == null ? renewal.previousEndDate()
                    : DateRules.min(renewal.previousEndDate(), before.terminationEffectiveOn().minusDays(1));
            assertThat(before.endDate()).isEqualTo(cut);
            assertThat(renewal.previousEndDate()).isAfterOrEqualTo(dayBefore);
            if (!dayBefore.isBefore(scenario.awardedOn())) {
                assertThat(before.status()).isIn(ContractStatus.ACTIVE, ContractStatus.AWARDED);
            }
            assertThat(renewal.newEndDate()).isAfterOrEqualTo(renewal.renewalPoint());
            assertThat(timeline.asOf(renewal.renewalPoint()).renewalsTaken()).isEqualTo(renewal.renewalNumber());
        }
    }

    private static int rank(ContractStatus status) {
        return switch (status) {
            case NOT_YET_AWARDED -> 0;
            case AWARDED -> 1;
            case ACTIVE -> 2;
            case EXPIRED, TERMINATED -> 3;
        };
    }

    private static ContractRegistered registered(LocalDate awardedOn, ContractTerms terms) {
        return new ContractRegistered(ContractId.of("PROPERTY"), "Property", ContractKind.OTHER,
                List.of(new org.commissioning.tracker.shared.Party("C")),
                List.of(new org.commissioning.tracker.shared.Party("P")), null, awardedOn, terms, null, null);
    }
}
