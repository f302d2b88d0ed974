package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every projection is handled by one processor, {@code projections} (the store read once and each event deserialized
 * once for all of them, a batch one transaction: README, "Settings"), and it starts with
 * {@code tracker.projections.segments} segments: 2 by default rather than Axon's 16 (with 16, the events arriving live
 * were split over 16 work packages, each batch a sixteenth of them and a transaction of its own, and the processors
 * caught up at half the rate), and 1 in the standalone application, the only process handling its projections.
 */
class ProjectionSegmentsTest extends EndToEndTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void oneProcessorWithOneSegmentHandlesEveryProjectionOfTheStandaloneApplication() {
        Map<String, Integer> segments = new HashMap<>();
        for (JsonNode processor : api.as(TestUsers.ADMIN).get("/api/admin/projections").json().get("processors")) {
            segments.put(processor.get("name").asString(), processor.get("segments").asInt());
        }
        assertThat(segments).containsExactly(Map.entry("projections", 1));
        for (String group : List.of("contracts", "key-dates", "procurements")) {
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group)
                    .hasValueSatisfying(processor -> assertThat(processor.getName()).isEqualTo("projections"));
        }
    }
}
