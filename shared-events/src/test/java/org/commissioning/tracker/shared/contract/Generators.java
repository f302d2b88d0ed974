package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.RuleViolation;

/** Generated dates, periods, terms and whole histories for the property tests. */
final class Generators {

    private Generators() {
    }

    /** Any date from 1990 to 2060, often a month end or 29 February. */
    static Arbitrary<LocalDate> dates() {
        Arbitrary<Integer> years = Arbitraries.integers().between(1990, 2060);
        Arbitrary<Integer> months = Arbitraries.integers().between(1, 12);
        Arbitrary<LocalDate> any = Combinators.combine(years, months, Arbitraries.integers().between(1, 31))
                .as((y, m, d) -> LocalDate.of(y, m, Math.min(d, YearMonth.of(y, m).lengthOfMonth())));
        Arbitrary<LocalDate> monthEnds = Combinators.combine(years, months).as((y, m) -> YearMonth.of(y, m).atEndOfMonth());
        Arbitrary<LocalDate> leapDays = Arbitraries.integers().between(1992 / 4, 2060 / 4).map(q -> LocalDate.of(q * 4, 2, 29));
        return Arbitraries.oneOf(any, monthEnds, leapDays);
    }

    /** A date on the 28th or later of its month: where clamping bites. */
    static Arbitrary<LocalDate> lateInTheMonth() {
        return dates().filter(d -> d.getDayOfMonth() >= 28);
    }

    /** A positive length: whole years, months, days, or a mixture. */
    static Arbitrary<Period> lengths() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 10).map(Period::ofYears),
                Arbitraries.integers().between(1, 40).map(Period::ofMonths),
                Arbitraries.integers().between(1, 800).map(Period::ofDays),
                Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(0, 40)).as(Period::of).filter(p -> !p.isZero()));
    }

    /** A notice period: zero allowed; sometimes none at all (null). */
    static Arbitrary<Period> notices() {
        return Arbitraries.oneOf(
                Arbitraries.just(Period.ZERO),
                Arbitraries.integers().between(1, 12).map(Period::ofMonths),
                Arbitraries.integers().between(1, 120).map(Period::ofDays)).injectNull(0.25);
    }

    static Arbitrary<RenewalRule> renewalRules() {
        return Combinators.combine(Arbitraries.of(RenewalMode.class), lengths(), lengths().injectNull(0.5), notices(),
                        Arbitraries.integers().between(1, 5).injectNull(0.5))
                .as(RenewalRule::new);
    }

    static Arbitrary<ContractTerms> terms() {
        Arbitrary<List<ExtensionOption>> options = Combinators.combine(lengths(), notices())
                .as(ExtensionOption::new).list().ofMaxSize(2);
        return Combinators.combine(dates(), lengths(), options, renewalRules().injectNull(0.3), notices())
                .as((start, term, opts, renewal, termination) -> new ContractTerms(start, term, null, opts, renewal,
                        termination));
    }

    enum Action { COMMENCE, EXTEND, RENEW, NON_RENEWAL, TERMINATION_NOTICE, TERMINATE, VARY, REVIEW }

    /** One command in a generated history: what, how many days after the previous one, with what length. */
    record Step(Action action, int gapDays, Period length) {
    }

    static Arbitrary<Step> steps() {
        Arbitrary<Action> actions = Arbitraries.frequency(
                Tuple.of(4, Action.EXTEND), Tuple.of(4, Action.RENEW), Tuple.of(2, Action.NON_RENEWAL),
                Tuple.of(2, Action.TERMINATION_NOTICE), Tuple.of(1, Action.TERMINATE), Tuple.of(1, Action.VARY),
                Tuple.of(1, Action.COMMENCE), Tuple.of(1, Action.REVIEW));
        Arbitrary<Integer> gaps = Arbitraries.oneOf(Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 900));
        return Combinators.combine(actions, gaps, lengths()).as(Step::new);
    }

    /** A generated contract: terms, award (up to 400 days before or 100 after the start) and what happened to it. */
    record Scenario(ContractTimeline timeline, List<Step> attempted) {

        ContractTerms terms() {
            return timeline.terms();
        }

        LocalDate awardedOn() {
            return timeline.registration().awardedOn();
        }

        @Override
        public String toString() {
            return "Scenario" + timeline.events() + " from " + attempted;
        }
    }

    static Arbitrary<Scenario> scenarios() {
        return Combinators.combine(terms(), Arbitraries.integers().between(-100, 400), steps().list().ofMaxSize(10))
                .as((terms, awardedBefore, steps) -> {
                    LocalDate awardedOn = terms.startDate().minusDays(awardedBefore);
                    ContractRegistered registered = new ContractRegistered(ContractId.of("GENERATED"), "Generated",
                            ContractKind.OTHER, List.of(new org.commissioning.tracker.shared.Party("C")),
                            List.of(new org.commissioning.tracker.shared.Party("P")), Money.gbp("100.00"), awardedOn,
                            terms, null, null);
                    ContractTimeline timeline = ContractTimeline.of(registered);
                    LocalDate on = awardedOn;
                    for (Step step : steps) {
                        on = on.plusDays(step.gapDays());
                        try {
                            timeline = timeline.with(decide(timeline, step, on));
                        } catch (RuleViolation refused) {
                            // a refused command records nothing
                        }
                    }
                    return new Scenario(timeline, new ArrayList<>(steps));
                });
    }

    private static ContractEvent decide(ContractTimeline timeline, Step step, LocalDate on) {
        return switch (step.action()) {
            case COMMENCE -> timeline.commence(on);
            case EXTEND -> timeline.exerciseExtension(step.length(), on);
            case RENEW -> timeline.renew(on);
            case NON_RENEWAL -> timeline.serveNotice(NoticeKind.NON_RENEWAL, on, "C", null);
            case TERMINATION_NOTICE -> timeline.serveNotice(NoticeKind.TERMINATION, on, "P", on.plus(step.length()));
            case TERMINATE -> timeline.terminate(on, "P", null);
            case VARY -> timeline.vary(on, Money.gbp("1.00"), "Varied");
            case REVIEW -> timeline.scheduleReviewPoint(on, on.plus(step.length()), ReviewKind.CONTRACT_REVIEW,
                    "Review", step.length());
        };
    }
}
