package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;
import org.commissioning.tracker.shared.Money;

/**
 * {@code bidder} bid {@code amount}, received on {@code effectiveOn}. A later bid from the same bidder (a final tender
 * after dialogue) replaces the earlier one, whose amount is {@code previousAmount} (null for a bidder's first bid).
 */
public record BidRecorded(
        ProcurementId procurementId,
        LocalDate effectiveOn,
        String bidder,
        Money amount,
        Money previousAmount) implements ProcurementEvent {
}
