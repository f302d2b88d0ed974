package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * How long a contract has spent in force and in each status and phase, as of {@code asOf} (API.md, "Durations").
 * {@code daysInForce} counts from the start date to the earlier of {@code asOf} and the last day in force, inclusive;
 * it is 0 before the start. The days of the ACTIVE {@code periods} add up to it.
 */
public record Durations(LocalDate asOf, long daysInForce, List<StatePeriod> periods) {

    public Durations {
        periods = List.copyOf(periods);
    }

    /** Days spent in a status, over all its periods. */
    public long daysIn(ContractStatus status) {
        return periods.stream().filter(p -> p.status() == status).mapToLong(StatePeriod::days).sum();
    }

    /** Days spent ACTIVE in a phase. */
    public long daysIn(ContractPhase phase) {
        return periods.stream().filter(p -> p.phase() == phase).mapToLong(StatePeriod::days).sum();
    }
}
