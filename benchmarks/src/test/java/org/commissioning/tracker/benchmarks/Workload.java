package org.commissioning.tracker.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.commissioning.tracker.benchmarks.Portfolio.Request;
import org.commissioning.tracker.benchmarks.Portfolio.Script;

/**
 * Sends scripts over HTTP with a number of client threads: each thread takes the next script and sends its writes in
 * order, as a contract manager would. Counts the accepted writes (each one event) and keeps the first refusals, which
 * the suite reports and, in the quick mode, fails on.
 */
final class Workload {

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final List<String> firstRefusals = Collections.synchronizedList(new ArrayList<>());

    /** Sends every script with {@code threads} threads; answers the seconds it took. */
    double send(Client client, List<Script> scripts, int threads) throws Exception {
        Queue<Script> queue = new ConcurrentLinkedQueue<>(scripts);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (Script script = queue.poll(); script != null; script = queue.poll()) {
                        send(client, script);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Sends scripts {@code next.apply(n)} for n = 0, 1, … until {@code running} turns false. */
    void sustain(Client client, IntFunction<Script> next, int threads, AtomicBoolean running, List<Future<?>> workers,
                 ExecutorService pool) {
        java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    send(client, next.apply(counter.getAndIncrement()));
                }
                return null;
            }));
        }
    }

    /**
     * Sends scripts {@code next.apply(n)} for n = 0, 1, … with {@code threads} threads until {@code warm} answers
     * true (asked once a second; each thread finishing the script it is on): a warm-up.
     */
    void sendUntil(Client client, IntFunction<Script> next, int threads, BooleanSupplier warm) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            sustain(client, next, threads, running, workers, pool);
            do {
                Thread.sleep(1_000);
            } while (!warm.getAsBoolean());
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
    }

    private void send(Client client, Script script) {
        for (Request request : script.requests()) {
            Client.Answer answer = client.post(request.path(), request.body());
            if (answer.status() / 100 == 2) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                if (firstRefusals.size() < 5) {
                    firstRefusals.add(request.path() + " " + answer.status() + " " + answer.body());
                }
                return; // the rest of this contract's writes would be refused too
            }
        }
    }
}
