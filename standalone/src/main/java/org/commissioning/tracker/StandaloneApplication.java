package org.commissioning.tracker;

import org.commissioning.tracker.command.CommandSideApplication;
import org.commissioning.tracker.query.QuerySideApplication;
import org.commissioning.tracker.platform.Launcher;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process on port 8080: the default way to run. With no {@code spring.datasource.url} it starts an
 * embedded PostgreSQL 17 keeping its data in {@code ./data}; with one, it uses that server. It scans both sides'
 * components but not their application classes, which would register their packages a second time.
 */
@SpringBootApplication
@ComponentScan(excludeFilters = {
        // Spring Boot's own filters, which a @ComponentScan of our own would otherwise drop
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class})})
public class StandaloneApplication {

    public static final String CONFIG_NAME = "standalone";

    public static void main(String[] args) {
        Launcher.run(StandaloneApplication.class, CONFIG_NAME, args);
    }
}
