package org.commissioning.tracker.shared.keydates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementState;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.commissioning.tracker.shared.procurement.Standstill;

/**
 * A procurement's key dates (DOMAIN.md, "Key dates": "for procurements, standstill end and planned award and go-live
 * dates") with everything recorded so far, folded by the shared {@link ProcurementTimeline}. Like a contract's, they do
 * not depend on "today", so a read model of them can be rebuilt. They are obligations of a procurement still running:
 * <ul>
 * <li>{@code STANDSTILL_END}: the last day of the standstill recorded (the latest, if one replaced another); the award
 * may be made from the day after.</li>
 * <li>{@code PLANNED_AWARD}: the award date planned when the procurement was planned.</li>
 * <li>{@code PLANNED_START}: the go-live of the service planned when the procurement was planned.</li>
 * </ul>
 * None is listed once the procurement is awarded or abandoned: an award ends the standstill (it cannot be made before
 * the standstill ended) and settles the planned award; from the award on, the contract it created holds the dates (its
 * start date is in its terms, which may differ from the one planned), so a planned go-live would only be a stale second
 * date for the same service. An abandoned procurement awards nothing and starts nothing.
 */
public final class ProcurementKeyDates {

    private ProcurementKeyDates() {
    }

    public static KeyDateSchedule of(ProcurementTimeline timeline) {
        ProcurementPlanned planning = timeline.planning();
        ProcurementState folded = timeline.asOf(timeline.latestEffectiveDate());
        if (folded.awardedOn() != null || folded.abandonedOn() != null) {
            return new KeyDateSchedule(List.of(), List.of());
        }
        List<ScheduledDate> dates = new ArrayList<>();
        Standstill standstill = folded.standstill();
        if (standstill != null) {
            dates.add(new ScheduledDate(standstill.endsOn(), KeyDateKind.STANDSTILL_END, 0,
                    "Last day of the standstill (from " + standstill.startsOn() + "); the contract may be awarded from "
                            + standstill.awardPossibleFrom()));
        }
        if (planning.plannedAwardOn() != null) {
            dates.add(new ScheduledDate(planning.plannedAwardOn(), KeyDateKind.PLANNED_AWARD, 0,
                    "Contract award planned; not yet awarded: " + where(folded)));
        }
        if (planning.plannedStartOn() != null) {
            dates.add(new ScheduledDate(planning.plannedStartOn(), KeyDateKind.PLANNED_START, 0,
                    "Service start (go-live) planned" + (planning.plannedAwardOn() == null ? ""
                            : ", after an award planned on " + planning.plannedAwardOn()) + "; not yet awarded: "
                            + where(folded)));
        }
        dates.sort(KeyDateSchedule.ORDER);
        return new KeyDateSchedule(dates, List.of());
    }

    /** "in stage final tenders since 2014-07-01, route competitive dialogue". */
    private static String where(ProcurementState state) {
        return "in stage " + words(state.stage().name()) + " since " + state.stageEnteredOn() + ", route "
                + (state.route() == null ? "undecided" : words(state.route().name()));
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
