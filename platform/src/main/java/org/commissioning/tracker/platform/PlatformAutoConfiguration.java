package org.commissioning.tracker.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import javax.sql.DataSource;

/**
 * Axon on PostgreSQL, the same in every deployment shape: JSON events (Jackson 3), the event store schema by Flyway,
 * who recorded an event and why carried from the command's metadata to its events, and the event storage engine
 * chosen by {@code tracker.event-store.engine} ({@code jpa}, the default, or {@code jdbc}).
 */
@AutoConfiguration(before = {JpaEventStoreAutoConfiguration.class, AxonAutoConfiguration.class})
@EnableConfigurationProperties(PerformanceProperties.class)
public class PlatformAutoConfiguration {

    /** The metadata keys every event carries (DOMAIN.md: who recorded it and the reason given). */
    public static final String RECORDED_BY = "recordedBy";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";

    /**
     * Axon's Jackson 3 serializer reads its own tracking tokens polymorphically (a replay token wraps another
     * token); Jackson 3 refuses polymorphic types it is not told to trust, so trust Axon's.
     */
    @Bean
    Jackson3SerializerCustomizer axonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(
                BasicPolymorphicTypeValidator.builder().allowIfSubType("org.axonframework.").build());
    }

    /**
     * Axon's serializer, and so its message and event serializers too ({@code axon.serializer.*} are all
     * {@code jackson3}, which makes Axon use the general one for both): built as Axon's auto-configuration builds it,
     * with the customizers above, but reading with a reader kept per type ({@link CachingJackson3Serializer}).
     */
    @Bean
    @Primary
    Serializer serializer(RevisionResolver revisionResolver, List<Jackson3SerializerCustomizer> customizers) {
        return new CachingJackson3Serializer(Jackson3Serializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(CachingJackson3Serializer.class.getClassLoader()))
                .jsonMapperBuilderCustomizer(builder -> {
                    customizers.forEach(customizer -> customizer.accept(builder));
                    builder.addModule(CachingJackson3Serializer.metaData());
                }));
    }

    /** Axon's timeouts around each message off, its unit-of-work timeouts kept (see {@link PerMessageTimeouts}). */
    @Bean
    static BeanPostProcessor perMessageTimeouts(Environment environment) {
        return new PerMessageTimeouts(environment);
    }

    /** Token segments created by one process at a time (see {@link OneTokenInitialisation}). */
    @Bean
    static BeanPostProcessor oneTokenInitialisation(ObjectProvider<DataSource> dataSource) {
        return OneTokenInitialisation.wrapping(dataSource);
    }

    /**
     * One pooled streaming processor per processing group; its tokens live in the read model's database. Each starts
     * with {@code tracker.projections.segments} segments (default 2, Axon's 16 under {@code axon-defaults}): a segment
     * is handled in batches of its own, each a transaction with its token, so with 16 segments the events arriving
     * live were split over 16 work packages, each batch a sixteenth of them; with 2 the live processors caught up at
     * about twice the rate (README, "Benchmarks and performance"), and two query nodes can still share a processor.
     * The count is only used when a processor's tokens are first created: an existing database keeps the segments it
     * has.
     *
     * <p>A segment with nothing to handle (with a processor per projection, the procurements' processor while only
     * contracts are written; or a segment none of whose aggregates is being written) stores the position it has read
     * up to once {@code tracker.projections.idle-position-interval} (1 s; Axon's 5 s under {@code axon-defaults}) has
     * passed since it last stored one. Its stored position is what the status reports, so with Axon's 5 s such a
     * processor showed thousands of events behind under a steady write load, and "caught up" up to 5 s late, while it
     * had nothing to do; the cost is one token update a second per idle segment.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(@Value("${tracker.projections.segments:2}") int segments,
                                               @Value("${tracker.projections.idle-position-interval:1s}")
                                               Duration idlePositionInterval,
                                               PerformanceProperties performance) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (configuration, builder) -> builder.initialSegmentCount(performance.segments(segments))
                        .claimExtensionThreshold(performance.claimExtensionMillis(idlePositionInterval)));
    }

    @Bean
    CorrelationDataProvider auditMetadata() {
        return new SimpleCorrelationDataProvider(RECORDED_BY, REASON, CORRELATION_ID);
    }

    /** The only source of "today": the system clock in the configured zone (DOMAIN.md: default Europe/London). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${tracker.time-zone:Europe/London}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    SchemaModule eventStoreSchema() {
        return SchemaModule.EVENT_STORE;
    }

    /**
     * Runs each module's migrations with its own history table, the event store's first, one process at a time
     * ({@link SchemaMigrations}); Spring Boot's own Flyway configuration (data source, credentials) is reused, its
     * locations are not.
     */
    @Bean
    FlywayMigrationStrategy schemaModules(ObjectProvider<SchemaModule> modules) {
        return flyway -> SchemaMigrations.migrate(flyway.getConfiguration(), modules.orderedStream().toList());
    }

    @Bean
    @ConditionalOnProperty(name = "tracker.event-store.engine", havingValue = "jdbc")
    EventStorageEngine jdbcEventStorageEngine(Serializer defaultSerializer,
                                              PersistenceExceptionResolver persistenceExceptionResolver,
                                              @Qualifier("eventSerializer") Serializer eventSerializer,
                                              Configuration configuration,
                                              DataSource dataSource,
                                              TransactionManager transactionManager) {
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(jpaCompatibleSchema())
                .build();
    }

    /** The JDBC engine on the same tables and columns as the JPA engine, so either can run on one database. */
    static EventSchema jpaCompatibleSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
