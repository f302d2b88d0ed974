package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.commissioning.tracker.command.CommandSideApplication;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8, part 3: two command-side and two query-side processes (each its own JVM) on one PostgreSQL, loaded through
 * both command nodes and read through both query nodes; midway one of each is killed with {@code SIGKILL}. Clients
 * send every write with an {@code Idempotency-Key} and, when a node dies under a request, send it again to a survivor
 * (as a client behind a load balancer would).
 *
 * <p>The two query nodes start at the same instant on a database with no processor tokens yet, as in a first
 * deployment: both must come up.
 *
 * <p>Asserted: every answer is 2xx or 409 {@code concurrent_modification} (never a 5xx); two command nodes racing on
 * one contract give a 409 between processes; each contract's stream holds exactly the acknowledged writes, once each
 * (sequence numbers {@code 0..n} with no gap, every acknowledged version holding that request's event, nothing
 * unacknowledged); the surviving query node takes over both segments of every processor once the dead node's claims
 * time out, catches up, and answers each contract at the version and value the acknowledged writes give; a
 * query node started afterwards answers exactly as the survivor does.
 *
 * <p>Both query nodes keep their read models in the one database (the tables and the processors' tokens are shared),
 * so "the same answers" is about the processing having been taken over without loss or duplication, which the
 * comparison with the acknowledged writes checks independently of the read model.
 */
class SeveralNodesTest {

    private static final List<String> HOT = List.of("NODES-HOT-1", "NODES-HOT-2", "NODES-HOT-3");
    private static final String RACE = "NODES-RACE";
    private static final int WRITERS = 6;
    private static final int READERS = 2;
    /** Writes acknowledged under load before the kill, and again after it. */
    private static final int ACKNOWLEDGED_PER_PHASE = 60;
    private static final int SEGMENTS = 2;
    /** Contracts each writer registers at most (the register is compared in one page of 500). */
    private static final int OWN_CONTRACTS = 20;
    private static final String AS_OF = "asOf=2024-07-01";

    /** A write answered 2xx: the contract, the version it answered, and what it changed. */
    record Ack(String contract, long version, String description, BigDecimal change) {
    }

    /** The nodes' logs, kept after the run (surefire runs in the module's directory). */
    private final Path logs = Path.of("target", "several-nodes");

    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> latestVersion = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger readsLost = new AtomicInteger();
    private final AtomicLong slowestReadMillis = new AtomicLong();
    private final List<ChildApplication> liveCommandNodes = new CopyOnWriteArrayList<>();
    private final List<ChildApplication> liveQueryNodes = new CopyOnWriteArrayList<>();

    @Test
    void killingOneCommandNodeAndOneQueryNodeUnderLoadLosesNothingAndTheSurvivorsTakeOver() throws Exception {
        Files.createDirectories(logs);
        List<ChildApplication> started = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start()) {
            try {
                run(postgres, started);
            } finally {
                for (ChildApplication node : started) {
                    node.close(); // before the database, so that they stop cleanly
                }
            }
        }
    }

    private void run(EmbeddedPostgres postgres, List<ChildApplication> started) throws Exception {
        JdbcTemplate sql = new JdbcTemplate(postgres.getPostgresDatabase());
        String[] database = {"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres", "tracker.read-your-writes.timeout=30s"};

        long starting = System.nanoTime();
        ChildApplication commandA = node(started, "command-a", CommandSideApplication.class, database);
        ChildApplication commandB = node(started, "command-b", CommandSideApplication.class, database);
        ChildApplication queryA = node(started, "query-a", QuerySideApplication.class, database);
        // both query nodes start at once on an empty token store: one creates the processors' token segments, the
        // other waits for them and goes on (OneTokenInitialisation; TokenSegmentsRaceTest forces that interleaving)
        ChildApplication queryB = node(started, "query-b", QuerySideApplication.class, database);
        for (ChildApplication node : started) {
            node.awaitHealthy();
        }
        Duration startUp = since(starting);
        liveCommandNodes.addAll(List.of(commandA, commandB));
        liveQueryNodes.addAll(List.of(queryA, queryB));

        for (String id : concat(HOT, List.of(RACE))) {
            record(commandA.api.post("/api/contracts", registration(id)), id, null, BigDecimal.ZERO);
        }
        int raceRounds = raceUntilRefused(commandA, commandB);

        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(WRITERS + READERS);
        List<Future<?>> clients = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            clients.add(load.submit(() -> write(writer, loading)));
        }
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            clients.add(load.submit(() -> read(reader, loading)));
        }

        awaitAcknowledged(acks.size() + ACKNOWLEDGED_PER_PHASE);
        Map<String, Integer> segmentsBefore = segmentsByOwner(sql);
        ChildApplication queryVictim = ownerCount(segmentsBefore, queryA) >= ownerCount(segmentsBefore, queryB)
                ? queryA : queryB;
        ChildApplication querySurvivor = queryVictim == queryA ? queryB : queryA;
        long headAtKill = sql.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        int acknowledgedAtKill = acks.size();
        commandB.kill();
        queryVictim.kill();
        long killed = System.nanoTime();
        liveCommandNodes.remove(commandB);
        liveQueryNodes.remove(queryVictim);

        Duration segmentsMoved = awaitSegmentsOwnedBy(sql, querySurvivor);
        Duration caughtUpWithKill = awaitPositions(querySurvivor, headAtKill, killed);
        awaitAcknowledged(acknowledgedAtKill + ACKNOWLEDGED_PER_PHASE);
        loading.set(false);
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        load.shutdown();

        assertThat(unexpected).as("answers other than 2xx or 409 concurrent_modification").isEmpty();
        assertThat(refused.get()).as("409 concurrent_modification between the two command nodes").isPositive();
        JsonNode survivorStatus = querySurvivor.api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true")
                .json();
        assertThat(survivorStatus.get("caughtUp").asBoolean()).as(survivorStatus.toString()).isTrue();
        everyAcknowledgedWriteIsStoredOnceAndNothingElse(sql);
        assertThat(segmentsByOwner(sql)).as("every segment of every processor is the survivor's")
                .containsOnlyKeys(owner(querySurvivor));
        theQuerySideAnswersWhatTheAcknowledgedWritesGive(querySurvivor);

        long restarting = System.nanoTime();
        ChildApplication queryC = node(started, "query-c", QuerySideApplication.class, database);
        queryC.awaitHealthy();
        Duration restart = since(restarting);
        JsonNode newcomerStatus = queryC.api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true").json();
        assertThat(newcomerStatus.get("caughtUp").asBoolean()).as(newcomerStatus.toString()).isTrue();
        int compared = bothAnswerTheSame(querySurvivor, queryC);

        System.out.printf("RELIABILITY several nodes: 4 JVMs healthy %d s after start; race: 409 after %d round(s); "
                        + "%d writes acknowledged (%d before the kill), %d refused 409 concurrent_modification, "
                        + "%d requests resent after no answer; %d reads, %d lost with the killed node, slowest %d ms; "
                        + "segments before the kill %s, victim %s; all %d segments of each processor on the survivor "
                        + "%.1f s after the kill; survivor past the head at the kill %.1f s after it; third query node "
                        + "healthy after %d s, %d answers identical; segments after it joined %s%n",
                startUp.toSeconds(), raceRounds, acks.size(), acknowledgedAtKill, refused.get(), resent.get(),
                reads.get(), readsLost.get(), slowestReadMillis.get(), segmentsBefore, owner(queryVictim), SEGMENTS,
                segmentsMoved.toMillis() / 1000.0, caughtUpWithKill.toMillis() / 1000.0, restart.toSeconds(),
                compared, segmentsByOwner(sql));
    }

    private ChildApplication node(List<ChildApplication> started, String name, Class<?> main, String[] database) {
        ChildApplication node = ChildApplication.start(name, main, logs, database);
        started.add(node);
        return node;
    }

    // ---- load ----

    /**
     * Two requests released together on one contract, one to each command node, until one is refused: each node loads
     * the same version and appends the next sequence number; the unique (aggregate, sequence) key lets one commit.
     */
    private int raceUntilRefused(ChildApplication first, ChildApplication second) throws Exception {
        try (ExecutorService pair = Executors.newFixedThreadPool(2)) {
            for (int round = 1; round <= 40; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> answers = new ArrayList<>();
                for (ChildApplication node : List.of(first, second)) {
                    String description = "race " + round + " via " + node.name;
                    answers.add(pair.submit(() -> {
                        go.await();
                        return node.api.post("/api/contracts/" + RACE + "/variations", variation(description, 1));
                    }));
                }
                go.countDown();
                int refusedBefore = refused.get();
                for (int i = 0; i < 2; i++) {
                    String description = "race " + round + " via " + List.of(first, second).get(i).name;
                    record(answers.get(i).get(), RACE, description, BigDecimal.ONE);
                }
                assertThat(unexpected).isEmpty();
                if (refused.get() > refusedBefore) {
                    return round;
                }
            }
        }
        throw new AssertionError("40 simultaneous pairs on one contract through two command nodes: never a 409");
    }

    /**
     * One client: registers its own contracts and varies them through the other node, and varies the shared hot
     * contracts through either node, so that both nodes append to the same streams.
     */
    private void write(int writer, AtomicBoolean loading) {
        String own = null;
        int registered = 0;
        for (int n = 0; loading.get(); n++) {
            try {
                int rotation = writer + n;
                String description = "w" + writer + "-" + n;
                int amount = 1 + (writer * 31 + n) % 9;
                if (n % 4 == 0 && registered < OWN_CONTRACTS) {
                    String id = "NODES-" + writer + "-" + n;
                    if (record(send("/api/contracts", registration(id), rotation), id, null, BigDecimal.ZERO)) {
                        own = id;
                        registered++;
                    }
                } else {
                    String id = n % 4 == 1 && own != null ? own : HOT.get((writer + n) % HOT.size());
                    record(send("/api/contracts/" + id + "/variations", variation(description, amount), rotation + 1),
                            id, description, BigDecimal.valueOf(amount));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Sends one write under a fresh {@code Idempotency-Key}, to the live command nodes in turn; if a node gives no
     * answer (it died under the request) the same request goes to the next with the same key, which answers the stored
     * result if the first attempt had committed.
     */
    private Response send(String path, String body, int rotation) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 20; attempt++) {
            List<ChildApplication> live = List.copyOf(liveCommandNodes);
            ChildApplication node = live.get(Math.floorMod(rotation + attempt, live.size()));
            try {
                return node.api.post(path, body, "Idempotency-Key", key);
            } catch (RuntimeException noAnswer) {
                resent.incrementAndGet();
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no command node answered " + path);
    }

    /** Keeps the ledger of answers; true when the write was acknowledged. */
    private boolean record(Response response, String contract, String description, BigDecimal change) {
        if (response.status() / 100 == 2) {
            long version = response.json().get("version").asLong();
            acks.add(new Ack(contract, version, description, change));
            latestVersion.merge(contract, version, Math::max);
            return true;
        }
        if (response.status() == 409 && "concurrent_modification".equals(response.field("code"))) {
            refused.incrementAndGet();
        } else {
            unexpected.add(response.status() + " " + response.body());
        }
        return false;
    }

    /** Reads the first hot contract at its latest acknowledged version from the live query nodes in turn. */
    private void read(int reader, AtomicBoolean loading) {
        for (int n = reader; loading.get(); n++) {
            List<ChildApplication> live = List.copyOf(liveQueryNodes);
            ChildApplication node = live.get(n % live.size());
            long version = latestVersion.getOrDefault(HOT.getFirst(), 0L);
            long asked = System.nanoTime();
            try {
                Response read = node.api.get("/api/contracts/" + HOT.getFirst() + "?" + AS_OF + "&minVersion=" + version);
                reads.incrementAndGet();
                slowestReadMillis.accumulateAndGet(since(asked).toMillis(), Math::max);
                if (read.status() != 200) {
                    unexpected.add("read: " + read.status() + " " + read.body());
                }
            } catch (RuntimeException noAnswer) {
                readsLost.incrementAndGet(); // the node died under the read
            }
        }
    }

    private void awaitAcknowledged(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (acks.size() < count) {
            assertThat(System.nanoTime()).as("%d writes acknowledged, waiting for %d; unexpected: %s", acks.size(),
                    count, unexpected).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    // ---- the processors' segments ----

    /** Axon's token store names its node by the JVM's runtime name, {@code <pid>@<host>}. */
    private static String owner(ChildApplication node) {
        return node.pid() + "@";
    }

    /** Segments per owner (the pid part of it), over every processor; unclaimed ones under "none". */
    private static Map<String, Integer> segmentsByOwner(JdbcTemplate sql) {
        Map<String, Integer> owners = new TreeMap<>();
        sql.query("select owner from token_entry", row -> {
            String owner = row.getString("owner");
            owners.merge(owner == null ? "none" : owner.substring(0, owner.indexOf('@') + 1), 1, Integer::sum);
        });
        return owners;
    }

    private static int ownerCount(Map<String, Integer> segments, ChildApplication node) {
        return segments.getOrDefault(owner(node), 0);
    }

    /**
     * Waits until every processor's segments are all claimed by the survivor: the dead node's claims are taken over
     * once they are older than the token store's claim timeout (10 s by default), at the survivor's next attempt to
     * claim (every 5 s).
     */
    private static Duration awaitSegmentsOwnedBy(JdbcTemplate sql, ChildApplication survivor) throws InterruptedException {
        long from = System.nanoTime();
        long deadline = from + Duration.ofMinutes(2).toNanos();
        while (true) {
            Map<String, List<Integer>> segments = new TreeMap<>();
            sql.query("select processor_name, segment, owner from token_entry", row -> {
                String owner = row.getString("owner");
                if (owner != null && owner.startsWith(owner(survivor))) {
                    segments.computeIfAbsent(row.getString("processor_name"), p -> new ArrayList<>())
                            .add(row.getInt("segment"));
                }
            });
            int processors = sql.queryForObject("select count(distinct processor_name) from token_entry", Integer.class);
            if (processors > 0 && segments.size() == processors
                    && segments.values().stream().allMatch(owned -> owned.size() == SEGMENTS)) {
                return since(from);
            }
            assertThat(System.nanoTime()).as("segments of the survivor: %s", segments).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Waits until every processor of the survivor has stored a position at or past {@code head}; time since the kill. */
    private static Duration awaitPositions(ChildApplication survivor, long head, long killed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode status = survivor.api.as(TestUsers.ADMIN).get("/api/admin/projections").json();
            boolean past = true;
            for (JsonNode processor : status.get("processors")) {
                JsonNode position = processor.get("position");
                past &= position != null && !position.isNull() && position.asLong() >= head;
            }
            if (past) {
                return since(killed);
            }
            assertThat(System.nanoTime()).as("survivor's processors: %s", status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    // ---- what was acknowledged against what is stored and answered ----

    /**
     * Each contract's stream is exactly its acknowledged writes: sequence numbers 0..n, one acknowledgement per
     * version, the event at each acknowledged version being that request's (its description).
     */
    private void everyAcknowledgedWriteIsStoredOnceAndNothingElse(JdbcTemplate sql) {
        Map<String, Map<Long, String>> stored = new TreeMap<>();
        sql.query("""
                select aggregate_identifier, sequence_number,
                       convert_from(payload, 'UTF8')::jsonb ->> 'description' as description
                from domain_event_entry where aggregate_identifier like 'contract:NODES-%'""", row -> {
            stored.computeIfAbsent(row.getString(1).substring("contract:".length()), c -> new TreeMap<>())
                    .put(row.getLong(2), row.getString(3));
        });
        Map<String, List<Ack>> acknowledged = acksByContract();
        assertThat(stored.keySet()).as("contracts with events").isEqualTo(acknowledged.keySet());
        for (var contract : acknowledged.entrySet()) {
            Map<Long, String> events = stored.get(contract.getKey());
            List<Long> versions = contract.getValue().stream().map(Ack::version).sorted().toList();
            assertThat(versions).as("versions acknowledged for %s", contract.getKey())
                    .containsExactlyElementsOf(LongStream.range(0, versions.size()).boxed().toList());
            assertThat(events.keySet()).as("sequence numbers stored for %s", contract.getKey())
                    .containsExactlyElementsOf(versions);
            for (Ack ack : contract.getValue()) {
                assertThat(events.get(ack.version())).as("%s version %d", ack.contract(), ack.version())
                        .isEqualTo(ack.description());
            }
        }
    }

    /** Each contract at its last acknowledged version, with its value the registered 100.00 plus every change. */
    private void theQuerySideAnswersWhatTheAcknowledgedWritesGive(ChildApplication node) {
        for (var contract : acksByContract().entrySet()) {
            long version = contract.getValue().size() - 1;
            BigDecimal value = contract.getValue().stream().map(Ack::change)
                    .reduce(new BigDecimal("100.00"), BigDecimal::add);
            Response read = node.api.get("/api/contracts/" + contract.getKey() + "?" + AS_OF + "&minVersion=" + version);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().get("version").asLong()).as(contract.getKey()).isEqualTo(version);
            assertThat(new BigDecimal(read.json().get("value").get("amount").asString()))
                    .as("value of %s", contract.getKey()).isEqualByComparingTo(value);
        }
    }

    /** Every contract, the register, the key dates and the hot contracts' histories: the same JSON from both. */
    private int bothAnswerTheSame(ChildApplication survivor, ChildApplication newcomer) {
        List<String> paths = new ArrayList<>();
        for (String contract : acksByContract().keySet()) {
            paths.add("/api/contracts/" + contract + "?" + AS_OF);
        }
        for (String contract : concat(HOT, List.of(RACE))) {
            paths.add("/api/contracts/" + contract + "/history");
        }
        paths.add("/api/contracts?" + AS_OF + "&size=500");
        paths.add("/api/key-dates?from=2027-01-01&to=2027-12-31&size=500");
        for (String path : paths) {
            Response expected = survivor.api.get(path);
            assertThat(expected.status()).as("%s: %s", path, expected.body()).isEqualTo(200);
            assertThat(newcomer.api.get(path).json()).as(path).isEqualTo(expected.json());
        }
        JsonNode register = survivor.api.get("/api/contracts?" + AS_OF + "&size=500").json();
        assertThat(register.get("total").asInt()).isEqualTo(acksByContract().size());
        return paths.size();
    }

    private Map<String, List<Ack>> acksByContract() {
        return acks.stream().collect(Collectors.groupingBy(Ack::contract, TreeMap::new, Collectors.toList()));
    }

    // ---- requests ----

    private static String registration(String id) {
        return """
                {"id": "%s", "title": "Several nodes", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Devon County Council"}], "providers": [{"name": "Devon Partnership"}],
                 "value": {"amount": "100.00", "currency": "GBP"},
                 "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}""".formatted(id);
    }

    private static String variation(String description, int amount) {
        return """
                {"effectiveOn": "2024-06-01", "valueChange": {"amount": "%d.00", "currency": "GBP"},
                 "description": "%s"}""".formatted(amount, description);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
