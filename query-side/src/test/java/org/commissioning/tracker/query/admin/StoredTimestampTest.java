package org.commissioning.tracker.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/**
 * The bulk replay reads the stored timestamps field by field rather than with the general ISO-8601 parser: it must
 * give exactly what Axon's own parser gives for every timestamp the JDBC engine writes, and leave anything else to it.
 */
class StoredTimestampTest {

    @Test
    void everyTimestampAsAxonFormatsItReadsAsAxonParsesIt() {
        List<Instant> instants = List.of(Instant.parse("2026-11-23T00:24:38.563Z"), Instant.parse("2024-02-29T23:59:59.999Z"),
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("1999-12-31T12:30:05.010Z"),
                Instant.parse("9999-12-31T23:59:59.001Z"), Instant.parse("2015-10-01T09:00:00.100Z"));
        for (Instant instant : instants) {
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(BulkReplay.timestamp(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant);
        }
    }

    @Test
    void otherShapesAreLeftToAxonsParser() {
        // an offset other than Z, no fraction, more digits: each as Axon reads it
        for (String other : List.of("2026-11-23T01:24:38.563+01:00", "2026-11-23T00:24:38Z",
                "2026-11-23T00:24:38.563123Z")) {
            assertThat(BulkReplay.timestamp(other)).as(other).isEqualTo(DateTimeUtils.parseInstant(other));
        }
        // the right shape but not a date: refused as Axon refuses it
        assertThatThrownBy(() -> BulkReplay.timestamp("2026-13-23T00:24:38.563Z"))
                .isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> BulkReplay.timestamp("2026-1x-23T00:24:38.563Z"))
                .isInstanceOf(DateTimeException.class);
    }
}
