package org.commissioning.tracker.query.procurement;

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

/** One recorded event of a procurement, with when, by whom and why it was recorded. */
@Entity
@Table(name = "procurement_event_view")
@IdClass(ProcurementEventRow.Key.class)
class ProcurementEventRow {

    record Key(String procurementId, long sequence) implements Serializable {
        Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "procurement_id")
    private String procurementId;
    @Id
    private long sequence;
    private String type;
    private LocalDate effectiveOn;
    private Instant recordedAt;
    private String recordedBy;
    private String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    private String payload;

    protected ProcurementEventRow() {
    }

    ProcurementEventRow(String procurementId, long sequence, String type, LocalDate effectiveOn, Instant recordedAt,
                        String recordedBy, String reason, String payload) {
        this.procurementId = procurementId;
        this.sequence = sequence;
        this.type = type;
        this.effectiveOn = effectiveOn;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.reason = reason;
        this.payload = payload;
    }

    String procurementId() {
        return procurementId;
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

    String payload() {
        return payload;
    }
}
