package org.commissioning.tracker.command.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.command.imports.ContractImporter.Chunk;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes an import's chunks as the reader decides them and, at the end, either keeps everything they hold or nothing.
 * Per chunk it looks up which of the chunk's contracts exist already; while none does, it appends the chunk's events
 * through Axon's event store. Once a contract exists (or the import has an error, whose chunks then carry no events)
 * it appends nothing more, but keeps looking up the later chunks' contracts so that every clash is reported, as
 * before.
 */
sealed interface ImportAppender extends AutoCloseable {

    /** How an import ended in the store: the contracts found to exist, and a failure of the append, if any. */
    record Appended(List<ImportError> clashes, RuntimeException failure) {
    }

    /** Takes the next chunk, in the body's order. */
    void append(Chunk chunk);

    /**
     * Commits what was appended when {@code keep} and nothing went wrong (no clash, no failure); otherwise rolls it all
     * back. Answers the clashes, in line order, and the failure (rolled back), if any.
     */
    Appended finish(boolean keep);

    /** Rolls back, unless {@link #finish} was called: for a request that ends without an answer from the appender. */
    @Override
    void close();

    /**
     * Appends while the body is still being read, on a worker thread of {@code executor} in ONE Spring transaction of
     * that thread, so that parsing and deciding (the request thread) overlap with serializing and inserting (the worker
     * and PostgreSQL) instead of one phase idling while the other runs.
     *
     * <p>Why this is all or nothing, as the single-transaction append before it: Axon's {@code publish} outside a unit
     * of work appends through its {@code SpringTransactionManager} (propagation REQUIRED) on a connection taken from
     * the transaction synchronization, so on the worker thread it joins the worker's open transaction and nothing is
     * visible to anyone else until {@link #finish} commits ({@code ContractImportPipelineTest} checks this: the rows
     * of appended chunks are invisible while the body is still being sent, and gone after a refusal). A failure of an
     * append (a unique violation from a contract registered meanwhile, any SQL error) leaves PostgreSQL's transaction
     * aborted, so the worker touches the database no more, drains the remaining chunks and rolls back; the caller then
     * answers as before. The request thread never waits longer than the worker needs: the queue is bounded
     * ({@value #QUEUED_CHUNKS} chunks, so memory stays a few chunks), and a worker that ended early (the transaction
     * could not start) stops taking chunks without blocking the reader.
     */
    final class Pipelined implements ImportAppender {
        static final int QUEUED_CHUNKS = 4;
        private static final Chunk COMMIT = new Chunk(List.of(), Map.of());
        private static final Chunk ROLL_BACK = new Chunk(List.of(), Map.of());

        private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final TransactionTemplate transaction;
        private final EventStore eventStore;
        private final ExistingContracts existing;
        private final Future<Appended> worker;
        private Appended appended;

        Pipelined(ExecutorService executor, TransactionTemplate transaction, EventStore eventStore,
                  ExistingContracts existing) {
            this.transaction = transaction;
            this.eventStore = eventStore;
            this.existing = existing;
            this.worker = executor.submit(this::run);
        }

        @Override
        public void append(Chunk chunk) {
            handOver(chunk);
        }

        @Override
        public Appended finish(boolean keep) {
            if (appended == null) {
                handOver(keep ? COMMIT : ROLL_BACK);
                try {
                    appended = worker.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    worker.cancel(true); // interrupts the worker's wait: it rolls back
                    throw new IllegalStateException("Interrupted while the import was appended", e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("The import's appender failed", e.getCause());
                }
            }
            return appended;
        }

        @Override
        public void close() {
            if (appended == null) {
                finish(false);
            }
        }

        /** Waits for room in the queue, unless the worker has ended (then the chunk is of no use). */
        private void handOver(Chunk chunk) {
            try {
                while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (worker.isDone()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.cancel(true);
                throw new IllegalStateException("Interrupted while the import was read", e);
            }
        }

        /** The worker: one transaction, a chunk at a time, until told to commit or roll back. */
        private Appended run() {
            List<ImportError> clashes = new ArrayList<>();
            RuntimeException[] failure = {null};
            try {
                transaction.executeWithoutResult(status -> {
                    Chunk chunk;
                    while ((chunk = next()) != COMMIT && chunk != ROLL_BACK) {
                        if (failure[0] != null) {
                            continue; // the transaction is aborted: only drain until the end
                        }
                        try {
                            clashes.addAll(existing.in(chunk.lineOfContract()));
                            if (clashes.isEmpty() && !chunk.events().isEmpty()) {
                                eventStore.publish(chunk.events());
                            }
                        } catch (RuntimeException e) {
                            failure[0] = e;
                        }
                    }
                    if (chunk == ROLL_BACK || failure[0] != null || !clashes.isEmpty()) {
                        status.setRollbackOnly();
                    }
                });
            } catch (RuntimeException e) { // the transaction could not start or commit: nothing is kept
                failure[0] = Objects.requireNonNullElse(failure[0], e);
            }
            return new Appended(clashes.stream().sorted(Comparator.comparingInt(ImportError::line)).toList(),
                    failure[0]);
        }

        private Chunk next() {
            try {
                return chunks.take();
            } catch (InterruptedException e) { // shut down with the application, or the request gave up
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The import's appender was interrupted; nothing was kept", e);
            }
        }
    }

    /**
     * Appends at the end, on the request thread, in the transaction the request already has: an {@code Idempotency-Key}
     * request runs in its filter's transaction, which must hold the events and the remembered answer together (both
     * or neither), and a worker thread's transaction cannot join it. So such an import is appended as it was before the
     * pipeline: every contract looked up once after reading, then all events published in one go, joining the
     * request's transaction (which the filter rolls back on any refusal).
     */
    final class InCallersTransaction implements ImportAppender {
        private final TransactionTemplate transaction;
        private final EventStore eventStore;
        private final ExistingContracts existing;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();
        private final Map<String, Integer> lineOfContract = new HashMap<>();

        InCallersTransaction(TransactionTemplate transaction, EventStore eventStore, ExistingContracts existing) {
            this.transaction = transaction;
            this.eventStore = eventStore;
            this.existing = existing;
        }

        @Override
        public void append(Chunk chunk) {
            events.addAll(chunk.events());
            lineOfContract.putAll(chunk.lineOfContract());
        }

        @Override
        public Appended finish(boolean keep) {
            List<ImportError> clashes = existing.in(lineOfContract);
            if (!keep || !clashes.isEmpty()) {
                return new Appended(clashes, null);
            }
            try {
                transaction.executeWithoutResult(status -> eventStore.publish(events));
            } catch (RuntimeException e) {
                return new Appended(List.of(), e);
            }
            return new Appended(List.of(), null);
        }

        @Override
        public void close() {
            // nothing appended before finish
        }
    }
}
