package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** The procurement's route became {@code route} on {@code effectiveOn}; it was {@code previousRoute} before. */
public record RouteChosen(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        ProcurementRoute route,
        ProcurementRoute previousRoute) implements ProcurementEvent {
}
