package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.commissioning.tracker.shared.contract.Generators.Scenario;
import org.commissioning.tracker.shared.keydates.ContractKeyDates;
import org.commissioning.tracker.shared.keydates.KeyDateKind;
import org.commissioning.tracker.shared.keydates.KeyDateSchedule;
import org.commissioning.tracker.shared.keydates.ScheduledDate;

/**
 * The key dates agree with the date rules they are asked of, over generated histories and windows: the series expanded
 * for a window give exactly the timeline's own renewals and review occurrences there.
 */
class ContractKeyDatesPropertiesTest {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Generators.scenarios();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Generators.dates();
    }

    static List<ScheduledDate> of(KeyDateSchedule schedule, LocalDate from, LocalDate to, Set<KeyDateKind> kinds) {
        return schedule.between(from, to).stream().filter(d -> kinds.contains(d.kind())).toList();
    }

    @Property(tries = 400)
    void automaticRenewalPointsInAWindowAreTheTimelinesDerivedRenewals(@ForAll("scenarios") Scenario scenario,
                                                                        @ForAll("dates") LocalDate from,
                                                                        @ForAll @IntRange(min = 0, max = 1500) int days) {
        ContractTimeline timeline = scenario.timeline();
        LocalDate to = from.plusDays(days);
        KeyDateSchedule schedule = ContractKeyDates.of(timeline);
        RenewalRule rule = timeline.terms().renewal();

        List<LocalDate> listed = of(schedule, from, to, Set.of(KeyDateKind.RENEWAL_POINT)).stream()
                .map(ScheduledDate::date).toList();
        if (rule != null && rule.mode() == RenewalMode.AUTOMATIC) {
            assertThat(listed).containsExactlyElementsOf(timeline.automaticRenewals(to).stream()
                    .map(DerivedRenewal::renewalPoint).filter(p -> !p.isBefore(from)).toList());
            LocalDate reach = to.plusDays(1).plus(rule.effectiveNoticePeriod());
            List<LocalDate> deadlines = timeline.automaticRenewals(reach).stream()
                    .map(r -> DateRules.noticeDeadline(r.renewalPoint(), rule.noticePeriod()))
                    .filter(d -> !d.isBefore(from) && !d.isAfter(to)).toList();
            assertThat(of(schedule, from, to, Set.of(KeyDateKind.NON_RENEWAL_NOTICE_DEADLINE)))
                    .extracting(ScheduledDate::date).containsExactlyElementsOf(deadlines);
        } else if (rule == null) {
            assertThat(listed).isEmpty();
        }
    }

    @Property(tries = 400)
    void reviewOccurrencesInAWindowAreTheTimelinesUntilATermination(@ForAll("scenarios") Scenario scenario,
                                                                     @ForAll("dates") LocalDate from,
                                                                     @ForAll @IntRange(min = 0, max = 1500) int days) {
        ContractTimeline timeline = scenario.timeline();
        LocalDate to = from.plusDays(days);
        LocalDate termination = timeline.asOf(timeline.latestEffectiveDate()).terminationEffectiveOn();

        List<LocalDate> expected = timeline.reviewOccurrences(from, to).stream()
                .map(ReviewOccurrence::dueOn)
                .filter(due -> termination == null || due.isBefore(termination))
                .toList();
        assertThat(of(ContractKeyDates.of(timeline), from, to, Set.of(KeyDateKind.REVIEW_POINT, KeyDateKind.TRANSITION_END)))
                .extracting(ScheduledDate::date).containsExactlyElementsOf(expected);
    }

    @Property(tries = 400)
    void theEndOfTermIsTheLastDayInForceUnlessATerminationEndsIt(@ForAll("scenarios") Scenario scenario) {
        ContractTimeline timeline = scenario.timeline();
        KeyDateSchedule schedule = ContractKeyDates.of(timeline);
        LocalDate termination = timeline.asOf(timeline.latestEffectiveDate()).terminationEffectiveOn();

        List<LocalDate> ends = schedule.dates().stream().filter(d -> d.kind() == KeyDateKind.END_OF_TERM)
                .map(ScheduledDate::date).toList();
        List<LocalDate> terminations = schedule.dates().stream()
                .filter(d -> d.kind() == KeyDateKind.TERMINATION_EFFECTIVE).map(ScheduledDate::date).toList();
        if (termination != null) {
            assertThat(ends).isEmpty();
            assertThat(terminations).containsExactly(termination);
            assertThat(schedule.dates()).allSatisfy(d -> assertThat(d.date()).isBeforeOrEqualTo(termination));
        } else {
            assertThat(terminations).isEmpty();
            assertThat(ends).containsExactlyElementsOf(timeline.lastDayInForce().stream().toList());
        }
        if (timeline.lastDayInForce().isEmpty()) {
            assertThat(schedule.series()).anySatisfy(series -> assertThat(series.bounded()).isFalse());
        }
    }

    @Property(tries = 400, maxDiscardRatio = 20)
    void automaticRenewalsAreExpandedForAnyWindowHoweverFarAway(@ForAll("scenarios") Scenario scenario,
                                                                @ForAll @IntRange(min = 2040, max = 2900) int year) {
        ContractTimeline timeline = scenario.timeline();
        RenewalRule rule = timeline.terms().renewal();
        Assume.that(rule != null && rule.mode() == RenewalMode.AUTOMATIC);
        KeyDateSchedule schedule = ContractKeyDates.of(timeline);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = from.plusDays(90);

        assertThat(of(schedule, from, to, Set.of(KeyDateKind.RENEWAL_POINT)))
                .extracting(ScheduledDate::date)
                .containsExactlyElementsOf(timeline.automaticRenewals(to).stream().map(DerivedRenewal::renewalPoint)
                        .filter(p -> !p.isBefore(from)).toList());
    }
}
