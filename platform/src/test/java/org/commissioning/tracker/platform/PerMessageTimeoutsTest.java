package org.commissioning.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Axon's per-message timeouts go, its unit-of-work timeouts stay; Axon's own settings hold when asked for. */
class PerMessageTimeoutsTest {

    static TimeoutProperties processed(MockEnvironment environment) {
        return (TimeoutProperties) new PerMessageTimeouts(environment)
                .postProcessAfterInitialization(new TimeoutProperties(), "timeouts");
    }

    @Test
    void perMessageTimeoutsAreOffAndTheUnitOfWorkTimeoutsAreAxons() {
        TimeoutProperties timeouts = processed(new MockEnvironment());
        for (var settings : java.util.List.of(timeouts.getHandler().getEvents(), timeouts.getHandler().getCommands(),
                timeouts.getHandler().getQueries())) {
            assertThat(settings.getTimeoutMs()).isEqualTo(-1);
            assertThat(settings.getWarningThresholdMs()).isEqualTo(-1);
        }
        // Axon's documented defaults for a whole command and a whole processor batch: 60 s, a warning after 10 s
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(60_000);
        assertThat(timeouts.getTransaction().getCommandBus().getWarningThresholdMs()).isEqualTo(10_000);
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isEqualTo(60_000);
    }

    @Test
    void axonsDefaultsStayForTheBaselineAndWhenConfigured() {
        TimeoutProperties baseline = processed(new MockEnvironment()
                .withProperty("tracker.performance.axon-defaults", "true"));
        assertThat(baseline.getHandler().getEvents().getTimeoutMs()).isEqualTo(30_000);
        assertThat(baseline.getHandler().getCommands().getTimeoutMs()).isEqualTo(30_000);

        TimeoutProperties configured = processed(new MockEnvironment()
                .withProperty("axon.timeout.handler.commands.warning-threshold-ms", "5000"));
        assertThat(configured.getHandler().getQueries().getTimeoutMs()).isEqualTo(30_000);
    }
}
