package org.commissioning.tracker.query.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractPhase;
import org.commissioning.tracker.shared.contract.ContractRenewed;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractStatus;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ExtensionOptionExercised;
import org.commissioning.tracker.shared.contract.NoticeServed;

/**
 * A contract's state as of every date, cut into stretches over which what the register shows (status, phase, end
 * date) stays the same, computed once per recorded event with the shared date rules so that the register never folds
 * a contract per request.
 *
 * <p>The stretches start at {@link Values#EARLIEST_DATE} (no date before it is accepted) and follow the contract from
 * one date where its state may change to the next: the award, the start, the end of the initial term, every event's
 * effective date and the dates it names, the day after the end as it stands, a termination, and the next renewal point
 * (which is how automatic renewals enter). A contract that renews automatically without limit changes every renewal
 * point for ever, so the stretches stop at the first change more than {@link #COVERED_YEARS} years after the last date
 * its events fix, or after {@link #LIMIT} stretches, whichever comes first; {@code until} is then the first date they
 * do not cover, and the register folds that contract for dates on or after it (rare: a register as of a date decades
 * ahead). Twenty years rather than the limit alone: an annual rolling renewal kept for two centuries was most of the
 * register's rows (485,570 stretches for 10,000 contracts in the benchmark portfolio), all written by every rebuild;
 * and twenty rather than fifty, as until 2026-11-24: the stretches past twenty years were a third of the register's
 * periods (the benchmark suite's 100,000 contracts: 1,504,868 stretches, 976,646 with twenty), for register pages as
 * of dates two decades ahead, which are folded instead (the answers are the same).
 */
final class StatePeriods {

    /** Stretches kept per contract at most: a monthly rolling renewal is covered for 16 years. */
    static final int LIMIT = 200;

    /** Years after the last date the events fix that the stretches cover at least (unless {@link #LIMIT} comes first). */
    static final int COVERED_YEARS = 20;

    /** The first period starts here: no earlier date is accepted (Values.EARLIEST_DATE). */
    static final LocalDate EARLIEST = Values.EARLIEST_DATE;

    /** Dates after this are never asked about (Values.LATEST_DATE). */
    private static final LocalDate LAST = Values.LATEST_DATE;

    /** What the register shows of a contract from {@code from} to the day before {@code to} (null: open). */
    record Period(LocalDate from, LocalDate to, ContractStatus status, ContractPhase phase, LocalDate endDate) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || date.isBefore(to));
        }
    }

    /** @param until null when the periods cover every date; else the first date they do not cover */
    record Result(List<Period> periods, LocalDate until) {
    }

    private StatePeriods() {
    }

    static Result of(ContractTimeline timeline) {
        return of(timeline, LIMIT);
    }

    static Result of(ContractTimeline timeline, int limit) {
        TreeSet<LocalDate> fixed = fixedDates(timeline);
        LocalDate horizon = fixed.last().plusYears(COVERED_YEARS); // never empty: the award date is always there
        List<Period> periods = new ArrayList<>();
        LocalDate from = EARLIEST;
        LocalDate date = from;
        ContractState at = timeline.asOf(date);
        ContractState shown = at;
        // every step moves to a later date; the bound only guards against a rule that would step for ever unseen
        for (int steps = 0; steps < (fixed.size() + limit) * 4; steps++) {
            LocalDate next = nextChange(fixed, at, date);
            if (next == null || next.isAfter(LAST)) {
                periods.add(period(from, null, shown));
                return new Result(periods, null);
            }
            if (next.isAfter(horizon)) {
                periods.add(period(from, next, shown));
                return new Result(periods, next);
            }
            at = timeline.asOf(next);
            if (!sameShown(shown, at)) {
                periods.add(period(from, next, shown));
                if (periods.size() == limit) {
                    return new Result(periods, next);
                }
                from = next;
                shown = at;
            }
            date = next;
        }
        periods.add(period(from, date, shown));
        return new Result(periods, date);
    }

    private static Period period(LocalDate from, LocalDate to, ContractState state) {
        return new Period(from, to, state.status(), state.phase(), state.endDate());
    }

    private static boolean sameShown(ContractState a, ContractState b) {
        return a.status() == b.status() && a.phase() == b.phase() && Objects.equals(a.endDate(), b.endDate());
    }

    /** The first date after {@code date} on which the state shown may differ from the state on {@code date}. */
    private static LocalDate nextChange(TreeSet<LocalDate> fixed, ContractState state, LocalDate date) {
        LocalDate next = fixed.higher(date);
        next = earliestAfter(date, next, state.startDate());
        next = earliestAfter(date, next, state.endDate().plusDays(1));
        next = earliestAfter(date, next, state.terminationEffectiveOn());
        next = earliestAfter(date, next, state.nextRenewalPoint());
        return next;
    }

    private static LocalDate earliestAfter(LocalDate date, LocalDate best, LocalDate candidate) {
        if (candidate == null || !candidate.isAfter(date)) {
            return best;
        }
        return best == null || candidate.isBefore(best) ? candidate : best;
    }

    /** Dates the recorded events fix: when each took effect and the dates it names. */
    private static TreeSet<LocalDate> fixedDates(ContractTimeline timeline) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(timeline.registration().awardedOn());
        dates.add(timeline.terms().startDate());
        dates.add(timeline.terms().initialEnd().plusDays(1));
        for (ContractEvent event : timeline.events()) {
            dates.add(event.effectiveOn());
            switch (event) {
                case ExtensionOptionExercised e -> {
                    dates.add(e.previousEndDate().plusDays(1));
                    dates.add(e.newEndDate().plusDays(1));
                }
                case ContractRenewed r -> {
                    dates.add(r.renewalPoint());
                    dates.add(r.newEndDate().plusDays(1));
                }
                case NoticeServed n -> {
                    dates.add(n.takesEffectOn());
                    if (n.endsOn() != null) {
                        dates.add(n.endsOn().plusDays(1));
                    }
                }
                case ContractTerminated t -> dates.add(t.effectiveOn());
                default -> {
                }
            }
        }
        dates.removeIf(d -> d.isAfter(LAST));
        return dates;
    }
}
