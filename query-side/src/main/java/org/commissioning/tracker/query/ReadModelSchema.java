package org.commissioning.tracker.query;

import org.commissioning.tracker.platform.SchemaModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReadModelSchema {

    /** The read models' tables, migrated after the event store's. */
    @Bean
    SchemaModule readModelSchemaModule() {
        return new SchemaModule("query", "classpath:db/query", 10);
    }
}
