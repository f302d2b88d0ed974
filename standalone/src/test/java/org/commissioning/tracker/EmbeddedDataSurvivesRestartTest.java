package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps its data in its directory: stopped and started again, the register is still there. */
class EmbeddedDataSurvivesRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aContractRegisteredBeforeARestartIsStillThereAfterIt() {
        String directory = "tracker.embedded-postgres.data-directory=" + dataDirectory;
        try (ConfigurableApplicationContext first = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, directory)) {
            ApiClient api = new ApiClient(Applications.port(first));
            assertThat(api.post("/api/contracts", Seeds.TORBAY).status()).isEqualTo(201);
            assertThat(api.get("/api/contracts/TORBAY-ICO?minVersion=0").status()).isEqualTo(200);
        }
        assertThat(dataDirectory.resolve("PG_VERSION")).content().isEqualToIgnoringNewLines("17");

        try (ConfigurableApplicationContext second = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, directory)) {
            Response read = new ApiClient(Applications.port(second)).get("/api/contracts/TORBAY-ICO?asOf=2018-06-01");
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.field("endDate")).isEqualTo("2020-09-30");
        }
    }
}
