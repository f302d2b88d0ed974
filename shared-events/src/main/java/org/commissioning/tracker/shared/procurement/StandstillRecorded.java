package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/**
 * A standstill period runs from {@code startsOn} (its effective date) to {@code endsOn}, both included: no contract may
 * be awarded before the day after {@code endsOn}. The procurement is in the {@code STANDSTILL} stage from
 * {@code startsOn}. A later standstill (after a challenge, say) replaces it.
 */
public record StandstillRecorded(
        ProcurementId procurementId,
        LocalDate startsOn,
        LocalDate endsOn) implements ProcurementEvent {

    @Override
    public LocalDate effectiveOn() {
        return startsOn;
    }
}
