package org.commissioning.tracker.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.query.contract.RecordedContractEvents;
import org.commissioning.tracker.query.web.Paging;
import org.commissioning.tracker.query.web.ReadYourWrites;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.ContractHistory;
import org.commissioning.tracker.shared.contract.ContractHistoryQueries.GetContractHistory;
import org.commissioning.tracker.shared.contract.ContractId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit history of a contract (API.md, "History entry"). */
@RestController
@Tag(name = "Contracts (read)")
public class ContractHistoryController {

    private final QueryGateway queries;
    private final RecordedContractEvents events;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ContractHistoryController(QueryGateway queries, RecordedContractEvents events, ReadYourWrites readYourWrites,
                              Clock clock) {
        this.queries = queries;
        this.events = events;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/api/contracts/{id}/history")
    @Operation(summary = "Every recorded event of a contract, with who recorded it, when and why, and the automatic "
            + "renewals derived from them (derived: true), in the order they took effect; as known at a time")
    ContractHistory history(
            @PathVariable String id,
            @Parameter(description = "only what had been recorded by this instant (default: everything so far)")
            @RequestParam(required = false) Instant knownAt,
            @Parameter(description = "wait (a few seconds at most) until the projection has seen this version")
            @RequestParam(required = false) Long minVersion,
            @Parameter(description = "zero-based page, default 0")
            @RequestParam(required = false) Integer page,
            @Parameter(description = "entries per page, 1 to " + Paging.MAX_SIZE + ", default " + Paging.DEFAULT_SIZE)
            @RequestParam(required = false) Integer size) {
        ContractId contractId = new ContractId(id);
        Paging paging = Paging.of(page, size);
        readYourWrites.await(minVersion, () -> events.projectedVersion(id), "contract " + id);
        // the renewals up to today that the events known then imply: a late-recorded notice shows what it undid
        LocalDate today = LocalDate.now(clock);
        return queries.query(new GetContractHistory(contractId, knownAt, today, paging.page(), paging.size()),
                        ResponseTypes.optionalInstanceOf(ContractHistory.class)).join()
                .orElseThrow(() -> Rejection.UNKNOWN_CONTRACT.because("No contract with id '" + id + "' is registered"
                        + (knownAt == null ? "" : " as known at " + knownAt)));
    }
}
