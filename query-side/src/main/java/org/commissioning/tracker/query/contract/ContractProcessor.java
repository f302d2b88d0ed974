package org.commissioning.tracker.query.contract;

import org.axonframework.config.ConfigurerModule;
import org.commissioning.tracker.platform.PerformanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With a processor per projection ({@code tracker.projections.shared-processor=false}; by default one processor handles
 * every projection, see {@code ProjectionsProcessor}), the contracts' processor handles events in batches of up to
 * {@code tracker.projections.contracts.batch-size} (default 100) per transaction: live, a batch is whatever has
 * arrived (usually one event, so reads see a write as soon as before); replaying the event store, a transaction per
 * hundred events instead of per event, and the projection writes and folds each contract once per batch.
 * {@code tracker.performance.axon-defaults=true}: one event per transaction, as Axon's default.
 */
@Configuration(proxyBeanMethods = false)
class ContractProcessor {

    @Bean
    ConfigurerModule contractProcessorBatches(@Value("${tracker.projections.contracts.batch-size:100}") int batchSize,
                                              PerformanceProperties performance) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ContractProjection.PROCESSING_GROUP,
                (configuration, builder) -> builder.batchSize(performance.batchSize(batchSize)));
    }
}
