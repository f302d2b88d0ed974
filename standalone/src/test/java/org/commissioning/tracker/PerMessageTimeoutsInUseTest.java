package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the running application Axon's handler enhancer leaves an event handler unwrapped (no per-message timeout), while
 * the unit-of-work timeout around a whole command stays Axon's.
 */
class PerMessageTimeoutsInUseTest extends EndToEndTest {

    @Autowired
    TimeoutProperties timeouts;
    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition enhancer;

    void on(String event) {
        // a handler to be wrapped, or not
    }

    @Test
    void handlersAreNotWrappedAndTheUnitOfWorkTimeoutStays() throws Exception {
        MessageHandlingMember<PerMessageTimeoutsInUseTest> handler = new AnnotatedMessageHandlingMember<>(
                getClass().getDeclaredMethod("on", String.class), EventMessage.class, String.class,
                ClasspathParameterResolverFactory.forClass(getClass()));
        assertThat(enhancer.wrapHandler(handler)).isSameAs(handler);
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(60_000);
    }
}
