package org.commissioning.tracker.query.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.commissioning.tracker.query.web.Paging;
import org.commissioning.tracker.query.web.ReadYourWrites;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDetails;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDurations;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContractDurations;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContract;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegisterQueries.ContractRegister;
import org.commissioning.tracker.shared.contract.ContractRegisterQueries.GetContractRegister;
import org.commissioning.tracker.shared.contract.ContractStatus;
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

    @GetMapping
    @Operation(summary = "The register: one summary per contract as of a date, filtered, sorted by id, paged",
            description = "Computed with everything recorded so far (no knownAt). status, kind, commissioner and "
                    + "provider (a party's name, any case) filter; endingBefore keeps contracts whose end date as of "
                    + "asOf is before that date. To read your own write, give minVersion with minVersionOf, the "
                    + "contract written.")
    ContractRegister register(
            @Parameter(description = "the date the register is evaluated on (default today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) ContractStatus status,
            @RequestParam(required = false) ContractKind kind,
            @RequestParam(required = false) String commissioner,
            @RequestParam(required = false) String provider,
            @Parameter(description = "only contracts whose end date as of asOf is before this date")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endingBefore,
            @Parameter(description = "zero-based page, default 0")
            @RequestParam(required = false) Integer page,
            @Parameter(description = "contracts per page, 1 to " + Paging.MAX_SIZE + ", default " + Paging.DEFAULT_SIZE)
            @RequestParam(required = false) Integer size,
            @Parameter(description = "wait until the register has seen this version of the contract minVersionOf")
            @RequestParam(required = false) Long minVersion,
            @RequestParam(required = false) String minVersionOf,
            @Parameter(hidden = true) @RequestParam(required = false) String knownAt) {
        if (knownAt != null) {
            throw new InvalidValueException("knownAt", "the register is computed with everything recorded so far; "
                    + "ask GET /api/contracts/{id}?asOf=&knownAt= for one contract as known at a time");
        }
        Paging paging = Paging.of(page, size);
        LocalDate date = Values.date("asOf", dateOrToday(asOf));
        if (endingBefore != null) {
            Values.date("endingBefore", endingBefore);
        }
        if ((minVersion == null) != (minVersionOf == null)) {
            throw new InvalidValueException(minVersion == null ? "minVersion" : "minVersionOf",
                    "give minVersion and minVersionOf (the contract written) together");
        }
        if (minVersionOf != null) {
            String written = Values.identifier("minVersionOf", minVersionOf);
            readYourWrites.await(minVersion, () -> Optional.ofNullable(views.versionOf(written)).orElse(-1L),
                    "contract " + written);
        }
        return queries.query(new GetContractRegister(date, status, kind, partyName("commissioner", commissioner),
                partyName("provider", provider), endingBefore, paging.page(), paging.size()),
                ContractRegister.class).join();
    }

    private static String partyName(String parameter, String name) {
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            throw new InvalidValueException(parameter, "must be a party's name, not blank");
        }
        return name.strip();
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
