package org.commissioning.tracker.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.query.procurement.RecordedProcurementEvents;
import org.commissioning.tracker.query.web.Paging;
import org.commissioning.tracker.query.web.ReadYourWrites;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.procurement.ProcurementHistoryQueries.GetProcurementHistory;
import org.commissioning.tracker.shared.procurement.ProcurementHistoryQueries.ProcurementHistory;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit history of a procurement (API.md, "History entry"), the same as a contract's. */
@RestController
@Tag(name = "Procurements (read)")
public class ProcurementHistoryController {

    private final QueryGateway queries;
    private final RecordedProcurementEvents events;
    private final ReadYourWrites readYourWrites;

    ProcurementHistoryController(QueryGateway queries, RecordedProcurementEvents events, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.events = events;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/procurements/{id}/history")
    @Operation(summary = "Every recorded event of a procurement, with who recorded it, when and why, in the order "
            + "they took effect; as known at a time")
    ProcurementHistory history(
            @PathVariable String id,
            @Parameter(description = "only what had been recorded by this instant (default: everything so far)")
            @RequestParam(required = false) Instant knownAt,
            @Parameter(description = "wait (a few seconds at most) until the projection has seen this version")
            @RequestParam(required = false) Long minVersion,
            @Parameter(description = "zero-based page, default 0")
            @RequestParam(required = false) Integer page,
            @Parameter(description = "entries per page, 1 to " + Paging.MAX_SIZE + ", default " + Paging.DEFAULT_SIZE)
            @RequestParam(required = false) Integer size) {
        ProcurementId procurementId = new ProcurementId(id);
        Paging paging = Paging.of(page, size);
        readYourWrites.await(minVersion, () -> events.projectedVersion(id), "procurement " + id);
        return queries.query(new GetProcurementHistory(procurementId, knownAt, paging.page(), paging.size()),
                        ResponseTypes.optionalInstanceOf(ProcurementHistory.class)).join()
                .orElseThrow(() -> Rejection.UNKNOWN_PROCUREMENT.because("No procurement with id '" + id
                        + "' is registered" + (knownAt == null ? "" : " as known at " + knownAt)));
    }
}
