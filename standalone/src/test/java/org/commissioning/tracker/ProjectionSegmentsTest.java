package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every projection's processor starts with {@code tracker.projections.segments} segments: 2 by default rather than
 * Axon's 16 (with 16, the events arriving live were split over 16 work packages, each batch a sixteenth of them and a
 * transaction of its own, and the processors caught up at half the rate), and 1 in the standalone application, the
 * only process handling its projections (README, "Settings").
 */
class ProjectionSegmentsTest extends EndToEndTest {

    @Test
    void everyProcessorOfTheStandaloneApplicationHasOneSegment() {
        Map<String, Integer> segments = new HashMap<>();
        for (JsonNode processor : api.as(TestUsers.ADMIN).get("/api/admin/projections").json().get("processors")) {
            segments.put(processor.get("name").asString(), processor.get("segments").asInt());
        }
        assertThat(segments).containsOnlyKeys("contracts", "key-dates", "procurements")
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }
}
