package org.commissioning.tracker.shared.contract;

import static org.commissioning.tracker.shared.contract.DateRules.max;
import static org.commissioning.tracker.shared.contract.DateRules.min;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.Values;

/**
 * One contract's recorded events, folded into its state on any date, and the decisions that produce its next event.
 * Immutable and pure: no clock, no I/O. The first event is {@link ContractRegistered}; the events are in recorded
 * order, which is also non-decreasing effective date. "As of D" folds the events effective on or before D, plus the
 * automatic renewals derived up to D.
 *
 * <h2>Date rules (DOMAIN.md, "Date arithmetic") and the choices made where it is silent</h2>
 * <ul>
 * <li>Terms are inclusive: a term L from S ends on {@code S + L − 1}. In force on the end date, EXPIRED the day after.
 * A termination effective T leaves T − 1 as the last day in force.</li>
 * <li><b>One anchor per sequence.</b> Months clamp ({@code LocalDate.plus}), so chaining additions loses days at
 * month ends and on 29 February: 2020-02-29 + P2Y + P2Y is 2024-02-28, but 2020-02-29 + P4Y is 2024-02-29. So:
 * <ul>
 * <li>extensions are appended from one anchor, the day after the initial end: after tranches L1..Ln the end is
 * {@code (initialEnd + 1) + (L1 + … + Ln) − 1}; taking an option in tranches ends exactly where taking it whole
 * would;</li>
 * <li>renewal points are {@code R_k = R_0 + interval × k} ({@code R_0} is the day after the term as extended by
 * the options exercised); after the automatic renewal at {@code R_k} the end is
 * {@code R_0 + (interval × k + rollingTerm) − 1}, which is {@code R_k + rollingTerm − 1} without the clamping
 * drift, so renewals with {@code rollingTerm = interval} follow one another without a gap;</li>
 * <li>a {@code BY_AGREEMENT} renewal runs for {@code term = rollingTerm or interval} from the day after the end,
 * so its renewal points step by that term: {@code R_k = R_0 + term × k}, and after n renewals the end is
 * {@code R_0 + term × n − 1};</li>
 * <li>recurring review points fall on {@code dueOn + recurrence × k}.</li>
 * </ul></li>
 * <li><b>Notice deadlines</b> are {@code X − noticePeriod} for something taking effect on X, but never later than
 * the day before X; with no notice period set the deadline is the day before X (the end date, as DOMAIN.md says for
 * extension options). A decision about a renewal point is therefore always made while the contract is in force
 * before it, and {@code deadline + noticePeriod <= X} always holds.</li>
 * <li><b>Automatic renewal</b> at {@code R_k} happens unless a non-renewal notice declines {@code R_k} or an earlier
 * point, {@code maxRenewals} renewals have happened, a termination (or termination notice) takes effect on or before
 * {@code R_k}, or the contract was not in force the day before {@code R_k}.</li>
 * <li><b>A non-renewal notice</b> names (or defaults to) the first renewal point whose deadline is on or after the day
 * it is served; it declines that point and every later one. For {@code BY_AGREEMENT} it can only decline the coming
 * renewal point (the day after the current end).</li>
 * <li><b>Options lapse</b> once their decision deadline has passed, once the contract has renewed (automatically or by
 * a recorded renewal) and once it has ended; {@code extensionRemaining} and {@code extensionDecisionDeadline} are
 * then null. Options are used in order; an exercise stays within the current option.</li>
 * <li>A {@code BY_AGREEMENT} renewal may be agreed any time up to the end date (even before the start date), but not
 * for a renewal point beyond the coming one ({@code already_renewed}); it moves the end date as soon as it is
 * recorded, and the phase becomes RENEWED from its renewal point. {@code nextRenewalPoint} is then the agreed point
 * until it is reached, else the day after the end while renewals remain. {@code nonRenewalNoticeDeadline} is shown for
 * {@code BY_AGREEMENT} only when the rule sets a notice period (otherwise the decision is simply the renewal itself,
 * due by the end date).</li>
 * <li>{@code maximumEndDate} is contractual: the initial end plus every option in full, then {@code maxRenewals}
 * renewals; it does not shrink when an option lapses or a notice is served.</li>
 * <li>A derived renewal shows the term's end before and after; a termination notice known by then cuts the state's
 * {@code endDate} short but not the derived renewal.</li>
 * <li>A variation of a contract registered without a value leaves the value unknown (null).</li>
 * <li><b>A termination or termination notice</b> shortens {@code endDate} as soon as it is known (a notice: from the
 * day it is served; a termination: from its effective date). A termination effective after the contract would have
 * ended anyway does not make it TERMINATED.</li>
 * <li><b>Award after start</b> (a contract entered after it began): as of a date before the award the status is
 * NOT_YET_AWARDED (nothing is known yet), but the durations, looking back, count it in force from its start date.
 * As of a date before the award, durations are empty.</li>
 * <li><b>A transition period</b> lasts while a {@code TRANSITION_END} review point is scheduled, not completed, and
 * due on or after the date asked.</li>
 * </ul>
 */
public final class ContractTimeline {

    private static final int UNBOUNDED = Integer.MAX_VALUE;
    /** Dates beyond this are never reached by a real contract; loops over renewal points stop there. */
    private static final LocalDate HORIZON = Values.LATEST_DATE.plusYears(Values.MAX_PERIOD_YEARS * 2L);

    private final List<ContractEvent> events;
    private final ContractRegistered registration;
    private final Map<Integer, Fold> folds = new ConcurrentHashMap<>();

    private ContractTimeline(List<ContractEvent> events) {
        this.events = events;
        this.registration = (ContractRegistered) events.get(0);
    }

    /** The timeline of a contract's recorded events, first {@link ContractRegistered}, in recorded order. */
    public static ContractTimeline of(List<ContractEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty() || !(events.get(0) instanceof ContractRegistered registered)) {
            throw new IllegalArgumentException("a contract's history starts with ContractRegistered");
        }
        List<ContractEvent> copy = List.copyOf(events);
        LocalDate previous = registered.effectiveOn();
        for (int i = 1; i < copy.size(); i++) {
            ContractEvent event = copy.get(i);
            if (event instanceof ContractRegistered) {
                throw new IllegalArgumentException("a contract is registered once; event " + (i + 1) + " registers it again");
            }
            if (!event.contractId().equals(registered.contractId())) {
                throw new IllegalArgumentException("event " + (i + 1) + " belongs to " + event.contractId().value()
                        + ", not " + registered.contractId().value());
            }
            if (event.effectiveOn().isBefore(previous)) {
                throw new IllegalArgumentException("event " + (i + 1) + " is effective " + event.effectiveOn()
                        + ", before the previous event's " + previous);
            }
            previous = event.effectiveOn();
        }
        return new ContractTimeline(copy);
    }

    public static ContractTimeline of(ContractEvent... events) {
        return of(List.of(events));
    }

    /** A new timeline with {@code event} appended. */
    public ContractTimeline with(ContractEvent event) {
        List<ContractEvent> appended = new ArrayList<>(events);
        appended.add(event);
        return of(appended);
    }

    public ContractRegistered registration() {
        return registration;
    }

    public ContractId contractId() {
        return registration.contractId();
    }

    public ContractTerms terms() {
        return registration.terms();
    }

    /** The effective date of the last recorded event: no command may be dated before it. */
    public LocalDate latestEffectiveDate() {
        return events.get(events.size() - 1).effectiveOn();
    }

    public List<ContractEvent> events() {
        return events;
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The contract as of {@code date}: the events effective on or before it, and the renewals derived up to it. */
    public ContractState asOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return foldAsOf(date).state(date, false);
    }

    /**
     * Days in force and the periods spent in each status and phase, as of {@code asOf}. Periods start at the award
     * (AWARDED until the start date; ACTIVE from the start date when the award came later), then ACTIVE per phase,
     * then EXPIRED or TERMINATED, open.
     */
    public Durations durations(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        LocalDate awardedOn = registration.awardedOn();
        LocalDate start = terms().startDate();
        if (asOf.isBefore(awardedOn)) {
            return new Durations(asOf, 0, List.of());
        }
        Fold current = foldAsOf(asOf);
        ContractState now = current.state(asOf, false);
        long daysInForce = asOf.isBefore(start) ? 0
                : Math.max(0, DateRules.daysInclusive(start, min(asOf, now.endDate())));

        LocalDate first = min(awardedOn, start);
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        boundaries.add(first);
        boundaries.add(awardedOn);
        boundaries.add(start);
        boundaries.add(current.initialEnd.plusDays(1));
        boundaries.add(current.r0);
        boundaries.add(now.endDate().plusDays(1));
        for (ContractEvent event : current.prefix) {
            switch (event) {
                case ExtensionOptionExercised e -> {
                    boundaries.add(e.previousEndDate().plusDays(1));
                    boundaries.add(e.newEndDate().plusDays(1));
                }
                case ContractRenewed r -> {
                    boundaries.add(r.renewalPoint());
                    boundaries.add(r.newEndDate().plusDays(1));
                }
                case NoticeServed n -> boundaries.add(n.takesEffectOn());
                case ContractTerminated t -> boundaries.add(t.effectiveOn());
                default -> {
                }
            }
        }
        List<StatePeriod> periods = new ArrayList<>();
        ContractStatus status = null;
        ContractPhase phase = null;
        LocalDate from = null;
        for (LocalDate boundary : boundaries.subSet(first, true, asOf, true)) {
            ContractState at = boundary.isBefore(awardedOn)
                    ? foldAsOf(awardedOn).state(boundary, true)
                    : foldAsOf(boundary).state(boundary, false);
            if (at.status() == status && at.phase() == phase) {
                continue;
            }
            if (status != null) {
                periods.add(new StatePeriod(status, phase, from, boundary, DateRules.daysBetween(from, boundary)));
            }
            status = at.status();
            phase = at.phase();
            from = boundary;
        }
        if (status != null) {
            periods.add(new StatePeriod(status, phase, from, null, DateRules.daysInclusive(from, asOf)));
        }
        return new Durations(asOf, daysInForce, periods);
    }

    /**
     * The last day in force as the contract runs with what is recorded (automatic renewals derived); empty while it
     * renews automatically without limit (no maximum, no non-renewal notice, no termination).
     */
    public Optional<LocalDate> lastDayInForce() {
        Fold all = foldAll();
        if (all.rule != null && all.rule.mode() == RenewalMode.AUTOMATIC && all.autoLimit() == UNBOUNDED) {
            return Optional.empty();
        }
        return Optional.of(all.finalEnd());
    }

    /** Days in force over the whole term as currently known (start to {@link #lastDayInForce()}); empty when unbounded. */
    public OptionalLong totalDaysInForce() {
        return lastDayInForce()
                .map(last -> OptionalLong.of(Math.max(0, DateRules.daysInclusive(terms().startDate(), last))))
                .orElse(OptionalLong.empty());
    }

    /** The automatic renewals at renewal points on or before {@code upTo}, given the recorded events, in order. */
    public List<DerivedRenewal> automaticRenewals(LocalDate upTo) {
        Objects.requireNonNull(upTo, "upTo");
        Fold all = foldAll();
        if (all.rule == null || all.rule.mode() != RenewalMode.AUTOMATIC) {
            return List.of();
        }
        int count = all.renewalsAsOf(upTo);
        List<DerivedRenewal> renewals = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            renewals.add(new DerivedRenewal(all.point(k), k + 1, all.termEnd(k), all.endAfter(k)));
        }
        return renewals;
    }

    /**
     * The review occurrences due from {@code from} to {@code to} inclusive, in date order then id, with everything
     * recorded; recurring points stop at the end of the contract.
     */
    public List<ReviewOccurrence> reviewOccurrences(LocalDate from, LocalDate to) {
        Fold all = foldAll();
        LocalDate end = all.state(to, false).endDate();
        List<ReviewOccurrence> found = new ArrayList<>();
        for (ReviewPointScheduled point : all.reviewPoints) {
            List<ReviewPointCompleted> done = all.completions.getOrDefault(point.reviewId(), List.of());
            if (point.recurrence() == null) {
                if (!point.dueOn().isBefore(from) && !point.dueOn().isAfter(to)) {
                    found.add(occurrence(point, point.dueOn(), done.isEmpty() ? null : done.get(0).effectiveOn()));
                }
                continue;
            }
            for (int k = 0; ; k++) {
                LocalDate due = point.dueOn().plus(point.recurrence().multipliedBy(k));
                if (due.isAfter(to) || due.isAfter(end)) {
                    break;
                }
                if (!due.isBefore(from)) {
                    found.add(occurrence(point, due, k < done.size() ? done.get(k).effectiveOn() : null));
                }
            }
        }
        found.sort((a, b) -> a.dueOn().equals(b.dueOn()) ? compareIds(a.reviewId(), b.reviewId())
                : a.dueOn().compareTo(b.dueOn()));
        return found;
    }

    private static ReviewOccurrence occurrence(ReviewPointScheduled point, LocalDate due, LocalDate completedOn) {
        return new ReviewOccurrence(point.reviewId(), point.kind(), point.description(), due, completedOn);
    }

    private static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /** Record the go-live. */
    public ContractCommenced commence(LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (on.isBefore(registration.awardedOn())) {
            throw Rejection.COMMENCEMENT_BEFORE_AWARD.because("commencement on " + on
                    + " is before the award on " + registration.awardedOn());
        }
        guard(on);
        Fold now = foldAsOf(on);
        if (now.commencedOn != null) {
            throw Rejection.ALREADY_COMMENCED.because("commencement was already recorded, on " + now.commencedOn);
        }
        return new ContractCommenced(contractId(), on);
    }

    /** Exercise (part of) the current option to extend, decided on {@code on}. */
    public ExtensionOptionExercised exerciseExtension(Period length, LocalDate on) {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(on, "on");
        ContractState state = guard(on);
        Fold now = foldAsOf(on);
        List<ExtensionOption> options = terms().extensionOptions();
        if (options.isEmpty()) {
            throw Rejection.NO_EXTENSION_OPTION.because("the terms have no option to extend; the contract ends on "
                    + state.endDate());
        }
        int current = now.currentOption();
        if (current < 0) {
            throw Rejection.EXTENSION_OPTION_EXHAUSTED.because("all " + options.size() + " option(s) to extend, "
                    + DateRules.normalized(now.optionsTotal()) + " in all, have been exercised; the contract ends on "
                    + now.optionsEnd);
        }
        Period takenAfter = now.taken.plus(length);
        LocalDate newEnd = now.anchor.plus(takenAfter).minusDays(1);
        Period upToCurrent = now.cumulativeOptions(current);
        LocalDate optionMaximum = now.anchor.plus(upToCurrent).minusDays(1);
        if (newEnd.isAfter(optionMaximum)) {
            throw Rejection.EXTENSION_EXCEEDS_OPTION.because("extending by " + length + " would end the contract on "
                    + newEnd + ", after " + optionMaximum + ", the latest option " + (current + 1) + " allows; "
                    + DateRules.normalized(upToCurrent.minus(now.taken)) + " of it is left"
                    + (current + 1 < options.size() ? " (options are used in order, one at a time)" : ""));
        }
        if (now.renewedAsOf(on)) {
            throw Rejection.EXTENSION_DEADLINE_PASSED.because("the options to extend lapsed when the contract renewed "
                    + "at its renewal point " + now.r0 + "; it now ends on " + state.endDate());
        }
        LocalDate deadline = now.optionDeadline(current);
        if (on.isAfter(deadline)) {
            Period notice = options.get(current).noticePeriod();
            throw Rejection.EXTENSION_DEADLINE_PASSED.because("option " + (current + 1) + " had to be exercised by "
                    + deadline + (notice == null ? " (the end date)" : " (" + notice + " before " + now.r0 + ")")
                    + "; this exercise is dated " + on);
        }
        Period remaining = now.anchor.plus(upToCurrent).isAfter(now.anchor.plus(takenAfter))
                ? DateRules.normalized(upToCurrent.minus(takenAfter)) : Period.ZERO;
        return new ExtensionOptionExercised(contractId(), on, length, current + 1, now.optionsEnd, newEnd, remaining);
    }

    /** Record a renewal agreed on {@code on} (renewal rule {@code BY_AGREEMENT}), for the coming renewal point. */
    public ContractRenewed renew(LocalDate on) {
        Objects.requireNonNull(on, "on");
        ContractState state = guard(on);
        Fold now = foldAsOf(on);
        RenewalRule rule = now.rule;
        if (rule == null) {
            throw Rejection.NO_RENEWAL_RULE.because("the terms have no renewal rule; the contract ends on "
                    + state.endDate());
        }
        if (rule.mode() == RenewalMode.AUTOMATIC) {
            throw Rejection.RENEWAL_IS_AUTOMATIC.because("the contract renews automatically every " + rule.interval()
                    + " for " + rule.effectiveRollingTerm() + (state.nextRenewalPoint() == null ? ""
                    : "; the next renewal point is " + state.nextRenewalPoint())
                    + "; no renewal needs recording (to stop renewing, serve a NON_RENEWAL notice"
                    + (state.nonRenewalNoticeDeadline() == null ? ")" : " by " + state.nonRenewalNoticeDeadline() + ")"));
        }
        int recorded = now.renewals.size();
        LocalDate point = now.point(recorded);
        if (now.declinedFrom != null && !point.isBefore(now.declinedFrom)) {
            NoticeServed notice = now.nonRenewalNotice;
            throw Rejection.RENEWAL_DECLINED.because("a non-renewal notice served on " + notice.servedOn() + " by "
                    + notice.servedBy() + " declined renewal from " + notice.takesEffectOn()
                    + "; the contract runs off to " + state.endDate());
        }
        int coming = now.countUpTo(on);
        if (coming < recorded) {
            ContractRenewed last = now.renewals.get(recorded - 1);
            throw Rejection.ALREADY_RENEWED.because("the renewal for the renewal point " + last.renewalPoint()
                    + " was already recorded on " + last.effectiveOn() + " (the contract now ends on "
                    + last.newEndDate() + "); the next renewal can be recorded from " + last.renewalPoint());
        }
        if (rule.maxRenewals() != null && recorded >= rule.maxRenewals()) {
            throw Rejection.NOT_A_RENEWAL_POINT.because("all " + rule.maxRenewals()
                    + " renewals the terms allow have been taken; the contract ends on " + state.endDate());
        }
        if (now.stopAt != null && !point.isBefore(now.stopAt)) {
            throw Rejection.CONTRACT_TERMINATED.because("the contract is to be terminated from " + now.stopAt
                    + "; it cannot be renewed from " + point);
        }
        return new ContractRenewed(contractId(), on, recorded + 1, point, now.endAfter(recorded));
    }

    /**
     * Serve a notice. NON_RENEWAL: {@code takesEffectOn} is the renewal point declined (null: the first one it is in
     * time for). TERMINATION: {@code takesEffectOn} is the first day no longer in force.
     */
    public NoticeServed serveNotice(NoticeKind kind, LocalDate servedOn, String servedBy, LocalDate takesEffectOn) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(servedOn, "servedOn");
        guard(servedOn);
        Fold now = foldAsOf(servedOn);
        return kind == NoticeKind.TERMINATION
                ? terminationNotice(now, servedOn, servedBy, takesEffectOn)
                : nonRenewalNotice(now, servedOn, servedBy, takesEffectOn);
    }

    private NoticeServed terminationNotice(Fold now, LocalDate servedOn, String servedBy, LocalDate takesEffectOn) {
        Objects.requireNonNull(takesEffectOn, "takesEffectOn");
        if (now.terminationNotice != null) {
            throw Rejection.NOTICE_ALREADY_SERVED.because("a termination notice was already served on "
                    + now.terminationNotice.servedOn() + " by " + now.terminationNotice.servedBy()
                    + ", taking effect on " + now.terminationNotice.takesEffectOn());
        }
        Period notice = terms().terminationNoticePeriod() == null ? Period.ZERO : terms().terminationNoticePeriod();
        LocalDate earliest = servedOn.plus(notice);
        if (takesEffectOn.isBefore(earliest)) {
            throw Rejection.NOTICE_TOO_SHORT.because("the termination notice period is " + notice
                    + ": served on " + servedOn + ", it can take effect on " + earliest + " at the earliest, not "
                    + takesEffectOn);
        }
        LocalDate wouldEnd = now.projectedEnd(max(servedOn, takesEffectOn.minusDays(1)));
        if (takesEffectOn.isAfter(wouldEnd.plusDays(1))) {
            throw Rejection.CONTRACT_EXPIRED.because("the contract ends on " + wouldEnd
                    + " as it stands, before a termination on " + takesEffectOn + " would take effect");
        }
        return new NoticeServed(contractId(), NoticeKind.TERMINATION, servedOn, servedBy, takesEffectOn,
                takesEffectOn.minusDays(1));
    }

    private NoticeServed nonRenewalNotice(Fold now, LocalDate servedOn, String servedBy, LocalDate takesEffectOn) {
        RenewalRule rule = now.rule;
        if (rule == null) {
            throw Rejection.NO_RENEWAL_RULE.because("the terms have no renewal rule, so there is no renewal to decline;"
                    + " the contract ends on " + now.state(servedOn, false).endDate());
        }
        if (now.nonRenewalNotice != null) {
            throw Rejection.NOTICE_ALREADY_SERVED.because("a non-renewal notice was already served on "
                    + now.nonRenewalNotice.servedOn() + " by " + now.nonRenewalNotice.servedBy()
                    + ", declining renewal from " + now.nonRenewalNotice.takesEffectOn());
        }
        int next = now.renewalsAsOf(servedOn);
        int limit = now.renewalLimit();
        int declined;
        if (takesEffectOn == null) {
            declined = -1;
            if (rule.mode() == RenewalMode.BY_AGREEMENT) {
                if (next < limit) {
                    if (now.deadline(now.point(next)).isBefore(servedOn)) {
                        throw tooShort(now, next, servedOn);
                    }
                    declined = next;
                }
            } else {
                for (int k = next; k < limit && !now.point(k).isAfter(HORIZON); k++) {
                    if (!now.deadline(now.point(k)).isBefore(servedOn)) {
                        declined = k;
                        break;
                    }
                }
            }
            if (declined < 0) {
                throw Rejection.NOT_A_RENEWAL_POINT.because("no renewal point remains to decline: "
                        + now.whyNoRenewal(next));
            }
        } else {
            declined = now.indexOfPoint(takesEffectOn);
            if (declined < 0) {
                throw Rejection.NOT_A_RENEWAL_POINT.because(takesEffectOn + " is not a renewal point; they fall on "
                        + now.point(0) + " and every " + now.step + " after" + (next < limit
                        ? " (the next is " + now.point(next) + ")" : ""));
            }
            if (rule.mode() == RenewalMode.BY_AGREEMENT && declined < next) {
                throw Rejection.ALREADY_RENEWED.because("the renewal for the renewal point " + takesEffectOn
                        + " was already recorded on " + now.renewals.get(declined).effectiveOn());
            }
            if (now.deadline(takesEffectOn).isBefore(servedOn)) {
                throw tooShort(now, declined, servedOn);
            }
            if (declined >= limit) {
                throw Rejection.NOT_A_RENEWAL_POINT.because("the contract will not renew at " + takesEffectOn + ": "
                        + now.whyNoRenewal(declined));
            }
            if (rule.mode() == RenewalMode.BY_AGREEMENT && declined > next) {
                throw Rejection.NOT_A_RENEWAL_POINT.because("only the coming renewal point, " + now.point(next)
                        + ", can be declined; " + takesEffectOn + " is later");
            }
        }
        LocalDate endsOn = now.termEnd(declined);
        if (now.stopAt != null) {
            endsOn = min(endsOn, now.stopAt.minusDays(1));
        }
        return new NoticeServed(contractId(), NoticeKind.NON_RENEWAL, servedOn, servedBy, now.point(declined), endsOn);
    }

    private static RuntimeException tooShort(Fold now, int k, LocalDate servedOn) {
        LocalDate point = now.point(k);
        Period notice = now.rule.noticePeriod();
        return Rejection.NOTICE_TOO_SHORT.because("a non-renewal notice for the renewal point " + point
                + " had to be served by " + now.deadline(point) + (notice == null ? " (the day before it)"
                : " (" + notice + " before it)") + "; this one is served on " + servedOn);
    }

    /** End the contract: {@code effectiveOn} is the first day no longer in force. */
    public ContractTerminated terminate(LocalDate effectiveOn, String initiatedBy, Money costs) {
        Objects.requireNonNull(effectiveOn, "effectiveOn");
        requireInOrder(effectiveOn);
        ContractState state = asOf(effectiveOn);
        if (state.status() == ContractStatus.TERMINATED) {
            throw terminated(state);
        }
        if (state.status() == ContractStatus.EXPIRED && effectiveOn.isAfter(state.endDate().plusDays(1))) {
            throw expired(state, effectiveOn);
        }
        return new ContractTerminated(contractId(), effectiveOn, initiatedBy, costs);
    }

    /** Vary the contract; its value changes by {@code valueChange} (null: unchanged). */
    public ContractVaried vary(LocalDate on, Money valueChange, String description) {
        Objects.requireNonNull(on, "on");
        ContractState state = guard(on);
        Money value = state.value();
        Money newValue = value;
        if (valueChange != null && value != null) {
            if (!valueChange.currency().equals(value.currency())) {
                throw new InvalidValueException("valueChange.currency", "must be " + value.currency()
                        + ", the currency of the contract's value; got " + valueChange.currency());
            }
            newValue = value.plus(valueChange);
            if (newValue.isNegative()) {
                throw new InvalidValueException("valueChange.amount", "would make the value negative: "
                        + value + " plus " + valueChange + " is " + newValue);
            }
        }
        return new ContractVaried(contractId(), on, description, valueChange, newValue);
    }

    /** Schedule a review point, scheduled on {@code on}; ids are R1, R2, … in scheduling order. */
    public ReviewPointScheduled scheduleReviewPoint(LocalDate on, LocalDate dueOn, ReviewKind kind, String description,
                                                    Period recurrence) {
        Objects.requireNonNull(on, "on");
        guard(on);
        long scheduled = events.stream().filter(ReviewPointScheduled.class::isInstance).count();
        return new ReviewPointScheduled(contractId(), "R" + (scheduled + 1), on, dueOn, kind, description, recurrence);
    }

    /** Complete a review point on {@code on}: the earliest occurrence not yet completed. */
    public ReviewPointCompleted completeReviewPoint(String reviewId, LocalDate on, String outcome) {
        Objects.requireNonNull(on, "on");
        guard(on);
        Fold now = foldAsOf(on);
        ReviewPointScheduled point = now.reviewPoints.stream().filter(p -> p.reviewId().equals(reviewId))
                .findFirst().orElseThrow(() -> Rejection.UNKNOWN_REVIEW_POINT.because("no review point " + reviewId
                        + " is scheduled for this contract" + (now.reviewPoints.isEmpty() ? ""
                        : "; scheduled: " + String.join(", ",
                        now.reviewPoints.stream().map(ReviewPointScheduled::reviewId).toList()))));
        List<ReviewPointCompleted> done = now.completions.getOrDefault(reviewId, List.of());
        if (point.recurrence() == null && !done.isEmpty()) {
            throw Rejection.REVIEW_POINT_ALREADY_COMPLETED.because("review point " + reviewId + " due on "
                    + point.dueOn() + " was already completed on " + done.get(0).effectiveOn());
        }
        LocalDate due = point.recurrence() == null ? point.dueOn()
                : point.dueOn().plus(point.recurrence().multipliedBy(done.size()));
        return new ReviewPointCompleted(contractId(), reviewId, due, on, outcome);
    }

    // ------------------------------------------------------------------------------------------------ guards

    private void requireInOrder(LocalDate on) {
        LocalDate latest = latestEffectiveDate();
        if (on.isBefore(latest)) {
            throw Rejection.OUT_OF_ORDER.because("dated " + on + ", before " + latest
                    + ", the latest effective date recorded for this contract; record a correction instead");
        }
    }

    /** out_of_order, then contract_terminated / contract_expired as of {@code on}. */
    private ContractState guard(LocalDate on) {
        requireInOrder(on);
        ContractState state = asOf(on);
        if (state.status() == ContractStatus.TERMINATED) {
            throw terminated(state);
        }
        if (state.status() == ContractStatus.EXPIRED) {
            throw expired(state, on);
        }
        return state;
    }

    private static RuntimeException terminated(ContractState state) {
        LocalDate effective = state.terminationEffectiveOn();
        String lastDay = effective.isAfter(state.startDate())
                ? "last day in force " + effective.minusDays(1)
                : "before its start date " + state.startDate() + ", so it was never in force";
        return Rejection.CONTRACT_TERMINATED.because("the contract was terminated with effect from " + effective
                + " (" + lastDay + ")");
    }

    private static RuntimeException expired(ContractState state, LocalDate on) {
        return Rejection.CONTRACT_EXPIRED.because("the contract expired: it ended on " + state.endDate()
                + ", before " + on);
    }

    // ------------------------------------------------------------------------------------------------ folding

    private Fold foldAsOf(LocalDate date) {
        int length = 0;
        while (length < events.size() && !events.get(length).effectiveOn().isAfter(date)) {
            length++;
        }
        return fold(length);
    }

    private Fold foldAll() {
        return fold(events.size());
    }

    private Fold fold(int length) {
        return folds.computeIfAbsent(length, n -> new Fold(registration, events.subList(0, n)));
    }

    /** The facts of a prefix of the events, and the date rules over them. */
    private static final class Fold {

        final List<ContractEvent> prefix;
        final ContractTerms terms;
        final RenewalRule rule;
        final LocalDate awardedOn;
        final LocalDate start;
        final LocalDate initialEnd;
        final LocalDate anchor;

        LocalDate commencedOn;
        Period taken = Period.ZERO;
        final List<ContractRenewed> renewals = new ArrayList<>();
        NoticeServed nonRenewalNotice;
        NoticeServed terminationNotice;
        ContractTerminated termination;
        Money value;
        final List<ReviewPointScheduled> reviewPoints = new ArrayList<>();
        final Map<String, List<ReviewPointCompleted>> completions = new HashMap<>();

        /** The last day of the term as extended by the options exercised; R_0 is the day after. */
        final LocalDate optionsEnd;
        final LocalDate r0;
        /** Renewal points step by this: the interval (AUTOMATIC) or the renewal term (BY_AGREEMENT). */
        final Period step;
        /** The first day no longer in force by a termination or termination notice known; null if none. */
        final LocalDate stopAt;
        /** The first renewal point declined by a non-renewal notice; null if none. */
        final LocalDate declinedFrom;
        private Integer autoLimit;

        Fold(ContractRegistered registration, List<ContractEvent> prefix) {
            this.prefix = prefix;
            this.terms = registration.terms();
            this.rule = terms.renewal();
            this.awardedOn = registration.awardedOn();
            this.start = terms.startDate();
            this.initialEnd = terms.initialEnd();
            this.anchor = initialEnd.plusDays(1);
            this.value = registration.value();
            for (ContractEvent event : prefix) {
                switch (event) {
                    case ContractRegistered r -> {
                    }
                    case ContractCommenced c -> commencedOn = c.effectiveOn();
                    case ExtensionOptionExercised e -> taken = taken.plus(e.length());
                    case ContractRenewed r -> renewals.add(r);
                    case NoticeServed n -> {
                        if (n.kind() == NoticeKind.TERMINATION) {
                            terminationNotice = n;
                        } else {
                            nonRenewalNotice = n;
                        }
                    }
                    case ContractTerminated t -> termination = t;
                    case ContractVaried v -> value = v.newValue() != null ? v.newValue() : value;
                    case ReviewPointScheduled s -> reviewPoints.add(s);
                    case ReviewPointCompleted c ->
                            completions.computeIfAbsent(c.reviewId(), id -> new ArrayList<>()).add(c);
                }
            }
            this.optionsEnd = anchor.plus(taken).minusDays(1);
            this.r0 = optionsEnd.plusDays(1);
            this.step = rule == null ? null
                    : rule.mode() == RenewalMode.AUTOMATIC ? rule.interval() : rule.effectiveRollingTerm();
            LocalDate stop = termination == null ? null : termination.effectiveOn();
            if (terminationNotice != null) {
                stop = stop == null ? terminationNotice.takesEffectOn() : min(stop, terminationNotice.takesEffectOn());
            }
            this.stopAt = stop;
            this.declinedFrom = nonRenewalNotice == null ? null : nonRenewalNotice.takesEffectOn();
        }

        // -------- renewal points

        /** Renewal point k (from 0). */
        LocalDate point(int k) {
            try {
                return r0.plus(step.multipliedBy(k));
            } catch (DateTimeException | ArithmeticException beyond) {
                return LocalDate.MAX;
            }
        }

        /** The last day in force after the renewal at point k. */
        LocalDate endAfter(int k) {
            try {
                Period length = rule.mode() == RenewalMode.AUTOMATIC
                        ? rule.interval().multipliedBy(k).plus(rule.effectiveRollingTerm())
                        : step.multipliedBy(k + 1);
                return r0.plus(length).minusDays(1);
            } catch (DateTimeException | ArithmeticException beyond) {
                return LocalDate.MAX;
            }
        }

        /** The last day of the term after {@code count} renewals. */
        LocalDate termEnd(int count) {
            return count == 0 ? optionsEnd : endAfter(count - 1);
        }

        /** How many renewal points fall on or before {@code date}. */
        int countUpTo(LocalDate date) {
            if (rule == null || point(0).isAfter(date)) {
                return 0;
            }
            int low = 0; // point(low) <= date
            int high = 1;
            while (!point(high).isAfter(date)) {
                low = high;
                if (high > UNBOUNDED / 2) {
                    return UNBOUNDED;
                }
                high *= 2;
            }
            while (high - low > 1) { // point(low) <= date < point(high)
                int middle = low + (high - low) / 2;
                if (point(middle).isAfter(date)) {
                    high = middle;
                } else {
                    low = middle;
                }
            }
            return low + 1;
        }

        int countBefore(LocalDate date) {
            return date == null ? UNBOUNDED : countUpTo(date.minusDays(1));
        }

        /** The index of {@code date} among the renewal points, or −1. */
        int indexOfPoint(LocalDate date) {
            int count = countUpTo(date);
            return count > 0 && count != UNBOUNDED && point(count - 1).equals(date) ? count - 1 : -1;
        }

        /**
         * AUTOMATIC: the index of the first renewal point at which the contract does not renew (UNBOUNDED if none):
         * maxRenewals, a termination, a non-renewal notice, or a gap (not in force the day before the point).
         */
        int autoLimit() {
            if (autoLimit == null) {
                int limit = rule.maxRenewals() == null ? UNBOUNDED : rule.maxRenewals();
                limit = Math.min(limit, countBefore(stopAt));
                limit = Math.min(limit, countBefore(declinedFrom));
                Period interval = DateRules.normalized(rule.interval());
                Period rolling = DateRules.normalized(rule.effectiveRollingTerm());
                boolean seamless = rolling.toTotalMonths() >= interval.toTotalMonths()
                        && rolling.getDays() >= interval.getDays();
                if (!seamless) {
                    for (int k = 1; k < limit && !point(k).isAfter(HORIZON); k++) {
                        if (endAfter(k - 1).plusDays(1).isBefore(point(k))) {
                            limit = k;
                            break;
                        }
                    }
                }
                autoLimit = limit;
            }
            return autoLimit;
        }

        /** The index of the first renewal point that will not renew as things stand (BY_AGREEMENT: may still). */
        int renewalLimit() {
            if (rule == null) {
                return 0;
            }
            if (rule.mode() == RenewalMode.AUTOMATIC) {
                return autoLimit();
            }
            int limit = rule.maxRenewals() == null ? UNBOUNDED : rule.maxRenewals();
            limit = Math.min(limit, countBefore(stopAt));
            return Math.min(limit, countBefore(declinedFrom));
        }

        String whyNoRenewal(int k) {
            LocalDate point = point(k);
            if (rule.maxRenewals() != null && k >= rule.maxRenewals()) {
                return "all " + rule.maxRenewals() + " renewals the terms allow are taken by then";
            }
            if (stopAt != null && !point.isBefore(stopAt)) {
                return "the contract is terminated from " + stopAt;
            }
            if (declinedFrom != null && !point.isBefore(declinedFrom)) {
                return "renewal from " + declinedFrom + " was declined";
            }
            return "the contract ends on " + termEnd(k) + ", before the renewal point " + point;
        }

        /** Renewals that have happened (AUTOMATIC, at points on or before the date) or been recorded (BY_AGREEMENT). */
        int renewalsAsOf(LocalDate date) {
            if (rule == null) {
                return 0;
            }
            if (rule.mode() == RenewalMode.BY_AGREEMENT) {
                return renewals.size();
            }
            return Math.min(autoLimit(), countUpTo(date));
        }

        boolean renewedAsOf(LocalDate date) {
            return renewalsAsOf(date) > 0;
        }

        LocalDate deadline(LocalDate point) {
            return DateRules.noticeDeadline(point, rule.noticePeriod());
        }

        /** The last day of the term as it stands on {@code date}, renewals derived up to it, before any termination. */
        LocalDate projectedEnd(LocalDate date) {
            return termEnd(renewalsAsOf(date));
        }

        /** The first day no longer in force by a termination or notice known, if it ends the contract; else null. */
        LocalDate effectiveTermination() {
            if (stopAt == null) {
                return null;
            }
            return stopAt.isAfter(projectedEnd(stopAt.minusDays(1)).plusDays(1)) ? null : stopAt;
        }

        /** The last day in force as the contract runs with these events (AUTOMATIC: autoLimit must be bounded). */
        LocalDate finalEnd() {
            int count = rule == null ? 0 : rule.mode() == RenewalMode.AUTOMATIC ? autoLimit() : renewals.size();
            LocalDate end = termEnd(count);
            LocalDate termination = effectiveTermination();
            if (termination != null) {
                end = min(end, termination.minusDays(1));
            }
            return max(end, start.minusDays(1));
        }

        // -------- options

        Period cumulativeOptions(int upToIndex) {
            Period total = Period.ZERO;
            for (int i = 0; i <= upToIndex; i++) {
                total = total.plus(terms.extensionOptions().get(i).maxLength());
            }
            return total;
        }

        Period optionsTotal() {
            return terms.extensionOptions().isEmpty() ? Period.ZERO
                    : cumulativeOptions(terms.extensionOptions().size() - 1);
        }

        /** The option being used: the first not used up (compared as dates), or −1. */
        int currentOption() {
            LocalDate reached = anchor.plus(taken);
            Period total = Period.ZERO;
            List<ExtensionOption> options = terms.extensionOptions();
            for (int i = 0; i < options.size(); i++) {
                total = total.plus(options.get(i).maxLength());
                if (anchor.plus(total).isAfter(reached)) {
                    return i;
                }
            }
            return -1;
        }

        LocalDate optionDeadline(int option) {
            return DateRules.noticeDeadline(r0, terms.extensionOptions().get(option).noticePeriod());
        }

        LocalDate maximumEnd() {
            LocalDate optionsMaximum = anchor.plus(optionsTotal()).minusDays(1);
            if (rule == null) {
                return optionsMaximum;
            }
            if (rule.maxRenewals() == null) {
                return null;
            }
            int n = rule.maxRenewals();
            Period renewed = rule.mode() == RenewalMode.AUTOMATIC
                    ? rule.interval().multipliedBy(n - 1).plus(rule.effectiveRollingTerm())
                    : step.multipliedBy(n);
            return optionsMaximum.plusDays(1).plus(renewed).minusDays(1);
        }

        // -------- the state

        ContractState state(LocalDate date, boolean lookingBack) {
            int renewalsTaken = renewalsAsOf(date);
            LocalDate termEnd = termEnd(renewalsTaken);
            LocalDate termination = effectiveTermination();
            LocalDate end = termination == null ? termEnd : min(termEnd, termination.minusDays(1));
            end = max(end, start.minusDays(1));

            ContractStatus status;
            if (date.isBefore(awardedOn) && !lookingBack) {
                status = ContractStatus.NOT_YET_AWARDED;
            } else if (termination != null && !date.isBefore(termination)) {
                status = ContractStatus.TERMINATED;
            } else if (date.isBefore(start)) {
                status = ContractStatus.AWARDED;
            } else if (!date.isAfter(end)) {
                status = ContractStatus.ACTIVE;
            } else {
                status = ContractStatus.EXPIRED;
            }
            ContractPhase phase = null;
            if (status == ContractStatus.ACTIVE) {
                phase = !date.isAfter(initialEnd) ? ContractPhase.INITIAL_TERM
                        : !date.isAfter(optionsEnd) ? ContractPhase.EXTENSION
                        : rule.mode() == RenewalMode.AUTOMATIC ? ContractPhase.ROLLING_RENEWAL
                        : ContractPhase.RENEWED;
            }
            boolean live = status.isLive();

            Period extensionRemaining = null;
            LocalDate extensionDeadline = null;
            int option = currentOption();
            if (live && option >= 0 && renewalsTaken == 0) {
                LocalDate deadline = optionDeadline(option);
                if (!date.isAfter(deadline)) {
                    extensionDeadline = deadline;
                    extensionRemaining = DateRules.normalized(optionsTotal().minus(taken));
                }
            }

            LocalDate nextRenewalPoint = null;
            LocalDate nonRenewalDeadline = null;
            if (live && rule != null) {
                nextRenewalPoint = nextRenewalPoint(date, renewalsTaken);
                nonRenewalDeadline = nonRenewalDeadline(date, renewalsTaken);
            }

            NoticeServed notice = terminationNotice != null ? terminationNotice : nonRenewalNotice;
            boolean runOff = nonRenewalNotice != null && status != ContractStatus.TERMINATED && !date.isAfter(end);
            return new ContractState(date, status, phase, start, end, maximumEnd(), extensionRemaining,
                    nextRenewalPoint, nonRenewalDeadline, extensionDeadline, runOff,
                    notice == null ? null : NoticeInForce.of(notice), termination, awardedOn, commencedOn, value,
                    renewalsTaken, live && inTransition(date), live ? nextReviewDue(end) : null);
        }

        private LocalDate nextRenewalPoint(LocalDate date, int renewalsTaken) {
            if (rule.mode() == RenewalMode.AUTOMATIC) {
                return renewalsTaken < autoLimit() ? point(renewalsTaken) : null;
            }
            int recorded = renewals.size();
            if (recorded > 0) {
                LocalDate agreed = renewals.get(recorded - 1).renewalPoint();
                if (agreed.isAfter(date) && (stopAt == null || agreed.isBefore(stopAt))) {
                    return agreed;
                }
            }
            return recorded < renewalLimit() ? point(recorded) : null;
        }

        private LocalDate nonRenewalDeadline(LocalDate date, int renewalsTaken) {
            if (nonRenewalNotice != null) {
                return null;
            }
            if (rule.mode() == RenewalMode.BY_AGREEMENT) {
                int recorded = renewals.size();
                if (rule.noticePeriod() == null || recorded >= renewalLimit()) {
                    return null;
                }
                LocalDate deadline = deadline(point(recorded));
                return deadline.isBefore(date) ? null : deadline;
            }
            int limit = autoLimit();
            for (int k = renewalsTaken; k < limit && !point(k).isAfter(HORIZON); k++) {
                LocalDate deadline = deadline(point(k));
                if (!deadline.isBefore(date)) {
                    return deadline;
                }
            }
            return null;
        }

        private boolean inTransition(LocalDate date) {
            return reviewPoints.stream().anyMatch(p -> p.kind() == ReviewKind.TRANSITION_END
                    && !p.dueOn().isBefore(date) && !completions.containsKey(p.reviewId()));
        }

        private LocalDate nextReviewDue(LocalDate end) {
            LocalDate next = null;
            for (ReviewPointScheduled point : reviewPoints) {
                int done = completions.getOrDefault(point.reviewId(), List.of()).size();
                LocalDate due;
                if (point.recurrence() == null) {
                    if (done > 0) {
                        continue;
                    }
                    due = point.dueOn();
                } else {
                    due = point.dueOn().plus(point.recurrence().multipliedBy(done));
                    if (due.isAfter(end)) {
                        continue;
                    }
                }
                next = next == null ? due : min(next, due);
            }
            return next;
        }
    }
}
