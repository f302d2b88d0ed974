package org.commissioning.tracker.query.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.statistics.DurationStatistics;
import org.commissioning.tracker.shared.statistics.DurationStatistics.GetDurationStatistics;
import org.commissioning.tracker.shared.statistics.DurationStatistics.GroupBy;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/statistics")
@Tag(name = "Statistics")
public class StatisticsController {

    private final QueryGateway queries;
    private final Clock clock;

    StatisticsController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/durations")
    @Operation(summary = "Counts, mean and median days per procurement stage, to award, to go-live and in force, by route, regime or kind")
    DurationStatistics durations(@RequestParam String groupBy,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        GroupBy grouping = Arrays.stream(GroupBy.values())
                .filter(value -> value.name().equals(groupBy.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("groupBy", "must be route, regime or kind; got '" + groupBy + "'"));
        return queries.query(new GetDurationStatistics(grouping, asOf != null ? asOf : LocalDate.now(clock)),
                DurationStatistics.class).join();
    }
}
