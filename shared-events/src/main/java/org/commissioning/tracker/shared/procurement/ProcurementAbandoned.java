package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** The procurement was abandoned on {@code effectiveOn}, in {@code stage}, without an award. Nothing follows it. */
public record ProcurementAbandoned(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        ProcurementStage stage) implements ProcurementEvent {
}
