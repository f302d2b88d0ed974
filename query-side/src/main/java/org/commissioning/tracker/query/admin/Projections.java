package org.commissioning.tracker.query.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.annotation.PreDestroy;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.commissioning.tracker.platform.PerformanceProperties;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every read model's processor as Axon has it registered (whatever processing groups the features declare), how far
 * each has got against the head of the event store, and the rebuild: each streaming processor shut down, its tokens
 * reset (its {@code @ResetHandler}s clear what it owns), the event store replayed into its handlers by
 * {@link BulkReplay} (or, with {@code tracker.projections.rebuild.bulk=false}, by the processor itself), started again.
 *
 * <p>How far a processor has got is read from its tokens as stored, not from its in-memory status: a token is stored
 * in the same transaction as the read model it moved, so a stored position is a committed read model (and the
 * in-memory status of a segment claimed just before a shutdown can outlive the reset). A segment with nothing to handle
 * stores the position it has read up to about once a second ({@code tracker.projections.idle-position-interval}), so
 * a caught-up processor may show so a little late.
 */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /**
     * One processor's progress: {@code position} is the global index of the last event its slowest segment has
     * processed and stored, {@code segments} how many segments it has.
     */
    public record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, Long position,
                                  int segments, boolean caughtUp) {
    }

    /**
     * Every processor's progress. {@code head} is the global index of the latest event in the store (null: none yet);
     * {@code caughtUp} when every processor is running and has processed everything up to it; {@code rebuilding}
     * while a bulk rebuild replays the store on this node; {@code bulkReplayed}, of the last rebuild on this node since
     * it started: true when its bulk replay wrote the read models, false when it failed and the processors replay the
     * store themselves instead (slower, same read models; the failure is in the log), null when none has run or one is
     * under way (or the processors replay by setting).
     */
    public record Status(Long head, boolean caughtUp, boolean rebuilding, Boolean bulkReplayed,
                         List<ProcessorStatus> processors) {
    }

    /** A rebuild's outcome: which processors were reset, and the status when it returned. */
    public record Rebuild(List<String> reset, List<String> notResettable, Long headAtStart, boolean caughtUp,
                          Status status) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Configuration axon;
    private final BulkReplay bulkReplay;
    private final boolean bulk;
    private final ExecutorService rebuilding = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("projection-rebuild").daemon().factory());
    /** The bulk replay under way or last run (null: none yet). */
    private volatile Future<Boolean> replaying;

    Projections(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                Configuration axon, BulkReplay bulkReplay, PerformanceProperties performance,
                @Value("${tracker.projections.rebuild.bulk:true}") boolean bulk) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.axon = axon;
        this.bulkReplay = bulkReplay;
        // Axon's defaults rebuild the way Axon does: each processor replays the store
        this.bulk = bulk && !performance.axonDefaults();
    }

    public Status status() {
        Long head = head();
        List<ProcessorStatus> processors = new ArrayList<>();
        for (StreamingEventProcessor processor : streaming()) {
            processors.add(statusOf(processor, head));
        }
        Future<Boolean> replay = replaying;
        Boolean bulkReplayed = replay != null && replay.state() == Future.State.SUCCESS ? replay.resultNow() : null;
        return new Status(head, processors.stream().allMatch(ProcessorStatus::caughtUp), rebuilding(), bulkReplayed,
                processors);
    }

    /**
     * Stops every streaming processor of this node, for a large import: the events are appended without the read
     * models competing for the cores, and {@link #rebuild} (or {@link #resume}) brings the read models up to date in
     * one pass afterwards. Each processor's position stays stored; reads answer from the read models as they were.
     * The pause lasts until {@link #resume}, a rebuild, or a restart of the node.
     *
     * @throws RuleViolation {@code rebuild_in_progress} (409) while a rebuild replays the store: it starts the
     *                        processors again when it ends
     */
    public synchronized Status pause() {
        if (rebuilding()) {
            throw Rejection.REBUILD_IN_PROGRESS.because("A rebuild is under way and starts the processors when it "
                    + "ends; pause after it (GET " + ProjectionAdminController.PATH + " shows its progress)");
        }
        for (StreamingEventProcessor processor : streaming()) {
            if (processor.isRunning()) {
                log.info("Pausing processor [{}]", processor.getName());
                processor.shutDown();
            }
        }
        return status();
    }

    /** Starts every streaming processor of this node that is not running; each goes on from its stored position. */
    public synchronized Status resume() {
        if (!rebuilding()) {
            for (StreamingEventProcessor processor : streaming()) {
                if (!processor.isRunning()) {
                    log.info("Resuming processor [{}]", processor.getName());
                    processor.start();
                }
            }
        }
        return status();
    }

    private boolean rebuilding() {
        return replaying != null && !replaying.isDone();
    }

    /** The status once every processor has caught up with the event store's head as it is now, or after {@code patience}. */
    public Status awaitCaughtUp(Duration patience) {
        awaitCaughtUp(head(), patience);
        return status();
    }

    /**
     * Resets every streaming processor that supports it and waits, at most {@code patience}, until each has processed
     * the events that were in the store when the rebuild began. One rebuild at a time: asked for while one runs, the
     * answer is that rebuild's progress (nothing is reset again).
     *
     * <p>With {@code tracker.projections.rebuild.bulk} (the default) the processors stay stopped while {@link BulkReplay}
     * feeds the store, read once, to their handlers in large batches, and start from the head it reached; without, each
     * processor replays the store itself. Either way the work goes on in the background after {@code patience}.
     */
    public Rebuild rebuild(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Long headAtStart = head();
        Started started = start();
        if (started == null) {
            log.info("A rebuild is already under way; not starting another");
            return new Rebuild(List.of(), List.of(), headAtStart, false, status());
        }
        Future<Boolean> replay = started.replay();
        if (replay != null) {
            try {
                replay.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                log.info("The rebuild goes on in the background; GET /api/admin/projections shows its progress");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        boolean caughtUp = (replay == null || replay.isDone())
                && awaitCaughtUp(headAtStart, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        Status status = status();
        log.info("Rebuild of {} {}", started.reset(), caughtUp ? "caught up with the event store at " + headAtStart
                : "still replaying after " + patience + "; GET /api/admin/projections shows its progress");
        return new Rebuild(started.reset(), started.notResettable(), headAtStart, caughtUp, status);
    }

    /** What a rebuild reset, and its bulk replay (null: the processors replay the store themselves). */
    private record Started(List<String> reset, List<String> notResettable, Future<Boolean> replay) {
    }

    /**
     * Resets the processors and sets the replay going, under the lock that {@link #pause} and {@link #resume} take, so
     * that no processor is started or stopped between its shutdown and its reset; the wait for the replay is outside
     * it. Null when a rebuild is under way already.
     */
    private synchronized Started start() {
        if (rebuilding()) {
            return null;
        }
        List<String> reset = new ArrayList<>();
        List<String> notResettable = new ArrayList<>();
        List<StreamingEventProcessor> resetProcessors = new ArrayList<>();
        for (StreamingEventProcessor processor : streaming()) {
            if (!processor.supportsReset()) {
                notResettable.add(processor.getName());
                continue;
            }
            log.info("Rebuilding the read model of processor [{}] from the event store", processor.getName());
            processor.shutDown();
            processor.resetTokens();
            resetProcessors.add(processor);
            reset.add(processor.getName());
        }
        if (!bulk || resetProcessors.isEmpty()) {
            resetProcessors.forEach(StreamingEventProcessor::start);
            return new Started(reset, notResettable, null);
        }
        replaying = rebuilding.submit(() -> {
            try {
                bulkReplay.replay(resetProcessors);
                return true;
            } catch (RuntimeException e) {
                log.error("The bulk rebuild failed; the processors replay the event store themselves instead", e);
                return false;
            } finally {
                synchronized (this) {
                    resetProcessors.forEach(StreamingEventProcessor::start);
                }
            }
        });
        return new Started(reset, notResettable, replaying);
    }

    @PreDestroy
    void stopRebuilding() {
        rebuilding.shutdownNow();
    }

    private boolean awaitCaughtUp(Long head, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 5;
        while (!streaming().stream().allMatch(p -> statusOf(p, head).caughtUp())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 100);
        }
        return true;
    }

    private List<StreamingEventProcessor> streaming() {
        List<StreamingEventProcessor> found = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                found.add(streaming);
            }
        }
        found.sort(Comparator.comparing(EventProcessor::getName));
        return found;
    }

    private ProcessorStatus statusOf(StreamingEventProcessor processor, Long head) {
        var segments = processor.processingStatus().values();
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        List<Long> stored = storedPositions(processor.getName());
        Long position = stored.isEmpty() ? null : stored.stream().min(Long::compare).orElseThrow();
        boolean caughtUp = processor.isRunning() && !error && !stored.isEmpty()
                && (head == null || position >= head);
        return new ProcessorStatus(processor.getName(), processor.isRunning(), error, replaying, position,
                stored.size(), caughtUp);
    }

    /** The position of each of the processor's segments as stored with its read model (-1: none yet). */
    private List<Long> storedPositions(String processor) {
        Serializer serializer = axon.serializer();
        return jdbc.query("select token, token_type from token_entry where processor_name = ?", (rs, n) -> {
            byte[] token = rs.getBytes("token");
            String type = rs.getString("token_type");
            if (token == null || type == null) {
                return -1L;
            }
            TrackingToken tracking = serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, type, null));
            OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
            return position.isPresent() ? position.getAsLong() : -1L;
        }, processor);
    }

    private Long head() {
        TrackingToken token = eventStore.createHeadToken();
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
