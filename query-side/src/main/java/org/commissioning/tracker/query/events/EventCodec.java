package org.commissioning.tracker.query.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events of one sealed family to and from the read models' JSON, by their simple type name.
 *
 * @param <E> the sealed event interface ({@code ContractEvent}, {@code ProcurementEvent})
 */
public final class EventCodec<E> {

    private final Class<E> family;
    private final Map<String, Class<?>> types;
    private final JsonMapper json;

    public EventCodec(Class<E> family, JsonMapper json) {
        this.family = family;
        this.json = json;
        this.types = Arrays.stream(family.getPermittedSubclasses())
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    }

    public String typeOf(E event) {
        return event.getClass().getSimpleName();
    }

    public String write(E event) {
        return json.writeValueAsString(event);
    }

    public E read(String type, String payload) {
        Class<?> eventType = types.get(type);
        if (eventType == null) {
            throw new IllegalStateException("Unknown " + family.getSimpleName() + " type in the read model: " + type);
        }
        return family.cast(json.readValue(payload, eventType));
    }
}
