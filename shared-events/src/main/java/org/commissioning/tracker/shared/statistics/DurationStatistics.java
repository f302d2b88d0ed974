package org.commissioning.tracker.shared.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * Durations across the portfolio, grouped by route, regime or kind (API.md, {@code GET /api/statistics/durations}).
 * Measures: {@code STAGE_<stage>} (days in each procurement stage, closed stages only), {@code PLANNING_TO_AWARD},
 * {@code FIRST_NOTICE_TO_AWARD}, {@code AWARD_TO_GO_LIVE} (award to recorded commencement) and {@code IN_FORCE} (days
 * in force so far, contracts started by {@code asOf}).
 */
public record DurationStatistics(GroupBy groupBy, LocalDate asOf, List<Group> groups) {

    public enum GroupBy {
        ROUTE, REGIME, KIND
    }

    /** The question: every procurement and contract as of {@code asOf}, grouped. */
    public record GetDurationStatistics(GroupBy groupBy, LocalDate asOf) {
    }

    public record Group(String group, int procurements, int contracts, List<Measure> measures) {
    }

    /** Days over {@code count} cases: the mean to one decimal place and the median (the mean of the middle two). */
    public record Measure(String measure, int count, double meanDays, double medianDays) {
    }
}
