package org.commissioning.tracker.query.contract;

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
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDetails;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDurations;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContractDurations;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContract;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts (read)")
public class ContractQueryController {

    private final QueryGateway queries;
    private final ContractViews views;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ContractQueryController(QueryGateway queries, ContractViews views, ReadYourWrites readYourWrites, Clock clock) {
        this.queries = queries;
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A contract's facts and state as of a date, as known at a time")
    ContractDetails contract(@PathVariable String id,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) Instant knownAt,
                             @RequestParam(required = false) Long minVersion) {
        ContractId contractId = new ContractId(id);
        readYourWrites.await(minVersion, () -> Optional.ofNullable(views.versionOf(id)).orElse(-1L), "contract " + id);
        return ask(new GetContract(contractId, dateOrToday(asOf), knownAt), ContractDetails.class, id, knownAt);
    }

    @GetMapping("/{id}/durations")
    @Operation(summary = "Days in force so far, and days in each state and phase, as of a date")
    ContractDurations durations(@PathVariable String id,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                @RequestParam(required = false) Instant knownAt) {
        return ask(new GetContractDurations(new ContractId(id), dateOrToday(asOf), knownAt), ContractDurations.class,
                id, knownAt);
    }

    private LocalDate dateOrToday(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    private <R> R ask(Object query, Class<R> answer, String id, Instant knownAt) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(answer)).join()
                .orElseThrow(() -> Rejection.UNKNOWN_CONTRACT.because("No contract with id '" + id + "' is registered"
                        + (knownAt == null ? "" : " as known at " + knownAt)));
    }
}
