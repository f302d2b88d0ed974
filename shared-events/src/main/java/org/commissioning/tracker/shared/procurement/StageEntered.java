package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/** The procurement entered {@code stage} on {@code effectiveOn}, leaving {@code previousStage} that day. */
public record StageEntered(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        ProcurementStage stage,
        ProcurementStage previousStage) implements ProcurementEvent {
}
