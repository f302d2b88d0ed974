package org.commissioning.tracker.query.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.commissioning.tracker.query.events.RecordedEventRow;

/** One recorded event of a contract, with when, by whom, why and under which correlation id it was recorded. */
@Entity
@Table(name = "contract_event_view")
@IdClass(ContractEventRow.Key.class)
class ContractEventRow extends RecordedEventRow {

    record Key(String contractId, long sequence) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "contract_id")
    private String contractId;
    @Id
    private long sequence;

    protected ContractEventRow() {
    }

    ContractEventRow(String contractId, long sequence, String type, LocalDate effectiveOn, Instant recordedAt,
                     String recordedBy, String reason, String correlationId, String payload) {
        super(type, effectiveOn, recordedAt, recordedBy, reason, correlationId, payload);
        this.contractId = contractId;
        this.sequence = sequence;
    }

    long sequence() {
        return sequence;
    }
}
