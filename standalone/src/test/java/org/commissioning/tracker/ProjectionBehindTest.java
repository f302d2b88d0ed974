package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A read asking for a version the projection has not reached answers 503 {@code projection_behind} once the bound has
 * passed, on every read that takes {@code minVersion}. The application runs on its own here (as {@code java -jar}
 * would, not as a cached test context, which Axon could not restart) with a short bound.
 */
class ProjectionBehindTest {

    static ConfigurableApplicationContext standalone;

    @BeforeAll
    static void start() {
        standalone = Applications.start(StandaloneApplication.class, StandaloneApplication.CONFIG_NAME,
                "tracker.embedded-postgres.ephemeral=true", "tracker.read-your-writes.timeout=400ms");
    }

    @AfterAll
    static void stop() {
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void aVersionFarAheadIsProjectionBehindWithinTheBound() {
        ApiClient api = new ApiClient(Applications.port(standalone));
        Response written = api.post("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", "BEHIND-TORBAY"));
        assertThat(written.status()).isEqualTo(201);

        for (String read : List.of("/api/contracts/BEHIND-TORBAY?minVersion=1000",
                "/api/contracts/BEHIND-TORBAY/history?minVersion=1000",
                "/api/contracts?minVersion=1000&minVersionOf=BEHIND-TORBAY",
                "/api/contracts/NOT-YET-WRITTEN/history?minVersion=1000")) {
            long started = System.nanoTime();
            Response behind = api.get(read);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(behind.status()).as(read + ": " + behind.body()).isEqualTo(503);
            assertThat(behind.contentType()).startsWith("application/problem+json");
            assertThat(behind.field("code")).isEqualTo("projection_behind");
            assertThat(behind.field("detail")).contains("not yet 1000");
            assertThat(took).as(read).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
