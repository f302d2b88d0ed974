package org.commissioning.tracker.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.commissioning.tracker.query.events.DeferredUpkeep;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models by feeding the event store, read once, to the processors' own event handlers in large batches;
 * then places each processor's tokens at the position replayed, so that started again it goes on from there.
 *
 * <p>Why not let each processor replay the store itself: each of them then reads and deserializes the whole store, and
 * hands its segments batches of a few events each (a pooled processor starts a batch as soon as its queue is empty),
 * each a transaction with its token written; the profile of a rebuild showed the processors' machinery, not the read
 * models, taking most of the time. Here the store is read once, in one snapshot, ordered by aggregate, so a contract's
 * whole history arrives in one batch and is folded and written once; each processor handles a batch of thousands of
 * events in one transaction, with exactly the handlers (and so exactly the rows) of a replay. Reading and
 * deserializing run on their own thread, ahead of the writing; {@code tracker.projections.rebuild.writers} threads
 * (default 2) write batches side by side, each batch through every processor's handlers: batches never share an
 * aggregate, so they are as independent as two segments of a processor, and PostgreSQL works on two connections.
 *
 * <p>Order: the projections are per aggregate (a processor's segments already see different aggregates in any
 * relative order), so aggregate order gives the same read models as the store's order.
 *
 * <p>Safety: the caller has reset the processors first (read models cleared, tokens set to replay from the start), and
 * the tokens are moved to the head only once everything up to it is written. If the replay fails or the process dies
 * part way, the processors, started, replay the whole store themselves over the partial rows (the projections are
 * idempotent). Events appended while the replay runs, and any not yet committed when its snapshot was taken, are left
 * to the processors: the token's position is the snapshot's head, and the positions at or below it that the snapshot
 * did not see are gaps in the token, which the processors fill as those events commit.
 */
@Component
class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    /** As Axon's JDBC engine: positions further than this below the head are not gaps but numbers never used. */
    private static final long GAP_WINDOW = 10_000;

    /** What a replay did: the head it replayed up to (null: empty store), events and batches handled. */
    record Outcome(Long head, long events, int batches, double seconds) {
    }

    private final DataSource dataSource;
    private final ApplicationContext context;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final Serializer eventSerializer;
    private final List<DeferredUpkeep> deferredUpkeep;
    private final int batchEvents;
    private final int writers;
    private final boolean asynchronousCommit;

    BulkReplay(DataSource dataSource, ApplicationContext context, Configuration axon,
               EventProcessingConfiguration processing, @Qualifier("eventSerializer") Serializer eventSerializer,
               List<DeferredUpkeep> deferredUpkeep,
               @Value("${tracker.projections.rebuild.batch-events:2000}") int batchEvents,
               @Value("${tracker.projections.rebuild.writers:2}") int writers,
               @Value("${tracker.projections.rebuild.asynchronous-commit:true}") boolean asynchronousCommit) {
        this.dataSource = dataSource;
        this.context = context;
        this.axon = axon;
        this.processing = processing;
        this.eventSerializer = eventSerializer;
        this.deferredUpkeep = deferredUpkeep;
        this.batchEvents = batchEvents;
        this.writers = Math.max(1, writers);
        this.asynchronousCommit = asynchronousCommit;
    }

    /**
     * Replays the event store into the handlers of {@code processors}, which must be shut down and reset, then stores
     * their tokens at the head replayed (releasing the claims). They are not started here. The read models'
     * {@link DeferredUpkeep} (indexes, counters) is deferred for the replay and caught up at its end, replayed or
     * failed.
     */
    Outcome replay(List<StreamingEventProcessor> processors) {
        try {
            deferredUpkeep.forEach(DeferredUpkeep::defer);
            return replayDeferred(processors);
        } finally {
            deferredUpkeep.forEach(DeferredUpkeep::catchUp);
        }
    }

    private Outcome replayDeferred(List<StreamingEventProcessor> processors) {
        long start = System.nanoTime();
        List<Target> targets = processors.stream().map(this::target).toList();
        Batches batches = new Batches(2 * writers + 2);
        AtomicReference<Snapshot> snapshot = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().name("projection-rebuild-reader").start(() -> {
            try {
                snapshot.set(read(batches));
                for (int i = 0; i < writers; i++) {
                    batches.put(List.of());
                }
            } catch (Throwable e) {
                batches.fail(e);
            }
        });
        AtomicLong events = new AtomicLong();
        AtomicInteger count = new AtomicInteger();
        try (ExecutorService writing = Executors.newFixedThreadPool(writers,
                Thread.ofPlatform().name("projection-rebuild-writer-", 1).factory())) {
            for (int i = 0; i < writers; i++) {
                writing.execute(() -> {
                    try {
                        for (List<DomainEventMessage<?>> batch = batches.take(); batch != null && !batch.isEmpty();
                             batch = batches.take()) {
                            for (Target target : targets) {
                                target.handle(batch);
                            }
                            events.addAndGet(batch.size());
                            count.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        batches.fail(e);
                    }
                });
            }
        }
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batches.fail(e);
        }
        if (batches.failure() != null) {
            throw new IllegalStateException("The bulk replay failed", batches.failure());
        }
        Snapshot read = snapshot.get();
        if (read.head() != null) {
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(read.head(), read.gaps());
            targets.forEach(target -> target.placeTokens(token));
        }
        Outcome outcome = new Outcome(read.head(), events.get(), count.get(), (System.nanoTime() - start) / 1e9);
        log.info("Replayed {} events in {} batches into {} in {} s", outcome.events(), outcome.batches(),
                targets.stream().map(Target::name).toList(), String.format("%.1f", outcome.seconds()));
        return outcome;
    }

    /**
     * The batches between the reader and the writers, and the first failure of either: once failed, nobody waits on
     * the other any more (the reader stops reading, the writers stop writing).
     */
    private static final class Batches {

        private final BlockingQueue<List<DomainEventMessage<?>>> queue;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Batches(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        /** Hands a batch over (an empty one: no more); false once something failed. */
        boolean put(List<DomainEventMessage<?>> batch) throws InterruptedException {
            while (failure.get() == null) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        }

        /** The next batch, or null once something failed. */
        List<DomainEventMessage<?>> take() throws InterruptedException {
            while (failure.get() == null) {
                List<DomainEventMessage<?>> batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
            }
            return null;
        }

        void fail(Throwable e) {
            failure.compareAndSet(null, e);
        }

        Throwable failure() {
            return failure.get();
        }
    }

    /** The head of the snapshot read and the positions at or below it (within the gap window) it did not hold. */
    private record Snapshot(Long head, List<Long> gaps) {
    }

    /**
     * Reads every event up to the head, in one repeatable-read snapshot, in aggregate and sequence order, into batches
     * of about {@link #batchEvents} that never split an aggregate's history; an empty list ends them.
     */
    private Snapshot read(Batches batches) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                Long head = head(connection);
                if (head == null) {
                    return new Snapshot(null, List.of());
                }
                List<Long> gaps = gaps(connection, head);
                try (PreparedStatement select = connection.prepareStatement("""
                        select aggregate_identifier, sequence_number, type, event_identifier, time_stamp, payload_type,
                               payload_revision, payload, meta_data
                        from domain_event_entry where global_index <= ?
                        order by aggregate_identifier, sequence_number""")) {
                    select.setFetchSize(1_000);
                    // payloads and metadata as raw bytes: a statement run once is otherwise answered in PostgreSQL's
                    // text form, bytea as hex, which the server encodes and the driver decodes (2.6-3.1 s of the
                    // server's time for 259,276 events in the benchmark suite's rebuild, 1.1 s in binary form)
                    select.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    select.setLong(1, head);
                    try (ResultSet rows = select.executeQuery()) {
                        List<DomainEventData<byte[]>> entries = new ArrayList<>(batchEvents + 100);
                        String aggregate = null;
                        while (rows.next()) {
                            String id = rows.getString(1);
                            if (entries.size() >= batchEvents && !id.equals(aggregate)) {
                                if (!batches.put(deserialize(entries))) {
                                    return new Snapshot(head, gaps);
                                }
                                entries = new ArrayList<>(batchEvents + 100);
                            }
                            aggregate = id;
                            entries.add(new StoredEvent(rows.getString(3), id, rows.getLong(2), rows.getString(4),
                                    timestamp(rows.getString(5)), new SimpleSerializedObject<>(rows.getBytes(8),
                                    byte[].class, new SimpleSerializedType(rows.getString(6), rows.getString(7))),
                                    new SerializedMetaData<>(rows.getBytes(9), byte[].class)));
                        }
                        if (!entries.isEmpty()) {
                            batches.put(deserialize(entries));
                        }
                    }
                }
                return new Snapshot(head, gaps);
            } finally {
                connection.rollback();
            }
        }
    }

    private static Long head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select max(global_index) from domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            long head = rows.getLong(1);
            return rows.wasNull() ? null : head;
        }
    }

    private static List<Long> gaps(Connection connection, long head) throws SQLException {
        long from = Math.max(0, head - GAP_WINDOW);
        TreeSet<Long> seen = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select global_index from domain_event_entry where global_index > ? and global_index <= ?")) {
            select.setLong(1, from);
            select.setLong(2, head);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    seen.add(rows.getLong(1));
                }
            }
        }
        List<Long> gaps = new ArrayList<>();
        for (long position = from + 1; position < head; position++) {
            if (!seen.contains(position)) {
                gaps.add(position);
            }
        }
        return gaps;
    }

    /**
     * An event as stored, its timestamp already parsed: as Axon's {@code GenericDomainEventEntry}, which parses the
     * stored text every time it is asked, with the general ISO-8601 parser (a fifth of the reading thread's time).
     */
    private record StoredEvent(String getType, String getAggregateIdentifier, long getSequenceNumber,
                               String getEventIdentifier, Instant getTimestamp, SerializedObject<byte[]> getPayload,
                               SerializedObject<byte[]> getMetaData) implements DomainEventData<byte[]> {
    }

    /**
     * A stored timestamp: the JDBC engine writes them as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (Axon's
     * {@code DateTimeUtils.formatInstant}), read here field by field; anything else by Axon's own parser.
     */
    static Instant timestamp(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            try {
                return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19),
                        digits(text, 20, 23) * 1_000_000).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException e) {
                // not a valid date after all: the general parser decides
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}, digits only. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Upcasts and deserializes, as the event store does, here on the reading thread, ahead of the handlers. */
    private List<DomainEventMessage<?>> deserialize(List<DomainEventData<byte[]>> entries) {
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(),
                eventSerializer, axon.upcasterChain());
        List<DomainEventMessage<?>> messages = new ArrayList<>(entries.size());
        stream.forEachRemaining(message -> {
            message.getPayload();
            message.getMetaData();
            message.getTimestamp();
            messages.add(message);
        });
        return messages;
    }

    // ------------------------------------------------------------------------------------------------ processors

    /** A processor's event handlers (the beans of its processing groups) and where its tokens are kept. */
    private Target target(StreamingEventProcessor processor) {
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        Map<String, Object> beans = new LinkedHashMap<>(context.getBeansWithAnnotation(ProcessingGroup.class));
        beans.values().forEach(bean -> {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
            boolean mine = group != null && processing.eventProcessorByProcessingGroup(group.value())
                    .filter(found -> found == processor).isPresent();
            if (mine) {
                // the handler methods themselves, without Axon's per-message wrappers (tracing, timeouts: a timeout's
                // bookkeeping for every event was a tenth of the replay's time); the transaction is per batch here
                handlers.add(new AnnotationEventHandlerAdapter(bean, axon.parameterResolverFactory(),
                        new AnnotatedMessageHandlingMemberDefinition()));
            }
        });
        if (handlers.isEmpty()) {
            throw new IllegalStateException("No event handlers found for processor " + processor.getName());
        }
        return new Target(processor.getName(), handlers, processing.transactionManager(processor.getName()),
                processing.tokenStore(processor.getName()), new JdbcTemplate(dataSource), asynchronousCommit);
    }

    private record Target(String name, List<AnnotationEventHandlerAdapter> handlers,
                          TransactionManager transactionManager, TokenStore tokenStore, JdbcTemplate jdbc,
                          boolean asynchronousCommit) {

        /**
         * The batch through every handler that takes each event, in one unit of work and one transaction: the
         * handlers' pending work is flushed as the unit of work prepares to commit, then the transaction commits.
         *
         * <p>With {@code tracker.projections.rebuild.asynchronous-commit} (the default) the transaction commits
         * without waiting for its WAL to reach the disk ({@code synchronous_commit=off}, for this transaction only,
         * set on its connection, where the handlers write too): the tokens are placed after every batch has
         * committed, in a transaction that does wait, and the WAL is flushed in order, so once the tokens are durable
         * every batch is; a crash before leaves the processors replaying the whole store themselves (see the class's
         * safety note). PostgreSQL never sees half a transaction either way.
         *
         * <p>Every statement of the transaction is planned for its own parameters ({@code plan_cache_mode =
         * force_custom_plan}): the tables grow from empty during the replay, and a prepared statement's generic plan,
         * chosen while they were nearly empty, kept scanning them whole (a subject's lookup by {@code subject_id =
         * any(?)}: each of a batch's hundreds of identifiers compared with every row, 40 ms a statement at 20,000
         * contracts and growing with the portfolio), where a plan for the table as it is now reads the index.
         *
         * <p>The batch is marked as writing into emptied tables ({@link ProcessorBatch#markIntoEmptyTables}): the
         * processors were reset, and no other batch holds any of its aggregates, so the projections insert their rows
         * without deleting, reading back or checking for conflicts first.
         */
        void handle(List<DomainEventMessage<?>> batch) {
            UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(batch.getFirst());
            unit.attachTransaction(transactionManager);
            ProcessorBatch.markIntoEmptyTables(unit);
            try {
                jdbc.execute("set local plan_cache_mode = force_custom_plan");
                if (asynchronousCommit) {
                    jdbc.execute("set local synchronous_commit = off");
                }
                for (DomainEventMessage<?> event : batch) {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(event)) {
                            handler.handle(event);
                        }
                    }
                }
                unit.commit();
            } catch (Exception e) {
                if (unit.isActive()) {
                    unit.rollback(e);
                }
                throw new IllegalStateException("Processor " + name + " failed to handle a replayed batch", e);
            }
        }

        /** Every segment's token at {@code token}, claims released: started, the processor goes on from there. */
        void placeTokens(GapAwareTrackingToken token) {
            transactionManager.executeInTransaction(() -> {
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.storeToken(token, name, segment);
                    tokenStore.releaseClaim(name, segment);
                }
            });
        }
    }
}
