package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * {@code servedBy} served a notice on {@code servedOn} (its effective date). For {@code TERMINATION},
 * {@code takesEffectOn} is the first day the contract is no longer in force. For {@code NON_RENEWAL} it is the renewal
 * point declined; the contract runs off to {@code endsOn}, its last day in force.
 */
public record NoticeServed(
        ContractId contractId,
        NoticeKind kind,
        LocalDate servedOn,
        String servedBy,
        LocalDate takesEffectOn,
        LocalDate endsOn) implements ContractEvent {

    @Override
    public LocalDate effectiveOn() {
        return servedOn;
    }
}
