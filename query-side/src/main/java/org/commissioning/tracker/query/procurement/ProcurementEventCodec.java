package org.commissioning.tracker.query.procurement;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Procurement events to and from the read model's JSON, by their simple type name. */
@Component
class ProcurementEventCodec {

    private static final Map<String, Class<?>> TYPES = Arrays.stream(ProcurementEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json;

    ProcurementEventCodec(JsonMapper json) {
        this.json = json;
    }

    String typeOf(ProcurementEvent event) {
        return event.getClass().getSimpleName();
    }

    String write(ProcurementEvent event) {
        return json.writeValueAsString(event);
    }

    ProcurementEvent read(String type, String payload) {
        Class<?> eventType = TYPES.get(type);
        if (eventType == null) {
            throw new IllegalStateException("Unknown procurement event type in the read model: " + type);
        }
        return (ProcurementEvent) json.readValue(payload, eventType);
    }
}
