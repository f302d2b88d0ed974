package org.commissioning.tracker.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Runs each module's migrations with its own history table, the event store's first, one process at a time.
 *
 * <p>Several processes may start on one new database at once (a command-side and a query-side node of a split
 * deployment). Flyway locks a history table while it migrates, but not the decision before it: a process finding the
 * schema not empty (another module's tables, or another process's new history table) baselines its module's history,
 * and fails when another process has just created that table ("already exists, and is empty"). So the whole run holds
 * a PostgreSQL session advisory lock, taken on a connection of its own and released when the run ends or the
 * connection closes.
 */
final class SchemaMigrations {

    /** The advisory lock's key: any constant no other code of this database uses ("tracker" in ASCII). */
    static final long LOCK = 0x747261636b6572L;

    private SchemaMigrations() {
    }

    /**
     * @param base    Spring Boot's Flyway configuration (data source, credentials); its locations are not used
     * @param modules the modules whose migrations to run, in {@link SchemaModule#order()} then name order
     */
    static void migrate(Configuration base, List<SchemaModule> modules) {
        List<SchemaModule> ordered = modules.stream()
                .distinct()
                .sorted(Comparator.comparingInt(SchemaModule::order).thenComparing(SchemaModule::name))
                .toList();
        DataSource dataSource = base.getDataSource();
        try (Connection lock = dataSource.getConnection(); Statement statement = lock.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            try {
                for (SchemaModule module : ordered) {
                    Flyway.configure()
                            .configuration(base)
                            .locations(module.location())
                            .table(module.historyTable())
                            // another module's tables may already be there: start this module's history below V1
                            .baselineOnMigrate(true)
                            .baselineVersion("0")
                            .load()
                            .migrate();
                }
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the schema migrations' lock: " + e.getMessage(), e);
        }
    }
}
