package org.commissioning.tracker.shared.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.commissioning.tracker.shared.Values;

/**
 * A contract's register reference, chosen by the user ({@code TORBAY-ICO}). Serialized as the bare string.
 * {@link #toString()} is the aggregate identifier in the event store, qualified by type so that a contract and a
 * procurement may share a reference.
 */
public record ContractId(@JsonValue String value) {

    public static final String AGGREGATE_PREFIX = "contract:";

    @JsonCreator
    public ContractId {
        value = Values.identifier("id", value);
    }

    public static ContractId of(String value) {
        return new ContractId(value);
    }

    @Override
    public String toString() {
        return AGGREGATE_PREFIX + value;
    }
}
