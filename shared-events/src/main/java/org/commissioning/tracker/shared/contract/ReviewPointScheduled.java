package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;

/**
 * A review point {@code reviewId} was scheduled on {@code effectiveOn}, due on {@code dueOn} and then every
 * {@code recurrence} (null for a one-off) while the contract is in force.
 */
public record ReviewPointScheduled(
        ContractId contractId,
        String reviewId,
        LocalDate effectiveOn,
        LocalDate dueOn,
        ReviewKind kind,
        String description,
        Period recurrence) implements ContractEvent {
}
