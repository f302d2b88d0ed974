package org.commissioning.tracker.query.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** An embedded PostgreSQL with the query side's schema, migrated as the applications migrate it. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** Starts an embedded PostgreSQL on UTC with {@code settings} (name, value, ...) and migrates it. */
    public static EmbeddedPostgres start(String... settings) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            builder.setServerConfig(settings[i], settings[i + 1]);
        }
        EmbeddedPostgres postgres = builder.start();
        migrate(postgres.getPostgresDatabase());
        return postgres;
    }

    /** The event store's tables first (a query migration clears a token), then the query side's. */
    public static void migrate(DataSource dataSource) {
        for (String module : List.of("eventstore", "query")) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/" + module)
                    .table("flyway_history_" + module).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        }
    }
}
