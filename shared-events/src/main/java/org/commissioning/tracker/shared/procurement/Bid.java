package org.commissioning.tracker.shared.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.commissioning.tracker.shared.Money;

/**
 * A bidder's bid (its latest, when it bid more than once) against the maximum price: {@code underMaximum} is the
 * maximum less the bid and {@code underMaximumPercent} that as a percentage of the maximum, to two places (both null
 * without a maximum price). {@code winning} marks the bid of a provider the procurement was awarded to.
 */
public record Bid(String bidder, Money amount, LocalDate receivedOn, Money underMaximum,
                  BigDecimal underMaximumPercent, boolean winning) {
}
