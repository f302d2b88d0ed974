package org.commissioning.tracker.query.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.commissioning.tracker.query.events.RecordedEventRow;

/**
 * One recorded event of a contract, with when, by whom, why and under which correlation id it was recorded; read
 * here, written by {@link org.commissioning.tracker.query.events.RecordedEventRowsSql}.
 */
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

    long sequence() {
        return sequence;
    }
}
