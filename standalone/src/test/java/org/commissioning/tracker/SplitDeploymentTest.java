package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.commissioning.tracker.command.CommandSideApplication;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.query.QuerySideApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The split deployment: the command side and the query side as two separate applications on one PostgreSQL server,
 * the query side reading the event store the command side writes.
 */
class SplitDeploymentTest {

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String[] database = {
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres"};
        // the query side first: each side migrates its own tables, in either order
        querySide = Applications.start(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME, database);
        commandSide = Applications.start(CommandSideApplication.class, CommandSideApplication.CONFIG_NAME, database);
    }

    @AfterAll
    static void stop() throws Exception {
        if (commandSide != null) {
            commandSide.close();
        }
        if (querySide != null) {
            querySide.close();
        }
        postgres.close();
    }

    @Test
    void aContractRegisteredOnTheCommandSideIsReadFromTheQuerySide() {
        ApiClient commands = new ApiClient(Applications.port(commandSide));
        ApiClient queries = new ApiClient(Applications.port(querySide));

        Response written = commands.post("/api/contracts", Seeds.MID_NOTTS);
        assertThat(written.status()).isEqualTo(201);

        Response read = queries.get("/api/contracts/MIDNOTTS-ALLIANCE?asOf=2017-01-01&minVersion=" + written.field("version"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.field("kind")).isEqualTo("ALLIANCE_AGREEMENT");
        assertThat(read.field("startDate")).isEqualTo("2016-04-01");
        // P3Y from 2016-04-01, inclusive: ends 2019-03-31
        assertThat(read.field("endDate")).isEqualTo("2019-03-31");
        assertThat(read.field("procurementRoute")).isEqualTo("MOST_CAPABLE_PROVIDER");
    }

    @Test
    void eachSideServesOnlyItsOwnHalfOfTheApi() {
        ApiClient commands = new ApiClient(Applications.port(commandSide));
        ApiClient queries = new ApiClient(Applications.port(querySide));

        assertThat(commands.get("/api/contracts/MIDNOTTS-ALLIANCE").status()).isIn(404, 405);
        assertThat(queries.post("/api/contracts", Seeds.TORBAY).status()).isIn(404, 405);
        assertThat(commands.get("/actuator/health").field("status")).isEqualTo("UP");
        assertThat(queries.get("/actuator/health").field("status")).isEqualTo("UP");
    }

    @Test
    void eachSideAnswersARefusalAsProblemJsonWithItsCodeNotA500() {
        ApiClient commands = new ApiClient(Applications.port(commandSide));
        ApiClient queries = new ApiClient(Applications.port(querySide));

        Response unknown = commands.post("/api/contracts/NO-SUCH-CONTRACT/variations", """
                {"effectiveOn": "2024-06-01", "description": "No such contract"}""");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.field("code")).isEqualTo("unknown_contract");

        Response malformed = commands.post("/api/contracts", "{\"id\": \"has spaces\"}");
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.field("code")).isEqualTo("validation_failed");

        Response missing = queries.get("/api/contracts/NO-SUCH-CONTRACT");
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.field("code")).isEqualTo("unknown_contract");

        Response badDate = queries.get("/api/contracts/MIDNOTTS-ALLIANCE?asOf=2023-02-29");
        assertThat(badDate.status()).as(badDate.body()).isEqualTo(400);
        assertThat(badDate.field("code")).isEqualTo("validation_failed");
    }
}
