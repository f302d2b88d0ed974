package org.commissioning.tracker.platform;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one of the applications with its own configuration file ({@code <name>.yml}). */
public final class Launcher {

    private Launcher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        // The product does not report home to AxonIQ's update checker unless asked to.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(Map.of("spring.config.name", configName));
        return spring.run(args);
    }
}
