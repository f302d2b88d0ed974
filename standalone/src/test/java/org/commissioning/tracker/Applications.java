package org.commissioning.tracker;

import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real applications, each as its own context on a free port, as `java -jar` would. */
final class Applications {

    private Applications() {
    }

    static ConfigurableApplicationContext start(Class<?> application, String configName, String... properties) {
        List<String> args = new ArrayList<>(List.of("--spring.config.name=" + configName, "--server.port=0",
                "--spring.config.additional-location=" + TestUsers.CONFIG));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
