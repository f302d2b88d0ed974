package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * The parties agreed on {@code effectiveOn} to renew (a {@code BY_AGREEMENT} renewal rule) from {@code renewalPoint};
 * renewal number {@code renewalNumber} (from 1); the contract now ends on {@code newEndDate}. Automatic renewals are
 * not events: they are derived from the terms.
 */
public record ContractRenewed(
        ContractId contractId,
        LocalDate effectiveOn,
        int renewalNumber,
        LocalDate renewalPoint,
        LocalDate newEndDate) implements ContractEvent {
}
