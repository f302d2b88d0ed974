package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two processes creating a processor's token segments at the same moment (two query nodes' first start on a new
 * database): the second must wait for the first, find its segments and go on, its transaction intact. Before, its
 * duplicate insert failed after the first committed and left its transaction rollback-only; Axon's coordinator caught
 * the exception, but the commit then threw {@code UnexpectedRollbackException} and the node failed to start.
 *
 * <p>The interleaving is forced: the first creates the segments and holds its transaction open until the second is
 * seen waiting in PostgreSQL; the second does exactly what Axon's coordinator does on start (fetch the segments, find
 * none, create them, an exception caught), in the same token store and transaction manager the processors use.
 */
class TokenSegmentsRaceTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;

    private final String processor = "race-" + UUID.randomUUID();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void cleanUp() {
        threads.shutdownNow();
        jdbc.update("delete from token_entry where processor_name = ?", processor);
    }

    @Test
    void theSecondProcessWaitsForTheFirstsSegmentsAndGoesOn() throws Exception {
        TokenStore tokens = processing.tokenStore("contracts");
        TransactionManager transactions = processing.transactionManager("contracts");
        CountDownLatch firstCreated = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            tokens.initializeTokenSegments(processor, 2, null);
            firstCreated.countDown();
            await(firstMayCommit);
        }), threads);
        assertThat(firstCreated.await(30, TimeUnit.SECONDS)).as("the first created its segments").isTrue();

        AtomicReference<int[]> seenBySecond = new AtomicReference<>();
        AtomicReference<Exception> refusal = new AtomicReference<>();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
            seenBySecond.set(tokens.fetchSegments(processor));
            try {
                tokens.initializeTokenSegments(processor, 2, null);
            } catch (Exception e) {
                refusal.set(e); // as Axon's coordinator: logged, tried again
            }
        }), threads);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (waitingOnLocks() == 0 && !second.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waitingOnLocks()).as("the second waiting on a lock while the first holds its transaction open")
                .isPositive();
        firstMayCommit.countDown();

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS); // before the fix: UnexpectedRollbackException from the commit
        assertThat(seenBySecond.get()).as("segments the second saw before creating its own").isEmpty();
        assertThat(refusal.get()).isInstanceOf(UnableToClaimTokenException.class);
        int[] segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(processor));
        assertThat(segments).containsExactly(0, 1);
    }

    /** Sessions waiting on a lock in a token statement: the advisory lock, or (without it) the first's new rows. */
    private int waitingOnLocks() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()"
                + " and (query like '%pg_advisory_xact_lock%' or query ilike '%token_entry%')", Integer.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
