package org.commissioning.tracker.platform;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event store, ordered after Axon's JPA storage engine (which backs off once an event bus exists, so the event
 * store cannot be made before it) and before Axon's own event store (which backs off once this one exists).
 */
@AutoConfiguration(after = JpaEventStoreAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class EventStoreAutoConfiguration {

    /**
     * Axon's event store, as its auto-configuration makes it, but without the shared cache of recent events for the
     * processors' streams ({@code optimizeEventConsumption}): its producer thread reads the store to the end in one
     * pass and, while writes keep coming faster than it reaches the end (a bulk import), holds on to every event read
     * in that pass; at 100,000 contracts it filled a 512 MB heap (a heap dump: 362,842 cached events, from one pass;
     * Axon issue #2954, and Axon 5 drops the cache). Each processor reads the store through its own stream instead,
     * which it does anyway whenever it is behind. Axon's default stays under {@code tracker.performance.axon-defaults}.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventBus.class)
    @ConditionalOnBean(EventStorageEngine.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  PerformanceProperties performance) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(performance.axonDefaults())
                .build();
    }

}
