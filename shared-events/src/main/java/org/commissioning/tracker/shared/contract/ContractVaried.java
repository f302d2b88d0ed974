package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import org.commissioning.tracker.shared.Money;

/** The contract was varied on {@code effectiveOn}: {@code description}; its value changed by {@code valueChange}. */
public record ContractVaried(
        ContractId contractId,
        LocalDate effectiveOn,
        String description,
        Money valueChange,
        Money newValue) implements ContractEvent {
}
