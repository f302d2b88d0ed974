package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.shared.contract.ContractId;

/**
 * A procurement as of a date, derived by {@link ProcurementTimeline#asOf(LocalDate)}: what was known to have happened
 * by the end of that day. An absent value is null.
 *
 * @param asOf                       the date asked about
 * @param status                     where the procurement stands on {@code asOf}
 * @param route                      the route chosen by then
 * @param stage                      the stage it is in; null before it was planned and once awarded or abandoned
 * @param stageEnteredOn             when it entered {@code stage}
 * @param daysInStage                {@code asOf − stageEnteredOn}; null without a stage
 * @param stages                     every stage entered, in order, with the days spent in it
 * @param notices                    the notices published, in the order recorded
 * @param funnel                     the participation counts, in funnel order; {@code BIDS_RECEIVED}, when no count was
 *                                   recorded, is the number of bidders with a bid recorded
 * @param bids                       each bidder's latest bid, in the order the bidders first bid
 * @param winningBid                 the bid of a provider it was awarded to, if one was recorded
 * @param standstill                 the standstill period recorded
 * @param contractId                 the contract the award created
 * @param awardedOn                  the date of the award
 * @param abandonedOn                the date of the abandonment
 * @param daysToAward                from the procurement's effective date to the award
 * @param daysFromFirstNoticeToAward from the first notice published to the award
 */
public record ProcurementState(
        LocalDate asOf,
        ProcurementStatus status,
        ProcurementRoute route,
        ProcurementStage stage,
        LocalDate stageEnteredOn,
        Long daysInStage,
        List<StagePeriod> stages,
        List<PublishedNotice> notices,
        Map<ParticipationMeasure, Integer> funnel,
        List<Bid> bids,
        Bid winningBid,
        Standstill standstill,
        ContractId contractId,
        LocalDate awardedOn,
        LocalDate abandonedOn,
        Long daysToAward,
        Long daysFromFirstNoticeToAward) {
}
