package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bulk rebuild drops the state periods' SP-GiST indexes and primary key, three of the key dates' indexes (their
 * primary key among them) and the contracts' event rows' primary key while it fills the read models and creates them
 * again at its end: after a rebuild every index of the schema is there as the migrations made it, and an index left
 * dropped by a rebuild that never finished (the process died part way, its definition still recorded) is created
 * again when the application next starts.
 */
class DeferredIndexesTest {

    /** The deferred indexes, as the migrations V1, V3, V4 and V9 create them (the primary keys with their tables). */
    private static final String[] DEFERRED = {"contract_state_period_during_idx", "contract_state_period_active_idx",
            "key_date_by_party", "key_date_of_subject", "key_date_pkey", "contract_event_view_pkey",
            "contract_state_period_pkey"};

    @Test
    void aRebuildLeavesEveryIndexAsMigratedAndAStartCreatesOneADeadRebuildLeftDropped() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            String[] settings = {"spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres"};
            Map<String, String> migrated;
            try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                    StandaloneApplication.CONFIG_NAME, settings)) {
                migrated = indexes(database);
                assertThat(migrated).containsKeys(DEFERRED);
                assertThat(migrated.get("key_date_by_party")).contains("USING gin (parties)");
                assertThat(migrated.get("contract_state_period_during_idx")).contains("USING spgist");
                assertThat(migrated.get("contract_state_period_active_idx")).contains("USING spgist")
                        .contains("WHERE ((status)::text = 'ACTIVE'::text)");
                ApiClient api = new ApiClient(Applications.port(app));
                assertThat(api.post("/api/contracts", Seeds.MID_NOTTS).status()).isEqualTo(201);

                Response rebuilt = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
                assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
                assertThat(indexes(database)).isEqualTo(migrated);
                assertThat(recorded(database)).isZero();
                assertThat(primaryKey(database, "key_date")).isEqualTo("PRIMARY KEY (date, subject_id, kind, "
                        + "subject_type, ordinal)");
                assertThat(primaryKey(database, "contract_event_view"))
                        .isEqualTo("PRIMARY KEY (contract_id, sequence)");
                assertThat(primaryKey(database, "contract_state_period"))
                        .isEqualTo("PRIMARY KEY (contract_id, from_date)");
                Response register = api.get("/api/contracts?asOf=2017-01-01");
                assertThat(register.json().get("total").asLong()).as(register.body()).isEqualTo(1);
            }

            // a rebuild died after dropping an index: its definition is recorded, the index is missing
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("insert into read_model_deferred_index (index_name, definition) "
                        + "select 'contract_state_period_active_idx', "
                        + "pg_get_indexdef('contract_state_period_active_idx'::regclass)");
                statement.executeUpdate("drop index contract_state_period_active_idx");
            }
            assertThat(indexes(database)).doesNotContainKey("contract_state_period_active_idx");

            try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                    StandaloneApplication.CONFIG_NAME, settings)) {
                assertThat(indexes(database)).isEqualTo(migrated);
                assertThat(recorded(database)).isZero();
            }
        }
    }

    /** Every index of the public schema by name, with its definition. */
    private static Map<String, String> indexes(DataSource database) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select indexname, indexdef from pg_indexes where schemaname = 'public'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        return found;
    }

    /** A table's primary key constraint, as PostgreSQL defines it (null: none). */
    private static String primaryKey(DataSource database, String table) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select pg_get_constraintdef(oid) "
                     + "from pg_constraint where conrelid = cast(? as regclass) and contype = 'p'")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long recorded(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from read_model_deferred_index")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
