package org.commissioning.tracker.query.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded event of a contract, with when, by whom and why it was recorded. */
@Entity
@Table(name = "contract_event_view")
@IdClass(ContractEventRow.Key.class)
class ContractEventRow {

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
    private String type;
    private LocalDate effectiveOn;
    private Instant recordedAt;
    private String recordedBy;
    private String reason;
    private String correlationId;
    @JdbcTypeCode(SqlTypes.JSON)
    private String payload;

    protected ContractEventRow() {
    }

    ContractEventRow(String contractId, long sequence, String type, LocalDate effectiveOn, Instant recordedAt,
                     String recordedBy, String reason, String correlationId, String payload) {
        this.contractId = contractId;
        this.sequence = sequence;
        this.type = type;
        this.effectiveOn = effectiveOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.reason = reason;
        this.correlationId = correlationId;
        this.payload = payload;
    }

    long sequence() {
        return sequence;
    }

    String type() {
        return type;
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String recordedBy() {
        return recordedBy;
    }

    String reason() {
        return reason;
    }

    String correlationId() {
        return correlationId;
    }

    String payload() {
        return payload;
    }
}
