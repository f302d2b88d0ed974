package org.commissioning.tracker.query.events;

import org.axonframework.config.ConfigurerModule;
import org.commissioning.tracker.platform.PerformanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection (the contracts', the key dates', the procurements') is handled by one processor,
 * {@value #NAME}, in batches of up to {@code tracker.projections.batch-size} (default 200): the event store is read
 * once for all of them, each event deserialized once, and a batch is one transaction with one token update for all
 * the read models. With a processor per projection each read the store, deserialized every event it handled and
 * committed its own batches, for the same rows written: live, that was most of what the projections cost a write
 * (README, "HTTP writes, what limits them", session 19).
 *
 * <p>{@code tracker.projections.shared-processor=false} gives each projection its own processor again (named after
 * its processing group, with its own batch size: {@code tracker.projections.contracts.batch-size},
 * {@code tracker.key-dates.batch-size}), as does {@code tracker.performance.axon-defaults=true} (Axon's default: a
 * processor per processing group).
 */
@Configuration(proxyBeanMethods = false)
class ProjectionsProcessor {

    /** The one processor's name, under which its tokens are stored and its status reported. */
    static final String NAME = "projections";

    @Bean
    ConfigurerModule oneProcessorForEveryProjection(
            @Value("${tracker.projections.shared-processor:true}") boolean shared,
            @Value("${tracker.projections.batch-size:200}") int batchSize,
            PerformanceProperties performance) {
        if (!shared || performance.axonDefaults()) {
            return configurer -> { };
        }
        return configurer -> configurer.eventProcessing()
                .assignProcessingGroup(group -> NAME)
                .registerPooledStreamingEventProcessorConfiguration(NAME,
                        (configuration, builder) -> builder.batchSize(batchSize));
    }
}
