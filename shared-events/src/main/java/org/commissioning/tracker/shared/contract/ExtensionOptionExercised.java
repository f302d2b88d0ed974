package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;

/**
 * An option to extend was exercised on {@code effectiveOn} for {@code length}: option {@code optionNumber} (from 1),
 * leaving {@code remainingInOption} of it; the contract now ends on {@code newEndDate}.
 */
public record ExtensionOptionExercised(
        ContractId contractId,
        LocalDate effectiveOn,
        Period length,
        int optionNumber,
        LocalDate previousEndDate,
        LocalDate newEndDate,
        Period remainingInOption) implements ContractEvent {
}
