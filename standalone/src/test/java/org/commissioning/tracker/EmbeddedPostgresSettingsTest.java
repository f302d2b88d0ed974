package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL runs with the WAL size the rebuild was measured with (4GB, against PostgreSQL's default 1GB:
 * fewer checkpoints, so fewer whole pages written to the WAL during rebuilds and imports; see
 * {@code EmbeddedPostgresAutoConfiguration.MAX_WAL_SIZE}).
 */
class EmbeddedPostgresSettingsTest extends EndToEndTest {

    @Test
    void walMayGrowToFourGigabytesBetweenCheckpoints() {
        assertThat(jdbc.queryForObject("show max_wal_size", String.class)).isEqualTo("4GB");
    }
}
