package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * An automatic renewal (renewal rule {@code AUTOMATIC}): not an event, but derived from the terms and the recorded
 * events. At {@code renewalPoint} the end moved from {@code previousEndDate} to {@code newEndDate}; renewal number
 * {@code renewalNumber} (from 1). Shown in the history as a derived entry.
 */
public record DerivedRenewal(LocalDate renewalPoint, int renewalNumber, LocalDate previousEndDate, LocalDate newEndDate) {
}
