package org.commissioning.tracker.query.contract;

import org.commissioning.tracker.query.events.EventCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract projection's record of events, for the features that read it (the audit history): each event as
 * recorded, with when, by whom, why and under which correlation id; and how far the projection has got.
 */
@Component
public class RecordedContractEvents {

    /** One recorded event of a contract and its metadata. */
    public record Recorded(long sequence, String type, LocalDate effectiveOn, Instant recordedAt, String recordedBy,
                           String reason, String correlationId, ContractEvent event) {
    }

    private final ContractEventRows rows;
    private final ContractViews views;
    private final EventCodec<ContractEvent> codec;

    RecordedContractEvents(ContractEventRows rows, ContractViews views, EventCodec<ContractEvent> codec) {
        this.rows = rows;
        this.views = views;
        this.codec = codec;
    }

    /**
     * The contract's events recorded at or before {@code knownAt} (null: all), in sequence order; empty when none (no
     * such contract, or not yet known then).
     */
    @Transactional(readOnly = true)
    public List<Recorded> knownAt(ContractId id, Instant knownAt) {
        return rows.findByContractIdOrderBySequence(id.value()).stream()
                .filter(row -> knownAt == null || !row.recordedAt().isAfter(knownAt))
                .map(row -> new Recorded(row.sequence(), row.type(), row.effectiveOn(), row.recordedAt(),
                        row.recordedBy(), row.reason(), row.correlationId(), codec.read(row.type(), row.payload())))
                .toList();
    }

    /** The version of the contract the projection has reached, or -1 when it has not seen the contract. */
    public long projectedVersion(String id) {
        return Optional.ofNullable(views.versionOf(id)).orElse(-1L);
    }
}
