package org.commissioning.tracker.query.contract;

import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.shared.contract.ContractEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDetails;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDurations;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContract;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContractDurations;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.Durations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers questions about one contract by folding its recorded events with the shared date rules. */
@Component
class ContractQueryHandler {

    private final ContractEventRows rows;
    private final EventCodec<ContractEvent> codec;

    ContractQueryHandler(ContractEventRows rows, EventCodec<ContractEvent> codec) {
        this.rows = rows;
        this.codec = codec;
    }

    /** A contract's events as known at a time, folded; with the version they reach. */
    record Known(ContractTimeline timeline, long version) {
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<ContractDetails> handle(GetContract query) {
        return known(query.contractId(), query.knownAt()).map(known -> ContractDetails.of(
                known.timeline().registration(), known.timeline().asOf(query.asOf()), known.version()));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<ContractDurations> handle(GetContractDurations query) {
        return known(query.contractId(), query.knownAt()).map(known -> {
            Durations durations = known.timeline().durations(query.asOf());
            var total = known.timeline().totalDaysInForce();
            return new ContractDurations(query.contractId().value(), durations.asOf(), durations.daysInForce(),
                    total.isPresent() ? total.getAsLong() : null, durations.periods());
        });
    }

    Optional<Known> known(ContractId id, Instant knownAt) {
        List<ContractEventRow> recorded = rows.findByContractIdOrderBySequence(id.value()).stream()
                .filter(row -> knownAt == null || !row.recordedAt().isAfter(knownAt))
                .toList();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        ContractTimeline timeline = ContractTimeline.of(recorded.stream()
                .map(row -> codec.read(row.type(), row.payload())).toList());
        return Optional.of(new Known(timeline, recorded.getLast().sequence()));
    }
}
