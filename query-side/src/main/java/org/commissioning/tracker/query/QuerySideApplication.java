package org.commissioning.tracker.query;

import org.commissioning.tracker.platform.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side on its own: projections in PostgreSQL, query handlers and the read API (port 8082 by default). */
@SpringBootApplication
public class QuerySideApplication {

    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        Launcher.run(QuerySideApplication.class, CONFIG_NAME, args);
    }
}
