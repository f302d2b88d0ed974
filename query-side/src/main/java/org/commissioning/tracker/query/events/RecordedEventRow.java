package org.commissioning.tracker.query.events;

import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a projection keeps of each recorded event of an aggregate, whichever kind: the event (its type and JSON), its
 * effective date, and when, by whom, why and under which correlation id it was recorded. The contract and procurement
 * event rows differ only in their key (the aggregate's id column and the sequence), which each declares itself, so
 * that the audit histories of both read the same fields the same way.
 */
@MappedSuperclass
public abstract class RecordedEventRow {

    private String type;
    private LocalDate effectiveOn;
    private Instant recordedAt;
    private String recordedBy;
    private String reason;
    private String correlationId;
    @JdbcTypeCode(SqlTypes.JSON)
    private String payload;

    protected RecordedEventRow() {
    }

    /** The event's simple type name, as {@link EventCodec#typeOf} gives it. */
    public String type() {
        return type;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    /** Why, as the request said; null when it gave no reason. */
    public String reason() {
        return reason;
    }

    /** The correlation id of the request that recorded the event; null for events recorded without one. */
    public String correlationId() {
        return correlationId;
    }

    /** The event as JSON, as {@link EventCodec#write} gives it. */
    public String payload() {
        return payload;
    }
}
