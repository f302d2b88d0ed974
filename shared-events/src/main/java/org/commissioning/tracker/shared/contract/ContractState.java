package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;
import org.commissioning.tracker.shared.Money;

/**
 * A contract as of a date (API.md, "Contract state"), derived by {@link ContractTimeline#asOf(LocalDate)}. An absent
 * date is null.
 *
 * @param asOf                      the date asked about
 * @param status                    where the contract stands on {@code asOf}
 * @param phase                     the part of the term, only while ACTIVE (null otherwise)
 * @param startDate                 the first day in force, from the terms
 * @param endDate                   the last day in force as known on {@code asOf}: the term as extended and renewed so
 *                                  far, cut short by a termination (or a termination notice served); never before
 *                                  {@code startDate − 1}
 * @param maximumEndDate            the initial end plus every option, extended by {@code maxRenewals} renewals; null
 *                                  when renewals are unbounded
 * @param extensionRemaining        what is left of all options to extend, while one can still be exercised; else null
 * @param nextRenewalPoint          the first renewal point after {@code asOf} that would still happen
 * @param nonRenewalNoticeDeadline  the last day to serve a non-renewal notice for the earliest renewal point still
 *                                  open to one
 * @param extensionDecisionDeadline the last day to exercise the current option, while one can still be exercised
 * @param runOff                    a non-renewal notice stands and the contract is running off to its end
 * @param noticeServed              the termination notice served, else the non-renewal notice served, else null
 * @param terminationEffectiveOn    the first day no longer in force because of a termination or a notice known on
 *                                  {@code asOf}
 * @param awardedOn                 the award date
 * @param commencedOn               the go-live date recorded, if any
 * @param value                     the value with every variation folded in (null when never given)
 * @param renewalsTaken             renewals that have happened (automatic) or been agreed (by agreement)
 * @param inTransition              a transition period (a {@code TRANSITION_END} review point) has not yet ended
 * @param nextReviewDue             the earliest review occurrence not yet completed (possibly overdue)
 */
public record ContractState(
        LocalDate asOf,
        ContractStatus status,
        ContractPhase phase,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate maximumEndDate,
        Period extensionRemaining,
        LocalDate nextRenewalPoint,
        LocalDate nonRenewalNoticeDeadline,
        LocalDate extensionDecisionDeadline,
        boolean runOff,
        NoticeInForce noticeServed,
        LocalDate terminationEffectiveOn,
        LocalDate awardedOn,
        LocalDate commencedOn,
        Money value,
        int renewalsTaken,
        boolean inTransition,
        LocalDate nextReviewDue) {

    /** Whether the contract is in force on {@code asOf}. */
    public boolean inForce() {
        return status == ContractStatus.ACTIVE;
    }
}
