package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code --tracker.rebuild-projections=true}: the query side, started with it, rebuilds its read models from the event
 * store before it serves, so a read model lost or damaged while it was down comes back whole.
 */
class RebuildOnStartTest {

    @Test
    void aQuerySideStartedWithTheFlagRebuildsTheReadModelsFromTheEventStore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String[] database = {"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres"};
            try (ConfigurableApplicationContext standalone = Applications.start(StandaloneApplication.class,
                    StandaloneApplication.CONFIG_NAME, database)) {
                ApiClient api = new ApiClient(Applications.port(standalone));
                Response written = api.post("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "FLAG-MIDNOTTS"));
                assertThat(written.status()).isEqualTo(201);
                Response read = api.get("/api/contracts?asOf=2017-01-01&minVersion=0&minVersionOf=FLAG-MIDNOTTS");
                assertThat(read.json().get("total").asLong()).isEqualTo(1);
            }
            // the read model is damaged while nothing runs
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from contract_state_period");
                statement.executeUpdate("delete from contract_register");
            }

            try (ConfigurableApplicationContext querySide = Applications.start(QuerySideApplication.class,
                    QuerySideApplication.CONFIG_NAME, database[0], database[1], "tracker.rebuild-projections=true")) {
                ApiClient api = new ApiClient(Applications.port(querySide));
                // no minVersion: the rebuild had caught up before the application was ready
                Response register = api.get("/api/contracts?asOf=2017-01-01");
                assertThat(register.json().get("total").asLong()).as(register.body()).isEqualTo(1);
                assertThat(register.json().get("items").get(0).get("status").asString()).isEqualTo("ACTIVE");
                // P3Y from 2016-04-01
                assertThat(register.json().get("items").get(0).get("endDate").asString()).isEqualTo("2019-03-31");
                assertThat(api.as(TestUsers.ADMIN).get("/api/admin/projections").json().get("caughtUp").asBoolean()).isTrue();
            }
        }
    }
}
