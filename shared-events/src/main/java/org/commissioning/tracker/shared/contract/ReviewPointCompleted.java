package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/** The occurrence of review point {@code reviewId} due on {@code dueOn} was completed on {@code effectiveOn}. */
public record ReviewPointCompleted(
        ContractId contractId,
        String reviewId,
        LocalDate dueOn,
        LocalDate effectiveOn,
        String outcome) implements ContractEvent {
}
