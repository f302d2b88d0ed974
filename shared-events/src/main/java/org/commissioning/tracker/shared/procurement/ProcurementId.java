package org.commissioning.tracker.shared.procurement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.commissioning.tracker.shared.Values;

/**
 * A procurement's reference, chosen by the user ({@code UC-OPA-2013}). Serialized as the bare string;
 * {@link #toString()} is the type-qualified aggregate identifier in the event store.
 */
public record ProcurementId(@JsonValue String value) {

    public static final String AGGREGATE_PREFIX = "procurement:";

    @JsonCreator
    public ProcurementId {
        value = Values.identifier("id", value);
    }

    public static ProcurementId of(String value) {
        return new ProcurementId(value);
    }

    @Override
    public String toString() {
        return AGGREGATE_PREFIX + value;
    }
}
