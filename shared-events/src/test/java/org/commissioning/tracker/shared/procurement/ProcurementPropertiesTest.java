package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;

/** The procurement rules over generated histories: stages, the funnel, bids and the standstill. */
class ProcurementPropertiesTest {

    record Step(int gapDays, ProcurementStage stage) {
    }

    record Count(int gapDays, ParticipationMeasure measure, int count, boolean bid) {
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 30).map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<List<Step>> stageSteps() {
        return Combinators.combine(Arbitraries.integers().between(0, 120), Arbitraries.of(ProcurementStage.class))
                .as(Step::new).list().ofMaxSize(15);
    }

    @Provide
    Arbitrary<List<Count>> counts() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of(ParticipationMeasure.class),
                        Arbitraries.integers().between(0, 12), Arbitraries.of(true, false, false))
                .as(Count::new).list().ofMaxSize(20);
    }

    static ProcurementTimeline planned(LocalDate on, Money maximum) {
        return ProcurementTimeline.of(new ProcurementPlanned(ProcurementId.of("GEN"), "Generated", List.of(Procurement.CCG),
                Regime.PA2023, ProcurementRoute.OPEN, null, maximum, null, null, on));
    }

    @Property
    void stagesOnlyMoveForwardAndTheirDaysAddUpToTheDaysSincePlanning(
            @ForAll("dates") LocalDate plannedOn, @ForAll("stageSteps") List<Step> steps,
            @ForAll @IntRange(max = 400) int daysAfter) {
        ProcurementTimeline timeline = planned(plannedOn, null);
        LocalDate on = plannedOn;
        for (Step step : steps) {
            on = on.plusDays(step.gapDays());
            ProcurementStage current = timeline.asOf(on).stage();
            try {
                timeline = timeline.with(timeline.enterStage(step.stage(), on));
                assertThat(step.stage()).isGreaterThan(current);
            } catch (RuleViolation violation) {
                assertThat(violation.code()).isEqualTo(Rejection.STAGE_OUT_OF_ORDER);
                assertThat(step.stage()).isLessThanOrEqualTo(current);
            }
        }
        LocalDate asked = on.plusDays(daysAfter);
        ProcurementState state = timeline.asOf(asked);

        assertThat(state.stages()).extracting(StagePeriod::stage).isSorted().doesNotHaveDuplicates();
        assertThat(state.stages().getFirst().stage()).isEqualTo(ProcurementStage.PLANNING);
        assertThat(state.stages().stream().mapToLong(StagePeriod::days).sum())
                .isEqualTo(ChronoUnit.DAYS.between(plannedOn, asked));
        assertThat(state.daysInStage()).isEqualTo(ChronoUnit.DAYS.between(state.stageEnteredOn(), asked));
        assertThat(state.status()).isEqualTo(state.stage() == ProcurementStage.PLANNING
                ? ProcurementStatus.PLANNED : ProcurementStatus.IN_PROGRESS);
    }

    @Property
    void theFunnelNeverGrowsAndACountIsRefusedExactlyWhenItWouldMakeItGrow(
            @ForAll("dates") LocalDate plannedOn, @ForAll("counts") List<Count> changes) {
        ProcurementTimeline timeline = planned(plannedOn, null);
        LocalDate on = plannedOn;
        int bidders = 0;
        for (Count change : changes) {
            on = on.plusDays(change.gapDays());
            Map<ParticipationMeasure, Integer> before = timeline.asOf(on).funnel();
            boolean wouldGrow;
            if (change.bid()) {
                wouldGrow = !narrows(recordedOnly(timeline, on), bidders + 1);
            } else {
                Map<ParticipationMeasure, Integer> after = new EnumMap<>(ParticipationMeasure.class);
                after.putAll(recordedOnly(timeline, on));
                after.put(change.measure(), change.count());
                wouldGrow = !narrows(after, bidders);
            }
            try {
                if (change.bid()) {
                    timeline = timeline.with(timeline.recordBid("Bidder " + bidders, Money.gbp("1"), on));
                    bidders++;
                } else {
                    timeline = timeline.with(timeline.recordParticipation(change.measure(), change.count(), on));
                }
                assertThat(wouldGrow).as("accepted %s after %s", change, before).isFalse();
            } catch (RuleViolation violation) {
                assertThat(violation.code()).isEqualTo(Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE);
                assertThat(wouldGrow).as("refused %s after %s", change, before).isTrue();
                assertThat(timeline.asOf(on).funnel()).isEqualTo(before);
            }
            List<Integer> funnel = new ArrayList<>(timeline.asOf(on).funnel().values());
            assertThat(funnel).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        }
    }

    /** The counts recorded (not the bidders shown for an unrecorded BIDS_RECEIVED). */
    private static Map<ParticipationMeasure, Integer> recordedOnly(ProcurementTimeline timeline, LocalDate on) {
        Map<ParticipationMeasure, Integer> recorded = new EnumMap<>(ParticipationMeasure.class);
        for (ProcurementEvent event : timeline.events()) {
            if (event instanceof ParticipationRecorded p && !p.effectiveOn().isAfter(on)) {
                recorded.put(p.measure(), p.count());
            }
        }
        return recorded;
    }

    /** The rule restated: counts non-increasing in funnel order, and the bidders no more than any count. */
    private static boolean narrows(Map<ParticipationMeasure, Integer> counts, int bidders) {
        int smallest = Integer.MAX_VALUE;
        for (ParticipationMeasure measure : ParticipationMeasure.values()) {
            Integer count = counts.get(measure);
            if (count != null) {
                if (count > smallest) {
                    return false;
                }
                smallest = count;
            }
        }
        return bidders <= smallest;
    }

    @Property
    void aBidIsRefusedExactlyWhenItIsAboveTheMaximumPrice(
            @ForAll @IntRange(min = 1, max = 1_000_000) int maximumPounds,
            @ForAll @IntRange(min = 1, max = 2_000_000) int bidPennies) {
        Money maximum = Money.gbp(String.valueOf(maximumPounds));
        Money bid = new Money(BigDecimal.valueOf(bidPennies, 2).multiply(BigDecimal.valueOf(100)), "GBP");
        ProcurementTimeline timeline = planned(LocalDate.of(2025, 1, 6), maximum);
        try {
            ProcurementTimeline withBid = timeline.with(timeline.recordBid("A bidder", bid, LocalDate.of(2025, 2, 3)));
            assertThat(bid.isGreaterThan(maximum)).isFalse();
            Bid shown = withBid.asOf(LocalDate.of(2025, 2, 3)).bids().getFirst();
            assertThat(shown.underMaximum().plus(bid)).isEqualTo(maximum);
            assertThat(shown.underMaximumPercent()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        } catch (RuleViolation violation) {
            assertThat(violation.code()).isEqualTo(Rejection.BID_EXCEEDS_MAXIMUM_PRICE);
            assertThat(bid.isGreaterThan(maximum)).isTrue();
        }
    }

    @Property
    void anAwardIsRefusedExactlyUntilTheDayAfterTheStandstillEnds(
            @ForAll("dates") LocalDate startsOn, @ForAll @IntRange(max = 30) int length,
            @ForAll @IntRange(max = 60) int awardAfterStart) {
        ProcurementTimeline timeline = planned(startsOn.minusDays(30), null);
        LocalDate endsOn = startsOn.plusDays(length);
        timeline = timeline.with(timeline.recordStandstill(startsOn, endsOn));
        LocalDate awardOn = startsOn.plusDays(awardAfterStart);
        try {
            ProcurementAwarded awarded = timeline.award(ContractId.of("C"), awardOn, null, ContractKind.OTHER,
                    List.of(Procurement.CCG), Money.gbp("1"));
            assertThat(awardOn).isAfter(endsOn);
            ProcurementState state = timeline.with(awarded).asOf(awardOn);
            assertThat(state.stages().getLast().days()).isEqualTo(awardAfterStart);
            assertThat(state.daysToAward()).isEqualTo(30L + awardAfterStart);
        } catch (RuleViolation violation) {
            assertThat(violation.code()).isEqualTo(Rejection.STANDSTILL_NOT_ENDED);
            assertThat(awardOn).isBeforeOrEqualTo(endsOn);
        }
    }

    @Property
    void nothingDatedBeforeTheLatestEffectiveDateIsAccepted(
            @ForAll("dates") LocalDate plannedOn, @ForAll @IntRange(min = 1, max = 500) int later,
            @ForAll @IntRange(min = 1, max = 500) int earlier) {
        ProcurementTimeline timeline = planned(plannedOn, null);
        timeline = timeline.with(timeline.enterStage(ProcurementStage.SELECTION, plannedOn.plusDays(later)));
        LocalDate before = plannedOn.plusDays(later).minusDays(earlier);
        for (var command : ProcurementRulesTest.everyCommand(timeline, before)) {
            Procurement.rejected(command, Rejection.OUT_OF_ORDER);
        }
    }
}
