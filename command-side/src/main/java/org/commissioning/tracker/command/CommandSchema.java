package org.commissioning.tracker.command;

import org.commissioning.tracker.platform.SchemaModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandSchema {

    /** The command side's own tables (idempotent requests), migrated after the event store's and the read models'. */
    @Bean
    SchemaModule commandSchemaModule() {
        return new SchemaModule("command", "classpath:db/command", 20);
    }
}
