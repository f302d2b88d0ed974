package org.commissioning.tracker.query.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Contract events to and from the read model's JSON, by their simple type name. */
@Component
class ContractEventCodec {

    private static final Map<String, Class<?>> TYPES = Arrays.stream(ContractEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json;

    ContractEventCodec(JsonMapper json) {
        this.json = json;
    }

    String typeOf(ContractEvent event) {
        return event.getClass().getSimpleName();
    }

    String write(ContractEvent event) {
        return json.writeValueAsString(event);
    }

    ContractEvent read(String type, String payload) {
        Class<?> eventType = TYPES.get(type);
        if (eventType == null) {
            throw new IllegalStateException("Unknown contract event type in the read model: " + type);
        }
        return (ContractEvent) json.readValue(payload, eventType);
    }
}
