package org.commissioning.tracker.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.commissioning.tracker.platform.PerformanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of aggregates the command handlers load ({@code @Aggregate(cache = "aggregateCache")}). Without it every
 * command reads and deserializes its aggregate's whole stream: a third of an HTTP write's request-thread CPU in the
 * profile. With it, an aggregate just written is taken from memory and only its newer events, if any, are not read:
 * Axon's caching repository evicts an aggregate whose unit of work rolls back (a refused command, a failed commit).
 *
 * <p>A cache is only right while one process writes the streams: a second command-side node appending to an aggregate
 * this node holds would make this node's copy stale, and its next command on it a 409 {@code concurrent_modification}
 * (the append's sequence number is taken; nothing wrong is stored, but the client must retry). So it is on in the
 * standalone application ({@code tracker.commands.aggregate-cache=true} there) and off by default for the command-side
 * application, which may run as several nodes. The bulk import appends without loading aggregates, but only streams
 * that do not exist yet, which no cache can hold.
 *
 * <p>Axon's {@link WeakReferenceCache}: an aggregate stays only while the heap has not collected it, so the cache can
 * never cost memory the application needs; it serves a contract written several times in quick succession (a
 * client's script, an import of its later events over HTTP), not a contract touched once a week. Off under
 * {@code tracker.performance.axon-defaults}.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfiguration {

    @Bean
    Cache aggregateCache(@Value("${tracker.commands.aggregate-cache:false}") boolean enabled,
                         PerformanceProperties performance) {
        return enabled && !performance.axonDefaults() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }
}
