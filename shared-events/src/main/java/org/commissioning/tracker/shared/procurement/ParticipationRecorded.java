package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/**
 * {@code count} is the number at {@code measure} of the funnel as of {@code effectiveOn}; {@code previousCount} is the
 * count it replaces (null when it is the first for that measure).
 */
public record ParticipationRecorded(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        ParticipationMeasure measure,
        int count,
        Integer previousCount) implements ProcurementEvent {
}
