package org.commissioning.tracker.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of one run, per system side by side, and the markdown written to BENCHMARKS.md. A figure is a value
 * (events/s, ms, MB) with how it spread (min/median/max of rounds, or median/p99/max of requests), or the reason it
 * is not available.
 */
final class Report {

    enum System {
        OURS("ours"), AXON_DEFAULTS("(a) Axon defaults"), JPA_REGISTER("(b) JPA register"), RAW_JDBC("(c) raw JDBC");

        final String label;

        System(String label) {
            this.label = label;
        }
    }

    /** One figure: {@code value} is the headline (a median, or the single measurement); null when not available. */
    record Figure(Double value, String unit, String spread, boolean higherIsBetter) {
        static Figure unavailable(String why) {
            return new Figure(null, "", why, true);
        }

        String cell() {
            if (value == null) {
                return spread;
            }
            return format(value) + " " + unit + (spread.isEmpty() ? "" : " (" + spread + ")");
        }
    }

    static final String BULK = "Bulk load of the portfolio (events/s)";

    final Map<String, Map<System, Figure>> figures = new LinkedHashMap<>();
    final List<String> settings = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void put(String measure, System system, Figure figure) {
        figures.computeIfAbsent(measure, m -> new EnumMap<>(System.class)).put(system, figure);
        java.lang.System.out.printf("BENCHMARK %-60s %-20s %s%n", measure, system.label, figure.cell());
    }

    Figure get(String measure, System system) {
        Map<System, Figure> row = figures.get(measure);
        return row == null ? null : row.get(system);
    }

    /** Throughputs of several rounds: min/median/max, headline the median. */
    static Figure rounds(List<Double> perSecond, String unit) {
        List<Double> sorted = new ArrayList<>(perSecond);
        Collections.sort(sorted);
        return new Figure(median(sorted), unit, sorted.size() == 1 ? "1 round"
                : "min " + format(sorted.getFirst()) + ", max " + format(sorted.getLast()) + ", " + sorted.size()
                + " rounds", true);
    }

    /** Latencies of many requests: median, p99 and max, headline the median. */
    static Figure latencies(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Figure(median(sorted), "ms", "p99 " + format(percentile(sorted, 0.99)) + " ms, max "
                + format(sorted.getLast()) + " ms, " + sorted.size() + " requests", false);
    }

    static double median(List<Double> sorted) {
        return percentile(sorted, 0.5);
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format("%,.0f", value);
        }
        return value >= 10 ? String.format("%.1f", value) : String.format("%.2f", value);
    }

    /** ours / other on the headline values, or a dash. */
    String ratio(String measure, System other) {
        Figure ours = get(measure, System.OURS);
        Figure theirs = get(measure, other);
        if (theirs == null && other == System.RAW_JDBC && measure.endsWith("(events/s)") && !measure.contains("rebuild")) {
            theirs = get(BULK, System.RAW_JDBC); // every write and load against the ceiling for appends
        }
        if (ours == null || theirs == null || ours.value() == null || theirs.value() == null || theirs.value() == 0) {
            return "–";
        }
        double ratio = ours.value() / theirs.value();
        return ratio >= 0.1 ? String.format("%.2f", ratio) : String.format("%.2g", ratio);
    }

    String markdown(String title, List<String[]> targets) {
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        md.append("Written by the `benchmarks` module (see README, \"Benchmarks\"); do not edit by hand.\n\n");
        md.append("## Machine, versions, settings\n\n");
        settings.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Targets (issue 7)\n\n| Target | Measured | |\n|---|---|---|\n");
        targets.forEach(t -> md.append("| ").append(t[0]).append(" | ").append(t[1]).append(" | ").append(t[2])
                .append(" |\n"));
        md.append("\n## Every figure, side by side\n\nThroughputs are the median of several rounds (min and max in "
                + "brackets); latencies the median of many requests (p99 and max in brackets). Ratios divide ours by "
                + "the baseline's headline figure: above 1 means ours is higher (better for throughputs, worse for "
                + "latencies and memory). Every write and load rate is divided by (c), the ceiling for appends.\n\n");
        md.append("| Measure | ours | (a) Axon defaults | (b) JPA register | (c) raw JDBC | ours/(a) | ours/(b) | ours/(c) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        figures.forEach((measure, row) -> {
            md.append("| ").append(measure);
            for (System system : System.values()) {
                Figure figure = row.get(system);
                md.append(" | ").append(figure == null ? "" : figure.cell());
            }
            md.append(" | ").append(ratio(measure, System.AXON_DEFAULTS)).append(" | ")
                    .append(ratio(measure, System.JPA_REGISTER)).append(" | ").append(ratio(measure, System.RAW_JDBC))
                    .append(" |\n");
        });
        md.append("\n## Notes\n\n");
        new java.util.LinkedHashSet<>(notes).forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }
}
