package org.commissioning.tracker.query.events;

import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** One codec per event family, injected as {@code EventCodec<ContractEvent>} and {@code EventCodec<ProcurementEvent>}. */
@Configuration(proxyBeanMethods = false)
class EventCodecs {

    @Bean
    EventCodec<ContractEvent> contractEventCodec(JsonMapper json) {
        return new EventCodec<>(ContractEvent.class, json);
    }

    @Bean
    EventCodec<ProcurementEvent> procurementEventCodec(JsonMapper json) {
        return new EventCodec<>(ProcurementEvent.class, json);
    }
}
