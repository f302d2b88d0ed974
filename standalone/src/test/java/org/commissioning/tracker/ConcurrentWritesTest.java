package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fifty valid commands at once on one contract over HTTP: each is applied or refused with 409 concurrent_modification,
 * the stream has no gaps, every 2xx is one event, and the projection equals a fold of the stored events.
 */
class ConcurrentWritesTest extends EndToEndTest {

    private static final int WRITERS = 50;

    @Autowired
    EventStore eventStore;
    @Autowired
    JsonMapper json;

    @Test
    void fiftyConcurrentCommandsOnOneContractAreEachAppliedOrRefusedAndTheProjectionEqualsTheFold() throws Exception {
        write("/api/contracts", """
                {"id": "RACE-1", "title": "Reablement", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Kent County Council"}], "providers": [{"name": "Kent Community Health"}],
                 "value": {"amount": "5000000.00", "currency": "GBP"},
                 "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}""");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Response>> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = i % 2 == 0
                    ? """
                    {"effectiveOn": "2024-06-01", "valueChange": {"amount": "%d.00", "currency": "GBP"},
                     "description": "Variation %d"}""".formatted(100 + i, i)
                    : """
                    {"effectiveOn": "2024-06-01", "dueOn": "2025-0%d-15", "kind": "PERFORMANCE_REVIEW",
                     "description": "Review %d"}""".formatted(1 + i % 9, i);
            String path = i % 2 == 0 ? "/api/contracts/RACE-1/variations" : "/api/contracts/RACE-1/review-points";
            writers.add(() -> {
                start.await();
                return api.post(path, body);
            });
        }
        List<Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<Response>> futures = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        }

        for (Response response : responses) {
            assertThat(response.status()).as(response.body()).isIn(200, 201, 409);
            if (response.status() == 409) {
                assertThat(response.field("code")).isEqualTo("concurrent_modification");
            }
        }
        long applied = responses.stream().filter(r -> r.status() / 100 == 2).count();
        List<Long> sequences = jdbc.queryForList("""
                select sequence_number from domain_event_entry where aggregate_identifier = 'contract:RACE-1'
                order by sequence_number""", Long.class);
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(0, applied).boxed().toList());
        assertThat(responses.stream().filter(r -> r.status() / 100 == 2).map(r -> r.json().get("version").asLong()))
                .doesNotHaveDuplicates().allMatch(version -> version >= 1 && version <= applied);
        for (String asOf : List.of("2024-05-31", "2024-06-01", "2025-01-01", "2027-03-31", "2027-04-01")) {
            assertThat(contract("RACE-1", "asOf=" + asOf + "&minVersion=" + applied))
                    .as("as of %s", asOf)
                    .isEqualTo(Folds.expected(eventStore, json, "RACE-1", LocalDate.parse(asOf)));
        }
        System.out.printf("RELIABILITY concurrency: %d writers, %d applied, %d refused 409%n", WRITERS, applied,
                WRITERS - applied);
    }
}
