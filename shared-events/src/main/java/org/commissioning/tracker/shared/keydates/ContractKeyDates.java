package org.commissioning.tracker.shared.keydates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRenewed;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractTerminated;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.DateRules;
import org.commissioning.tracker.shared.contract.DerivedRenewal;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.NoticeServed;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.contract.ReviewOccurrence;
import org.commissioning.tracker.shared.contract.ReviewPointCompleted;
import org.commissioning.tracker.shared.contract.ReviewPointScheduled;
import org.commissioning.tracker.shared.keydates.DateSeries.Shape;

/**
 * A contract's key dates (DOMAIN.md, "Key dates") with everything recorded so far, asked of its
 * {@link ContractTimeline}'s public rules and never worked out again here. They do not depend on "today": the same events always give
 * the same schedule, so a read model of them can be rebuilt. What is listed:
 * <ul>
 * <li>{@code END_OF_TERM}: the last day in force as the contract runs ({@link ContractTimeline#lastDayInForce()}); none
 * while it renews automatically without limit, and none when a termination ends it.</li>
 * <li>{@code TERMINATION_EFFECTIVE}: the first day no longer in force after a termination or termination notice that
 * ends the contract. Nothing else is listed on or after it.</li>
 * <li>{@code MAXIMUM_END}: the contractual maximum, while it is later than the end of term and no termination or
 * non-renewal notice has fixed the end.</li>
 * <li>{@code EXTENSION_DECISION_DEADLINE}: the deadline of the option still open once everything recorded is folded
 * (a deadline already met by an exercise, or passed before a later recorded event, is history, not an
 * obligation).</li>
 * <li>{@code RENEWAL_POINT} and {@code NON_RENEWAL_NOTICE_DEADLINE}: automatic rules: every renewal point at which
 * the contract renews, past and future, with its notice deadline, as a series (without end unless a limit, a
 * non-renewal notice or a termination stops it). By agreement: the renewals recorded, and the coming renewal point
 * while one remains, with its notice deadline when the rule sets a notice period.</li>
 * <li>{@code REVIEW_POINT} and {@code TRANSITION_END}: each occurrence of each review point; recurring ones stop at the
 * end of the contract ({@link ContractTimeline#reviewOccurrences}), completed occurrences say when.</li>
 * </ul>
 */
public final class ContractKeyDates {

    private ContractKeyDates() {
    }

    public static KeyDateSchedule of(ContractTimeline timeline) {
        return new Builder(timeline).build();
    }

    private static final class Builder {

        final ContractTimeline timeline;
        final ContractTerms terms;
        final RenewalRule rule;
        /** The state with every event folded (as of the latest effective date). */
        final ContractState folded;
        final Optional<LocalDate> lastDay;
        final LocalDate termination;
        final List<ScheduledDate> dates = new ArrayList<>();
        final List<DateSeries> series = new ArrayList<>();
        NoticeServed nonRenewalNotice;
        NoticeServed terminationNotice;
        ContractTerminated terminated;
        final List<ContractRenewed> renewals = new ArrayList<>();
        final List<ReviewPointScheduled> reviewPoints = new ArrayList<>();
        final Map<String, Integer> completions = new HashMap<>();

        Builder(ContractTimeline timeline) {
            this.timeline = timeline;
            this.terms = timeline.terms();
            this.rule = terms.renewal();
            this.folded = timeline.asOf(timeline.latestEffectiveDate());
            this.lastDay = timeline.lastDayInForce();
            this.termination = folded.terminationEffectiveOn();
            for (ContractEvent event : timeline.events()) {
                switch (event) {
                    case NoticeServed n when n.kind() == NoticeKind.NON_RENEWAL -> nonRenewalNotice = n;
                    case NoticeServed n -> terminationNotice = n;
                    case ContractTerminated t -> terminated = t;
                    case ContractRenewed r -> renewals.add(r);
                    case ReviewPointScheduled s -> reviewPoints.add(s);
                    case ReviewPointCompleted c -> completions.merge(c.reviewId(), 1, Integer::sum);
                    default -> {
                    }
                }
            }
        }

        KeyDateSchedule build() {
            ending();
            maximumEnd();
            extensionDeadline();
            if (rule != null && rule.mode() == RenewalMode.AUTOMATIC) {
                automaticRenewals();
            } else if (rule != null) {
                renewalsByAgreement();
            }
            reviews();
            if (termination != null) {
                dates.removeIf(d -> d.kind() != KeyDateKind.TERMINATION_EFFECTIVE && !d.date().isBefore(termination));
            }
            dates.sort(KeyDateSchedule.ORDER);
            return new KeyDateSchedule(dates, series);
        }

        void add(LocalDate date, KeyDateKind kind, String detail) {
            dates.add(new ScheduledDate(date, kind, 0, detail));
        }

        void ending() {
            if (termination != null) {
                String lastInForce = "; last day in force " + termination.minusDays(1);
                if (terminated != null && terminated.effectiveOn().equals(termination)) {
                    add(termination, KeyDateKind.TERMINATION_EFFECTIVE, "Terminated with effect from this date"
                            + (terminated.initiatedBy() == null ? "" : ", initiated by " + terminated.initiatedBy())
                            + (terminated.costs() == null ? "" : ", costs " + terminated.costs()) + lastInForce);
                } else {
                    add(termination, KeyDateKind.TERMINATION_EFFECTIVE, "Termination notice served on "
                            + terminationNotice.servedOn() + " by " + terminationNotice.servedBy() + " takes effect"
                            + lastInForce);
                }
                return;
            }
            lastDay.ifPresent(end -> add(end, KeyDateKind.END_OF_TERM, endOfTermDetail(end)));
        }

        String endOfTermDetail(LocalDate end) {
            if (nonRenewalNotice != null) {
                return "Last day in force: the contract runs off after the non-renewal notice served on "
                        + nonRenewalNotice.servedOn() + " by " + nonRenewalNotice.servedBy();
            }
            LocalDate coming = comingAgreedRenewal();
            if (coming != null) {
                return "Last day in force unless the renewal from " + coming + " is agreed by this date";
            }
            if (folded.extensionDecisionDeadline() != null) {
                return "Last day in force unless an option to extend is exercised by "
                        + folded.extensionDecisionDeadline() + " (" + folded.extensionRemaining() + " left)";
            }
            if (rule != null && rule.mode() == RenewalMode.AUTOMATIC) {
                return "Last day in force: no further automatic renewal"
                        + (rule.maxRenewals() == null ? "" : " (at most " + rule.maxRenewals() + ")");
            }
            return "Last day in force: the term ends; no option or renewal remains";
        }

        void maximumEnd() {
            LocalDate maximum = folded.maximumEndDate();
            if (maximum == null || termination != null || nonRenewalNotice != null || lastDay.isEmpty()
                    || !maximum.isAfter(lastDay.get())) {
                return;
            }
            add(maximum, KeyDateKind.MAXIMUM_END, "Latest end the terms allow, with every option to extend"
                    + (rule == null ? "" : " and renewal") + " taken; the term now ends on " + lastDay.get());
        }

        void extensionDeadline() {
            LocalDate deadline = folded.extensionDecisionDeadline();
            if (deadline != null) {
                add(deadline, KeyDateKind.EXTENSION_DECISION_DEADLINE, "Last day to exercise an option to extend ("
                        + folded.extensionRemaining() + " left); otherwise the term ends on " + folded.endDate());
            }
        }

        void automaticRenewals() {
            LocalDate anchor;
            Integer last;
            if (lastDay.isPresent()) { // renewals are limited: list them all
                List<DerivedRenewal> all = timeline.automaticRenewals(LocalDate.MAX);
                if (all.isEmpty()) {
                    return;
                }
                anchor = all.getFirst().renewalPoint();
                last = all.size() - 1;
            } else { // renewing without limit
                List<DerivedRenewal> happened = timeline.automaticRenewals(timeline.latestEffectiveDate());
                anchor = happened.isEmpty() ? folded.nextRenewalPoint() : happened.getFirst().renewalPoint();
                last = null;
            }
            series.add(new DateSeries(Shape.AUTOMATIC_RENEWALS, KeyDateKind.RENEWAL_POINT, 0, anchor, rule.interval(),
                    0, last, rule.noticePeriod(), rule.effectiveRollingTerm(), null));
            series.add(new DateSeries(Shape.NON_RENEWAL_DEADLINES, KeyDateKind.NON_RENEWAL_NOTICE_DEADLINE, 0, anchor,
                    rule.interval(), 0, last, rule.noticePeriod(), rule.effectiveRollingTerm(), null));
        }

        /** By agreement: the coming renewal point as things stand (the day after the end, while renewals remain). */
        LocalDate comingAgreedRenewal() {
            if (rule == null || rule.mode() != RenewalMode.BY_AGREEMENT) {
                return null;
            }
            LocalDate end = lastDay.orElseThrow();
            LocalDate latest = timeline.latestEffectiveDate();
            return timeline.asOf(end.isAfter(latest) ? end : latest).nextRenewalPoint();
        }

        void renewalsByAgreement() {
            for (ContractRenewed renewal : renewals) {
                add(renewal.renewalPoint(), KeyDateKind.RENEWAL_POINT, "Renewal " + renewal.renewalNumber()
                        + " by agreement, recorded on " + renewal.effectiveOn() + ": runs to " + renewal.newEndDate());
            }
            LocalDate coming = comingAgreedRenewal();
            if (coming == null) {
                return;
            }
            int number = renewals.size() + 1;
            add(coming, KeyDateKind.RENEWAL_POINT, "Renewal point: renewal " + number
                    + (rule.maxRenewals() == null ? "" : " of at most " + rule.maxRenewals())
                    + " must be agreed by " + coming.minusDays(1) + ", the end date, or the agreement expires");
            if (rule.noticePeriod() != null) {
                add(DateRules.noticeDeadline(coming, rule.noticePeriod()), KeyDateKind.NON_RENEWAL_NOTICE_DEADLINE,
                        DateSeries.nonRenewalDeadline(coming, rule.noticePeriod()));
            }
        }

        void reviews() {
            for (int i = 0; i < reviewPoints.size(); i++) {
                ReviewPointScheduled point = reviewPoints.get(i);
                KeyDateKind kind = point.kind() == ReviewKind.TRANSITION_END ? KeyDateKind.TRANSITION_END
                        : KeyDateKind.REVIEW_POINT;
                int ordinal = ordinal(point.reviewId(), i + 1);
                String label = words(point.kind()) + " " + point.reviewId()
                        + (point.description() == null ? "" : ": " + point.description());
                int done = completions.getOrDefault(point.reviewId(), 0);
                if (point.recurrence() == null) {
                    for (ReviewOccurrence occurrence : occurrences(point, point.dueOn())) {
                        dates.add(new ScheduledDate(occurrence.dueOn(), kind, ordinal, label + completed(occurrence)));
                    }
                    continue;
                }
                DateSeries recurring = new DateSeries(Shape.RECURRING_REVIEWS, kind, ordinal, point.dueOn(),
                        point.recurrence(), 0, null, null, null, label);
                if (done > 0) { // completed occurrences singly, with the day each was completed
                    for (ReviewOccurrence occurrence : occurrences(point, recurring.point(done - 1))) {
                        int k = recurring.lastIndexOnOrBefore(occurrence.dueOn());
                        dates.add(new ScheduledDate(occurrence.dueOn(), kind, ordinal,
                                recurring.detailOf(k) + completed(occurrence)));
                    }
                }
                Integer last = null;
                if (lastDay.isPresent()) {
                    last = recurring.lastIndexOnOrBefore(lastDay.get());
                    if (last < done) {
                        continue;
                    }
                }
                series.add(new DateSeries(Shape.RECURRING_REVIEWS, kind, ordinal, point.dueOn(), point.recurrence(),
                        done, last, null, null, label));
            }
        }

        List<ReviewOccurrence> occurrences(ReviewPointScheduled point, LocalDate upTo) {
            return timeline.reviewOccurrences(point.dueOn(), upTo).stream()
                    .filter(o -> o.reviewId().equals(point.reviewId()))
                    .toList();
        }

        static String completed(ReviewOccurrence occurrence) {
            return occurrence.completedOn() == null ? "" : "; completed on " + occurrence.completedOn();
        }

        static int ordinal(String reviewId, int fallback) {
            try {
                return Integer.parseInt(reviewId.substring(1));
            } catch (RuntimeException notNumbered) {
                return fallback;
            }
        }

        static String words(ReviewKind kind) {
            return switch (kind) {
                case CONTRACT_REVIEW -> "Contract review";
                case PERFORMANCE_REVIEW -> "Performance review";
                case FINANCIAL_REVIEW -> "Financial review";
                case BREAK_POINT -> "Break point";
                case TRANSITION_END -> "End of the transition period";
            };
        }
    }
}
