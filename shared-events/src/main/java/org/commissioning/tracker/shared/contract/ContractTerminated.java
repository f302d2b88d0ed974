package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import org.commissioning.tracker.shared.Money;

/**
 * The contract ended early: {@code effectiveOn} is the first day no longer in force (the last day in force is the day
 * before). {@code initiatedBy} names the party that ended it; {@code costs} what ending it cost, where known.
 */
public record ContractTerminated(
        ContractId contractId,
        LocalDate effectiveOn,
        String initiatedBy,
        Money costs) implements ContractEvent {
}
