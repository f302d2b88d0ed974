package org.commissioning.tracker;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Axon's JPA and JDBC event storage engines on this slice, side by side in one run: registrations per second through
 * the command gateway (1 and 8 threads) and over HTTP (1 thread). Run by hand, not in CI:
 * {@code mvn -pl standalone test -Dgroups=benchmark -Dtests.excluded=none -Dtest=EventStorageEngineBenchmark}.
 * Prints a table; the numbers in the README's design notes come from it.
 */
@Tag("benchmark")
class EventStorageEngineBenchmark {

    static final int COMMANDS = Integer.getInteger("benchmark.commands", 2_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    static final ContractTerms TERMS = new ContractTerms(LocalDate.of(2020, 4, 1), Period.ofYears(3), null, List.of(), null, null);

    @Test
    void compareEngines() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String engine : List.of("jpa", "jdbc", "jpa", "jdbc")) {
            try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                    StandaloneApplication.CONFIG_NAME, "tracker.embedded-postgres.ephemeral=true",
                    "tracker.event-store.engine=" + engine, "logging.level.root=WARN")) {
                CommandGateway gateway = app.getBean(CommandGateway.class);
                ApiClient api = new ApiClient(Applications.port(app));
                run(gateway, 1, "warmup-" + engine, 500);
                List<Double> one = new ArrayList<>();
                List<Double> eight = new ArrayList<>();
                List<Double> http = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    one.add(run(gateway, 1, engine + "-1-" + round, COMMANDS));
                    eight.add(run(gateway, 8, engine + "-8-" + round, COMMANDS));
                    http.add(overHttp(api, engine + "-h-" + round, COMMANDS / 2));
                }
                lines.add(String.format("%-5s gateway 1 thread %6.0f/s  gateway 8 threads %6.0f/s  HTTP 1 thread %6.0f/s",
                        engine, median(one), median(eight), median(http)));
            }
        }
        lines.forEach(System.out::println);
    }

    static double run(CommandGateway gateway, int threads, String prefix, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    gateway.sendAndWait(new RegisterContract(ContractId.of(prefix + "-" + i), "Benchmark contract " + i,
                            ContractKind.SERVICE_CONTRACT, List.of(new Party("A CCG")), List.of(new Party("A trust")),
                            null, LocalDate.of(2020, 3, 1), TERMS, null, null));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static double overHttp(ApiClient api, String prefix, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String body = """
                    {"id": "%s-%d", "title": "Benchmark", "kind": "SERVICE_CONTRACT", "commissioners": [{"name": "A CCG"}],
                     "providers": [{"name": "A trust"}], "awardedOn": "2020-03-01",
                     "terms": {"startDate": "2020-04-01", "initialTerm": "P3Y"}}""".formatted(prefix, i);
            if (api.post("/api/contracts", body).status() != 201) {
                throw new IllegalStateException("registration failed");
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
