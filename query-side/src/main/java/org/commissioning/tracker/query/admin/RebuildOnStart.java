package org.commissioning.tracker.query.admin;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code --tracker.rebuild-projections=true}: rebuild every read model from the event store once the application has
 * started (the same operation as {@code POST /api/admin/projections/rebuild}).
 */
@Component
@ConditionalOnProperty(name = "tracker.rebuild-projections", havingValue = "true")
class RebuildOnStart implements ApplicationRunner {

    private final Projections projections;
    private final Duration patience;

    RebuildOnStart(Projections projections, @Value("${tracker.projections.rebuild-wait:60s}") Duration patience) {
        this.projections = projections;
        this.patience = patience;
    }

    @Override
    public void run(ApplicationArguments args) {
        projections.rebuild(patience);
    }
}
