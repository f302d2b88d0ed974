package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A processor with nothing to handle stores the position it has read up to about once a second
 * ({@code tracker.projections.idle-position-interval}), so the projections' status shows it caught up soon after writes
 * it has nothing to do with, rather than up to Axon's 5 s later (and thousands of events behind under a steady load).
 * Here with a processor per projection ({@code tracker.projections.shared-processor=false}), where the procurements'
 * processor handles none of a contract's events; with the one processor of every projection, a segment of it
 * (with two or more) is idle while its events all go to the other.
 */
@TestPropertySource(properties = "tracker.projections.shared-processor=false")
class IdleProcessorPositionTest extends EndToEndTest {

    @Test
    void theStatusIsCaughtUpWithinAboutASecondOfAWriteOnlySomeProcessorsHandle() {
        assertThat(PauseProjectionsTest.processorNames(api.as(TestUsers.ADMIN).get("/api/admin/projections").json()))
                .as("a processor per projection").containsExactlyInAnyOrder("contracts", "key-dates", "procurements");
        List<Duration> waits = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            // a contract's registration: the contracts' and key dates' processors store their position as they handle
            // it; the procurements' processor handles none of it, so it is the last to catch up each round and the
            // next round's write comes right after it stored its position (with a 5 s interval, about 5 s each round)
            write("/api/contracts", PauseProjectionsTest.registration("IDLE-POS-" + round));
            long start = System.nanoTime();
            JsonNode status = api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true").json();
            waits.add(Duration.ofNanos(System.nanoTime() - start));
            assertThat(status.get("caughtUp").asBoolean()).as(status.toString()).isTrue();
        }
        assertThat(waits.subList(1, waits.size())).as("waits for caught up, rounds 1-3: %s", waits)
                .allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofMillis(3_500)));
    }
}
