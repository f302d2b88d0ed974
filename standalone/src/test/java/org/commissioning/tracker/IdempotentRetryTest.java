package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.command.web.IdempotencyKeyExpiry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A write sent again with the same Idempotency-Key gets the first answer and stores nothing new. */
class IdempotentRetryTest extends EndToEndTest {

    private static String registration(String id) {
        return """
                {"id": "%s", "title": "Community equipment", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Devon County Council"}], "providers": [{"name": "Medequip"}],
                 "value": {"amount": "1000000.00", "currency": "GBP"},
                 "awardedOn": "2024-01-01", "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y"}}
                """.formatted(id);
    }

    private static final String VARIATION = """
            {"effectiveOn": "2024-06-01", "valueChange": {"amount": "1000.00", "currency": "GBP"},
             "description": "More beds"}""";

    private long keys(String key) {
        return jdbc.queryForObject("select count(*) from idempotent_request where idempotency_key = ?", Long.class, key);
    }

    @Test
    void aRegistrationSentTwiceWithOneKeyIsAnsweredTheSameAndStoredOnce() {
        Response first = api.post("/api/contracts", registration("IDEM-REG"), "Idempotency-Key", "reg-1");
        Response again = api.post("/api/contracts", registration("IDEM-REG"), "Idempotency-Key", "reg-1");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(eventsOf("IDEM-REG")).isEqualTo(1);
        assertThat(keys("reg-1")).isEqualTo(1);
        // without the key, the same request is a new one: refused, the contract exists
        assertThat(api.post("/api/contracts", registration("IDEM-REG")).status()).isEqualTo(409);
    }

    @Test
    void aVariationRetriedAnswersTheFirstVersionAndAppendsNothing() {
        write("/api/contracts", registration("IDEM-VAR"));
        Response first = api.post("/api/contracts/IDEM-VAR/variations", VARIATION, "Idempotency-Key", "var-1");
        Response again = api.post("/api/contracts/IDEM-VAR/variations", VARIATION, "Idempotency-Key", "var-1");
        Response other = api.post("/api/contracts/IDEM-VAR/variations", VARIATION, "Idempotency-Key", "var-2");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventsOf("IDEM-VAR")).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsIdempotencyKeyReused() {
        write("/api/contracts", registration("IDEM-REUSE"));
        api.post("/api/contracts/IDEM-REUSE/variations", VARIATION, "Idempotency-Key", "reuse-1");
        long before = eventsOf("IDEM-REUSE");

        Response otherBody = api.post("/api/contracts/IDEM-REUSE/variations", VARIATION.replace("More", "Fewer"),
                "Idempotency-Key", "reuse-1");
        Response otherPath = api.post("/api/contracts/IDEM-REUSE/commencement", "{\"effectiveOn\": \"2024-04-01\"}",
                "Idempotency-Key", "reuse-1");

        for (Response response : List.of(otherBody, otherPath)) {
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.field("code")).isEqualTo("idempotency_key_reused");
        }
        assertThat(eventsOf("IDEM-REUSE")).isEqualTo(before);
    }

    @Test
    void keysAreScopedToTheAuthenticatedUser() {
        write("/api/contracts", registration("IDEM-USERS"));
        Response manager = api.post("/api/contracts/IDEM-USERS/variations", VARIATION, "Idempotency-Key", "shared");
        Response admin = api.as(TestUsers.ADMIN).post("/api/contracts/IDEM-USERS/variations", VARIATION,
                "Idempotency-Key", "shared");

        assertThat(manager.json().get("version").asLong()).isEqualTo(1);
        assertThat(admin.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventsOf("IDEM-USERS")).isEqualTo(3);
    }

    @Test
    void aRefusedWriteIsNotRememberedAndIsDecidedAgainOnRetry() {
        write("/api/contracts", registration("IDEM-REFUSED"));
        String early = VARIATION.replace("2024-06-01", "2023-01-01"); // before the award: out of order
        Response first = api.post("/api/contracts/IDEM-REFUSED/variations", early, "Idempotency-Key", "refused-1");
        Response again = api.post("/api/contracts/IDEM-REFUSED/variations", early, "Idempotency-Key", "refused-1");

        assertThat(first.status()).as(first.body()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(422);
        assertThat(keys("refused-1")).isZero();
        assertThat(eventsOf("IDEM-REFUSED")).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsAValidationFailure() {
        write("/api/contracts", registration("IDEM-BADKEY"));
        Response response = api.post("/api/contracts/IDEM-BADKEY/variations", VARIATION, "Idempotency-Key", "a b");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field("code")).isEqualTo("validation_failed");
        assertThat(eventsOf("IDEM-BADKEY")).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesWaitForTheFirstAndGetItsAnswer() throws Exception {
        write("/api/contracts", registration("IDEM-RACE"));
        List<Callable<Response>> duplicates = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            duplicates.add(() -> api.post("/api/contracts/IDEM-RACE/variations", VARIATION, "Idempotency-Key", "race-1"));
        }
        List<Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (Future<Response> response : pool.invokeAll(duplicates)) {
                responses.add(response.get());
            }
        }

        assertThat(responses).extracting(Response::status).containsOnly(200);
        assertThat(responses).extracting(Response::body).containsOnly(responses.getFirst().body());
        assertThat(eventsOf("IDEM-RACE")).isEqualTo(2);
        assertThat(keys("race-1")).isEqualTo(1);
    }

    @Autowired
    IdempotencyKeyExpiry expiry;

    /** Moves a stored answer back in time, as if it had been recorded that many days before today's clock. */
    private void age(String key, int days) {
        jdbc.update("update idempotent_request set recorded_at = ? where idempotency_key = ?",
                Timestamp.from(TODAY.minus(Duration.ofDays(days))), key);
    }

    @Test
    void aKeyOlderThanSevenDaysIsForgottenAndARetryIsANewRequest() {
        write("/api/contracts", registration("IDEM-OLD"));
        Response first = api.post("/api/contracts/IDEM-OLD/variations", VARIATION, "Idempotency-Key", "old-1");
        assertThat(first.json().get("version").asLong()).isEqualTo(1);

        age("old-1", 6);
        Response withinRetention = api.post("/api/contracts/IDEM-OLD/variations", VARIATION, "Idempotency-Key", "old-1");
        assertThat(withinRetention.body()).isEqualTo(first.body());
        assertThat(eventsOf("IDEM-OLD")).isEqualTo(2);

        age("old-1", 8);
        Response afterRetention = api.post("/api/contracts/IDEM-OLD/variations", VARIATION, "Idempotency-Key", "old-1");
        assertThat(afterRetention.status()).as(afterRetention.body()).isEqualTo(200);
        assertThat(afterRetention.json().get("version").asLong()).isEqualTo(2);
        assertThat(eventsOf("IDEM-OLD")).isEqualTo(3);
        assertThat(keys("old-1")).as("the new answer is kept under the key").isEqualTo(1);
    }

    @Test
    void thePurgeDeletesOnlyAnswersPastTheirRetention() {
        write("/api/contracts", registration("IDEM-PURGE"));
        api.post("/api/contracts/IDEM-PURGE/variations", VARIATION, "Idempotency-Key", "purge-old");
        api.post("/api/contracts/IDEM-PURGE/variations", VARIATION, "Idempotency-Key", "purge-new");
        age("purge-old", 8);
        age("purge-new", 6);

        assertThat(expiry.purge()).isGreaterThanOrEqualTo(1);

        assertThat(keys("purge-old")).isZero();
        assertThat(keys("purge-new")).isEqualTo(1);
        assertThat(eventsOf("IDEM-PURGE")).as("events are never touched").isEqualTo(3);
    }
}
