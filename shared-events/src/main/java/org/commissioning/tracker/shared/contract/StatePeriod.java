package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * A stretch of time a contract spent in one status (and, when ACTIVE, one phase): from {@code from} to the day before
 * {@code to}, the first day of the next period; {@code to} is null while the period is still open as of the date asked.
 * A closed period lasts {@code to − from} days; an open one counts the date asked as well
 * ({@code asOf − from + 1}), so that the ACTIVE periods add up to the days in force.
 */
public record StatePeriod(ContractStatus status, ContractPhase phase, LocalDate from, LocalDate to, long days) {
}
