package org.commissioning.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several processes starting on one new database at once all migrate it: without the advisory lock one of them could
 * fail with Flyway's "Unable to baseline schema history table ... as it already exists, and is empty" (seen when a
 * command-side and a query-side node started together in {@code SeveralNodesTest}). Without the lock, 40 rounds
 * reproduced that error here (2026-11-22); with it none fails. Each round starts four
 * migrations released together on a fresh database; every one must succeed and each migration be recorded once.
 */
class SchemaMigrationsTest {

    static final int ROUNDS = 40;
    static final int PROCESSES = 4;
    /** The event store's module (its own history table makes the schema "not empty" for a process a moment later). */
    static final List<SchemaModule> MODULES = List.of(SchemaModule.EVENT_STORE);

    @Test
    void migrationsStartedTogetherOnANewDatabaseAllSucceed() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ExecutorService processes = Executors.newFixedThreadPool(PROCESSES)) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            for (int round = 0; round < ROUNDS; round++) {
                String database = "migrations_" + round;
                admin.execute("create database " + database);
                DataSource dataSource = postgres.getDatabase("postgres", database);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> runs = new ArrayList<>();
                for (int process = 0; process < PROCESSES; process++) {
                    runs.add(processes.submit(() -> {
                        go.await();
                        SchemaMigrations.migrate(Flyway.configure().dataSource(dataSource), MODULES);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> run : runs) {
                    run.get(); // throws if that migration failed
                }
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                assertThat(jdbc.queryForList("select version from flyway_history_eventstore where success"
                        + " and version is not null and version <> '0' order by installed_rank", String.class))
                        .as("round %d: each migration once", round).containsExactly("1", "2");
                assertThat(jdbc.queryForObject("select count(*) from information_schema.tables"
                        + " where table_name = 'domain_event_entry'", Integer.class)).isEqualTo(1);
            }
        }
    }
}
