package org.commissioning.tracker.command;

import org.commissioning.tracker.platform.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side on its own: aggregates, command handling and the write API (port 8081 by default). */
@SpringBootApplication
public class CommandSideApplication {

    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        Launcher.run(CommandSideApplication.class, CONFIG_NAME, args);
    }
}
