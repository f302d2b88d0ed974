package org.commissioning.tracker.query.keydates;

import org.axonframework.config.ConfigurerModule;
import org.commissioning.tracker.platform.PerformanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * With a processor per projection ({@code tracker.projections.shared-processor=false}; by default one processor handles
 * every projection, see {@code ProjectionsProcessor}), the key-dates processor handles events in batches (a contract
 * is recomputed once per batch, in one transaction), ({@code tracker.key-dates.batch-size}, default 200; one under
 * {@code tracker.performance.axon-defaults=true}),
 * and keeping the horizon ahead of today is a scheduled task ({@link KeyDateHorizon#keepAhead()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KeyDateConfiguration {

    @Bean
    ConfigurerModule keyDatesProcessor(@Value("${tracker.key-dates.batch-size:200}") int batchSize,
                                       PerformanceProperties performance) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                KeyDateProjection.PROCESSING_GROUP,
                (configuration, builder) -> builder.batchSize(performance.batchSize(batchSize)));
    }
}
