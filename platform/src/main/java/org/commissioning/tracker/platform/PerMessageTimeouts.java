package org.commissioning.tracker.platform;

import java.util.List;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Turns off Axon's per-message handler timeouts for events, commands and queries, keeping its unit-of-work timeouts.
 *
 * <p>Axon 4.11+ wraps every handler invocation in a time-limited task that walks the calling thread's stack
 * ({@code Thread.getStackTrace}, to name the caller in a warning) and schedules a warning on a shared executor: per
 * command, per query, per event a projection handles, and per event applied while an aggregate is loaded (a contract of
 * ten events: ten stack walks on every command). In the profile of HTTP writes that was about 4 % of the CPU. The
 * unit-of-work timeouts around a whole command (the command bus), a whole query and a whole processor batch stay as
 * Axon sets them (a warning after 10 s, interrupted after 60 s), so a hung handler is still reported and stopped; what
 * goes is the same check again around each message inside them.
 *
 * <p>Not applied under {@code tracker.performance.axon-defaults=true} (the benchmarks' baseline) or when any
 * {@code axon.timeout.handler.*} setting for these is given: then Axon's own settings hold.
 */
final class PerMessageTimeouts implements BeanPostProcessor {

    private static final List<String> KINDS = List.of("events", "commands", "queries");
    private static final List<String> SETTINGS = List.of("timeout-ms", "warning-threshold-ms", "warning-interval-ms");

    private final Environment environment;

    PerMessageTimeouts(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof TimeoutProperties timeouts && applies()) {
            TimeoutProperties.MessageHandlerTimeoutProperties handler = timeouts.getHandler();
            handler.setEvents(off());
            handler.setCommands(off());
            handler.setQueries(off());
        }
        return bean;
    }

    private boolean applies() {
        // bound here rather than injected: a post-processor is made before the configuration-properties beans
        if (Binder.get(environment).bindOrCreate("tracker.performance", PerformanceProperties.class).axonDefaults()) {
            return false;
        }
        return KINDS.stream().flatMap(kind -> SETTINGS.stream().map(s -> "axon.timeout.handler." + kind + "." + s))
                .noneMatch(environment::containsProperty);
    }

    /** No timeout and no warning: Axon then leaves the handler unwrapped. */
    private static TaskTimeoutSettings off() {
        return new TaskTimeoutSettings(-1, -1, -1);
    }
}
