package org.commissioning.tracker.query.contract;

import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractQueries.ContractDetails;
import org.commissioning.tracker.shared.contract.ContractQueries.GetContract;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ContractQueryHandler {

    private final ContractEventRows rows;
    private final ContractEventCodec codec;

    ContractQueryHandler(ContractEventRows rows, ContractEventCodec codec) {
        this.rows = rows;
        this.codec = codec;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<ContractDetails> handle(GetContract query) {
        List<ContractEventRow> recorded = rows.findByContractIdOrderBySequence(query.contractId().value()).stream()
                .filter(row -> query.knownAt() == null || !row.recordedAt().isAfter(query.knownAt()))
                .toList();
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        List<ContractEvent> events = recorded.stream().map(row -> codec.read(row.type(), row.payload())).toList();
        ContractRegistered registered = (ContractRegistered) events.getFirst();
        return Optional.of(new ContractDetails(registered.contractId().value(), registered.title(), registered.kind(),
                query.asOf(), registered.awardedOn(), registered.terms().startDate(), registered.terms().initialEnd(),
                registered.commissioners(), registered.providers(), registered.value(), registered.terms(),
                registered.procurementId(), registered.procurementRoute(), recorded.getLast().sequence()));
    }
}
