package org.commissioning.tracker.query.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.commissioning.tracker.query.events.RecordedEventRow;

/** One recorded event of a procurement, with when, by whom, why and under which correlation id it was recorded. */
@Entity
@Table(name = "procurement_event_view")
@IdClass(ProcurementEventRow.Key.class)
class ProcurementEventRow extends RecordedEventRow {

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

    protected ProcurementEventRow() {
    }

    ProcurementEventRow(String procurementId, long sequence, String type, LocalDate effectiveOn, Instant recordedAt,
                        String recordedBy, String reason, String correlationId, String payload) {
        super(type, effectiveOn, recordedAt, recordedBy, reason, correlationId, payload);
        this.procurementId = procurementId;
        this.sequence = sequence;
    }

    String procurementId() {
        return procurementId;
    }

    long sequence() {
        return sequence;
    }
}
