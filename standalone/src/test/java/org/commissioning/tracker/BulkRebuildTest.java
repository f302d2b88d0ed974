package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.query.admin.Projections;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The admin rebuild by bulk replay ({@code BulkReplay}) loses nothing written while it runs. The replay reads the
 * event store in one snapshot up to its head and places the processors' tokens there, with the positions the snapshot
 * did not see as gaps; whatever is appended during the rebuild (above the head) or was still uncommitted when the
 * snapshot was taken (a gap below it) must be projected by the processors once they start again.
 *
 * <p>The expected read models are the client's own record of the writes it had acknowledged (versions, values,
 * reasons), never what the server answers.
 */
class BulkRebuildTest extends EndToEndTest {

    /** Contracts of ten events each loaded before the rebuild, so that it takes long enough to write during it. */
    static final int BALLAST_CONTRACTS = 100;
    static final int CONTRACTS = 30;
    static final int WRITERS = 2;
    /** At least this many writes in all, and writing goes on until the rebuild has answered. */
    static final int MIN_WRITES = 80;
    /** Bounds on the writing, whatever happens to the rebuild. */
    static final int MAX_WRITES_PER_WRITER = 1_500;
    static final Duration MAX_WRITING = Duration.ofMinutes(3);
    /** Every writer registers a new contract every this many writes. */
    static final int NEW_CONTRACT_EVERY = 8;

    static final BigDecimal INITIAL_VALUE = new BigDecimal("1000000.00");
    /** Each test's contracts have a provider of their own, so the register filtered on it lists exactly them. */
    static final String PROVIDER = "Bulk Rebuild Test Provider";
    static final String GAP_PROVIDER = "Bulk Rebuild Gap Provider";
    static final String VARIED_ON = "2025-01-15";
    /** How long the processors may take to project an event once committed (caught up, they poll every few ms). */
    static final Duration PROJECTION_PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Projections projections;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** An event the client saw acknowledged: its sequence (the version answered), type and the reason it sent. */
    record Acknowledged(long sequence, String type, String reason, BigDecimal valueChange, long acknowledgedAtNanos) {
        String line() {
            return sequence + " " + type + " " + reason;
        }
    }

    /** The client's record of one contract: every write acknowledged, in order (one writer per contract). */
    static final class Written {
        final String id;
        final List<Acknowledged> events = new ArrayList<>();

        Written(String id) {
            this.id = id;
        }

        long version() {
            return events.size() - 1;
        }

        BigDecimal value() {
            return events.stream().map(Acknowledged::valueChange).reduce(INITIAL_VALUE, BigDecimal::add);
        }
    }

    @Test
    void writesDuringARebuildAreProjected() throws Exception {
        loadBallast("BULK-BALLAST");
        Map<String, Written> written = new ConcurrentHashMap<>();
        List<List<Written>> owned = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            owned.add(new ArrayList<>());
        }
        for (int i = 0; i < CONTRACTS; i++) {
            Written contract = register("BULK-W-" + i, "Loaded before the rebuild");
            varyOrCommence(contract, "Before the rebuild " + i);
            varyOrCommence(contract, "Before the rebuild again " + i);
            written.put(contract.id, contract);
            owned.get(i % WRITERS).add(contract);
        }

        AtomicLong rebuildStarted = new AtomicLong();
        AtomicLong rebuildAnswered = new AtomicLong(Long.MAX_VALUE);
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
            Future<Response> rebuild = pool.submit(() -> {
                rebuildStarted.set(System.nanoTime());
                Response response = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
                rebuildAnswered.set(System.nanoTime());
                return response;
            });
            AtomicLong writes = new AtomicLong();
            long deadline = System.nanoTime() + MAX_WRITING.toNanos();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                List<Written> mine = owned.get(w);
                writers.add(pool.submit(() -> {
                    for (int k = 0; k < MAX_WRITES_PER_WRITER && System.nanoTime() < deadline
                            && (!rebuild.isDone() || writes.get() < MIN_WRITES); k++) {
                        if (k % NEW_CONTRACT_EVERY == NEW_CONTRACT_EVERY - 1) {
                            Written fresh = register("BULK-W-" + writer + "-" + k, "Registered by writer " + writer);
                            written.put(fresh.id, fresh);
                            mine.add(fresh);
                        } else {
                            varyOrCommence(mine.get(k % mine.size()), "Writer " + writer + " write " + k);
                        }
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            Response rebuilt = rebuild.get();
            assertThat(rebuilt.status()).as(rebuilt.body()).isIn(200, 202);
            long headAtStart = rebuilt.json().get("headAtStart").asLong();
            assertThat(rebuilt.json().get("reset").toString()).contains("projections");

            // the writes really overlapped the rebuild: some were appended after its start and acknowledged before it
            // answered (and so while the processors were stopped, replayed or just started again)
            long during = written.values().stream().flatMap(c -> c.events.stream()
                            .filter(e -> e.acknowledgedAtNanos() > rebuildStarted.get()
                                    && e.acknowledgedAtNanos() < rebuildAnswered.get())
                            .filter(e -> globalIndexOf(c.id, e.sequence()) > headAtStart))
                    .count();
            System.out.printf("BULK REBUILD: %d writes in all, %d appended after the rebuild's head %d and "
                    + "acknowledged before it answered (%s), %d contracts%n", writes.get(), during, headAtStart,
                    rebuilt.status(), written.size());
            assertThat(writes.get()).isGreaterThanOrEqualTo(MIN_WRITES);
            assertThat(during).as("writes acknowledged while the rebuild ran").isPositive();
        }

        Response status = api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("caughtUp").asBoolean()).as(status.body()).isTrue();

        // caught up with the head; a lost event would never come, so one bound for them all
        long deadline = System.nanoTime() + PROJECTION_PATIENCE.toNanos();
        for (Written contract : written.values()) {
            JsonNode state = awaitVersion(contract.id, contract.version(), deadline);
            assertThat(state.get("version").asLong()).as(contract.id).isEqualTo(contract.version());
            assertThat(new BigDecimal(state.get("value").get("amount").asString())).as(contract.id)
                    .isEqualByComparingTo(contract.value());

            Response history = api.get("/api/contracts/" + contract.id + "/history?size=500&minVersion="
                    + contract.version());
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            List<String> lines = new ArrayList<>();
            history.json().get("items").forEach(item -> lines.add(item.get("sequence").asLong() + " "
                    + text(item, "type") + " " + text(item, "reason")));
            assertThat(lines).as(contract.id)
                    .containsExactlyElementsOf(contract.events.stream().map(Acknowledged::line).toList());
            assertThat(history.json().get("total").asLong()).as(contract.id).isEqualTo(contract.events.size());
        }

        Map<String, Long> expectedVersions = new TreeMap<>();
        written.values().forEach(contract -> expectedVersions.put(contract.id, contract.version()));
        Response register = api.get("/api/contracts?size=500&provider=" + PROVIDER.replace(" ", "%20"));
        assertThat(register.status()).as(register.body()).isEqualTo(200);
        Map<String, Long> registered = new TreeMap<>();
        register.json().get("items").forEach(item -> assertThat(
                registered.put(text(item, "id"), item.get("version").asLong())).as("listed once").isNull());
        assertThat(registered).isEqualTo(expectedVersions);
        assertThat(register.json().get("total").asLong()).isEqualTo(written.size());

        // nothing projected twice or left out, counted in the table the history reads
        long acknowledged = written.values().stream().mapToLong(c -> c.events.size()).sum();
        assertThat(jdbc.queryForObject("select count(*) from contract_event_view where contract_id like 'BULK-W-%'",
                Long.class)).isEqualTo(acknowledged);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry"
                + " where aggregate_identifier like 'contract:BULK-W-%'", Long.class)).isEqualTo(acknowledged);
    }

    /**
     * The gap case: a write whose transaction got its position before the rebuild's snapshot but committed only after
     * it. The snapshot cannot see it, and the head is above it (another contract's write committed meanwhile), so only
     * the gap in the token placed at the head lets the processors project it once it commits.
     */
    @Test
    void anEventCommittedAfterTheSnapshotIsProjected() throws Exception {
        Written held = register("BULK-GAP-HELD", "Registered before the held write", GAP_PROVIDER);
        Written other = register("BULK-GAP-OTHER", "Registered before the held write", GAP_PROVIDER);
        contract(held.id, "minVersion=0");
        BigDecimal heldChange = new BigDecimal("1234.00");

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> holding = pool.submit(() -> transaction.executeWithoutResult(status -> {
                // Axon's unit of work joins this transaction: the event row is inserted (its global index drawn from
                // the sequence) but stays uncommitted until this method returns
                commandGateway.sendAndWait(new VaryContract(ContractId.of(held.id), LocalDate.parse(VARIED_ON),
                        Money.gbp(heldChange.toPlainString()), "Held across the rebuild's snapshot"));
                appended.countDown();
                try {
                    assertThat(release.await(2, TimeUnit.MINUTES)).as("released").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            try {
                assertThat(appended.await(30, TimeUnit.SECONDS)).as("the held write appended").isTrue();
                assertThat(eventsOf(held.id)).as("the held event is not committed yet").isEqualTo(1);
                varyOrCommence(other, "Committed while the held write is open");

                Projections.Rebuild rebuild = projections.rebuild(Duration.ofSeconds(60));
                assertThat(rebuild.caughtUp()).as("%s", rebuild).isTrue();
                assertThat(rebuild.reset()).contains("projections");
                assertThat(eventsOf(held.id)).as("still held after the rebuild").isEqualTo(1);

                release.countDown();
                holding.get(30, TimeUnit.SECONDS);
                long heldIndex = globalIndexOf(held.id, 1);
                assertThat(heldIndex).as("the held event's position is below the head the rebuild replayed to")
                        .isLessThan(rebuild.headAtStart());
                assertThat(globalIndexOf(other.id, 1)).isGreaterThan(heldIndex).isLessThanOrEqualTo(
                        rebuild.headAtStart());
            } finally {
                release.countDown();
            }
        }
        held.events.add(new Acknowledged(1, "ContractVaried", null, heldChange, System.nanoTime()));

        JsonNode state = awaitVersion(held.id, held.version(), System.nanoTime() + PROJECTION_PATIENCE.toNanos());
        assertThat(state.get("version").asLong()).isEqualTo(held.version());
        assertThat(new BigDecimal(state.get("value").get("amount").asString())).isEqualByComparingTo(held.value());
        Response history = api.get("/api/contracts/" + held.id + "/history?minVersion=1");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        history.json().get("items").forEach(item -> lines.add(item.get("sequence").asLong() + " "
                + text(item, "type") + " " + text(item, "reason")));
        assertThat(lines).containsExactlyElementsOf(held.events.stream().map(Acknowledged::line).toList());
        JsonNode otherState = contract(other.id, "minVersion=" + other.version());
        assertThat(otherState.get("version").asLong()).isEqualTo(other.version());
        assertThat(new BigDecimal(otherState.get("value").get("amount").asString()))
                .isEqualByComparingTo(other.value());
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** Registers a contract over HTTP and starts the client's record of it. */
    Written register(String id, String reason) {
        return register(id, reason, PROVIDER);
    }

    Written register(String id, String reason, String provider) {
        Response response = api.post("/api/contracts", """
                {"id": "%s", "title": "Bulk rebuild contract %s", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Bulk Rebuild ICB"}], "providers": [{"name": "%s"}],
                 "value": {"amount": "%s", "currency": "GBP"},
                 "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P5Y"},
                 "reason": "%s"}""".formatted(id, id, provider, INITIAL_VALUE.toPlainString(), reason));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("version").asLong()).isZero();
        Written contract = new Written(id);
        contract.events.add(new Acknowledged(0, "ContractRegistered", reason, BigDecimal.ZERO, System.nanoTime()));
        return contract;
    }

    /** The contract's next write: its commencement first, then variations of a value of its own. */
    void varyOrCommence(Written contract, String reason) {
        long next = contract.events.size();
        boolean commence = contract.events.stream().noneMatch(e -> e.type().equals("ContractCommenced"));
        BigDecimal change = commence ? BigDecimal.ZERO : BigDecimal.valueOf(100 + next).setScale(2);
        Response response = commence
                ? api.post("/api/contracts/" + contract.id + "/commencement", """
                        {"effectiveOn": "2024-04-01", "reason": "%s"}""".formatted(reason))
                : api.post("/api/contracts/" + contract.id + "/variations", """
                        {"effectiveOn": "%s", "valueChange": {"amount": "%s", "currency": "GBP"},
                         "description": "Variation %d", "reason": "%s"}""".formatted(VARIED_ON,
                        change.toPlainString(), next, reason));
        assertThat(response.status()).as("%s: %s", contract.id, response.body()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).as(contract.id).isEqualTo(next);
        contract.events.add(new Acknowledged(next, commence ? "ContractCommenced" : "ContractVaried", reason, change,
                System.nanoTime()));
    }

    /** Ten events for each of {@link #BALLAST_CONTRACTS} contracts through the bulk import (as ImportBenchmark's). */
    void loadBallast(String prefix) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (TestUsers.MANAGER.username + ":" + TestUsers.MANAGER.password).getBytes(StandardCharsets.UTF_8));
        long events = ImportBenchmark.post(HttpClient.newHttpClient(),
                URI.create("http://localhost:" + port + "/api/imports/contracts"), auth,
                // parties of their own, so that no other test's portfolio query meets them
                ImportBenchmark.body(prefix, BALLAST_CONTRACTS).replace("\"An ICB\"", "\"Bulk Rebuild Ballast ICB\"")
                        .replace("\"A council\"", "\"Bulk Rebuild Ballast Council\"")
                        .replace("\"A trust\"", "\"Bulk Rebuild Ballast Trust\""));
        assertThat(events).isEqualTo(10L * BALLAST_CONTRACTS);
    }

    /**
     * The contract's state once it shows {@code version}, or as it is at {@code deadline} ({@link System#nanoTime()}).
     * Polled rather than read with minVersion, whose wait ends in a 503 at about the HTTP client's own timeout: a lost
     * event then fails on the version, not on a timeout.
     */
    JsonNode awaitVersion(String id, long version, long deadline) throws InterruptedException {
        JsonNode state = contract(id, "");
        while (state.get("version").asLong() < version && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = contract(id, "");
        }
        return state;
    }

    long globalIndexOf(String contractId, long sequence) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = ?", Long.class, "contract:" + contractId, sequence);
    }
}
