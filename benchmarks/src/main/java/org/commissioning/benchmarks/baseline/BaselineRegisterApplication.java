package org.commissioning.benchmarks.baseline;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Baseline (b) of the benchmarks: what a team would build instead of an event-sourced tracker, a plain state-based
 * register, one row per contract updated in place with Spring Data JPA, behind the same HTTP writes (HTTP Basic with a
 * bcrypt hash, as the product) and the same 90-day key-dates question answered from its date columns. It keeps no
 * history: that is the point of the comparison, what the history costs.
 *
 * <p>It runs as its own JVM with its own embedded PostgreSQL, like the product's standalone process. The benchmark
 * module's class path also holds the product (Axon, the platform), whose auto-configurations are excluded here; its
 * package lies outside {@code org.commissioning.tracker}, which the product's standalone application scans (run from
 * the same class path, it would otherwise pick up this baseline's repository and security).
 */
@SpringBootApplication
public class BaselineRegisterApplication {

    public static void main(String[] args) throws IOException {
        // durable as the product's kept database: zonky's defaults for throw-away databases skip fsync
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // stopping anyway
            }
        }));
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
        all.add("--spring.datasource.username=postgres");
        all.add("--spring.autoconfigure.exclude=" + String.join(",", productAutoConfigurations()));
        all.add("--spring.jpa.hibernate.ddl-auto=create");
        all.add("--spring.jpa.open-in-view=false");
        all.add("--baseline.postgres-port=" + postgres.getPort());
        SpringApplication.run(BaselineRegisterApplication.class, all.toArray(String[]::new));
    }

    /** The product's and Axon's auto-configurations (and Flyway's): on the class path, not part of this baseline. */
    static List<String> productAutoConfigurations() throws IOException {
        List<String> excluded = new ArrayList<>();
        Enumeration<URL> files = BaselineRegisterApplication.class.getClassLoader()
                .getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        while (files.hasMoreElements()) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(String::trim).filter(line -> line.startsWith("org.axonframework")
                        || line.startsWith("org.commissioning") || line.toLowerCase().contains("flyway"))
                        .forEach(excluded::add);
            }
        }
        return excluded;
    }
}
