package org.commissioning.tracker.query.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.commissioning.tracker.query.events.RecordedEventRow;

/**
 * One recorded event of a procurement, with when, by whom, why and under which correlation id it was recorded; read
 * here, written by {@link org.commissioning.tracker.query.events.RecordedEventRowsSql}.
 */
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

    String procurementId() {
        return procurementId;
    }

    long sequence() {
        return sequence;
    }
}
