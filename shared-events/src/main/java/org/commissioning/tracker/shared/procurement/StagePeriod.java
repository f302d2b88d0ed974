package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;

/**
 * A stage from the day it was entered ({@code from}) to the day it was left ({@code to}: the next stage entered, the
 * award or the abandonment), {@code to − from} days; {@code to} is null while it is still open as of the date asked,
 * and {@code days} is then {@code asOf − from} (DOMAIN.md, "Durations in days").
 */
public record StagePeriod(ProcurementStage stage, LocalDate from, LocalDate to, long days) {
}
