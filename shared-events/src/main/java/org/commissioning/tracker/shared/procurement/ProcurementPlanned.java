package org.commissioning.tracker.shared.procurement;

import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;

/**
 * A procurement was planned on {@code effectiveOn} by {@code buyers}, under {@code regime}, by {@code route} (possibly
 * still {@code UNDECIDED}); it is in the {@code PLANNING} stage from that date. The estimated value, the maximum price
 * bids may not exceed and the planned award and start dates are given where known.
 */
public record ProcurementPlanned(
        ProcurementId procurementId,
        String title,
        List<Party> buyers,
        Regime regime,
        ProcurementRoute route,
        Money estimatedValue,
        Money maximumPrice,
        LocalDate plannedAwardOn,
        LocalDate plannedStartOn,
        LocalDate effectiveOn) implements ProcurementEvent {
}
