package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/** The service went live on {@code effectiveOn}. Optional: a contract is in force from its start date regardless. */
public record ContractCommenced(ContractId contractId, LocalDate effectiveOn) implements ContractEvent {
}
