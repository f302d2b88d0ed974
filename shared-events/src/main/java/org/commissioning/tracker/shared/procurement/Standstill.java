package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** A standstill period, both days included; the award may be made from the day after {@code endsOn}. */
public record Standstill(LocalDate startsOn, LocalDate endsOn) {

    /** The first day an award may be made. */
    public LocalDate awardPossibleFrom() {
        return endsOn.plusDays(1);
    }
}
