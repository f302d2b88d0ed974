package org.commissioning.tracker.query.procurement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.query.web.ReadYourWrites;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementQueries;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.FindProcurements;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.GetProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.ProcurementDetails;
import org.commissioning.tracker.shared.procurement.ProcurementQueries.ProcurementPipeline;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.commissioning.tracker.shared.procurement.ProcurementStatus;
import org.commissioning.tracker.shared.procurement.Regime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/procurements")
@Tag(name = "Procurements (read)")
public class ProcurementQueryController {

    private final QueryGateway queries;
    private final ProcurementViews views;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ProcurementQueryController(QueryGateway queries, ProcurementViews views, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A procurement as of a date, as known at a time: route, notices, stages and days, funnel, bids, outcome")
    ProcurementDetails procurement(@PathVariable String id,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @RequestParam(required = false) Instant knownAt,
                                   @RequestParam(required = false) Long minVersion) {
        ProcurementId procurementId = new ProcurementId(id);
        readYourWrites.await(minVersion, () -> Optional.ofNullable(views.versionOf(id)).orElse(-1L), "procurement " + id);
        return queries.query(new GetProcurement(procurementId, dateOrToday(asOf), knownAt),
                        ResponseTypes.optionalInstanceOf(ProcurementDetails.class)).join()
                .orElseThrow(() -> Rejection.UNKNOWN_PROCUREMENT.because("No procurement with id '" + id
                        + "' is registered" + (knownAt == null ? "" : " as known at " + knownAt)));
    }

    @GetMapping
    @Operation(summary = "The pipeline as of a date: every procurement planned by then, filtered by status, route and regime")
    ProcurementPipeline pipeline(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                 @RequestParam(required = false) ProcurementStatus status,
                                 @RequestParam(required = false) ProcurementRoute route,
                                 @RequestParam(required = false) Regime regime,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        var query = new FindProcurements(dateOrToday(asOf), status, route, regime, page == null ? 0 : page,
                size == null ? ProcurementQueries.DEFAULT_PAGE_SIZE : size);
        return queries.query(query, ResponseTypes.instanceOf(ProcurementPipeline.class)).join();
    }

    private LocalDate dateOrToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
