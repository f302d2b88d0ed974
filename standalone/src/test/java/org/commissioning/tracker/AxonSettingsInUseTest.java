package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Axon settings that differ from Axon's defaults, seen in the running application. */
class AxonSettingsInUseTest extends EndToEndTest {

    @Autowired
    TimeoutProperties timeouts;
    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition enhancer;
    @Autowired
    Configuration axon;

    void on(String event) {
        // a handler to be wrapped, or not
    }

    /** Axon's handler enhancer leaves a handler unwrapped; the unit-of-work timeout around a command stays Axon's. */
    @Test
    void handlersAreNotWrappedInTimeoutsAndTheUnitOfWorkTimeoutStays() throws Exception {
        MessageHandlingMember<AxonSettingsInUseTest> handler = new AnnotatedMessageHandlingMember<>(
                getClass().getDeclaredMethod("on", String.class), EventMessage.class, String.class,
                ClasspathParameterResolverFactory.forClass(getClass()));
        assertThat(enhancer.wrapHandler(handler)).isSameAs(handler);
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isEqualTo(60_000);
    }

    /**
     * Events written and projected, with no thread of the event store's shared cache ever started: its producer is
     * what held on to every event of a long read pass (the out-of-memory at 100,000 contracts); each processor reads
     * the store through its own stream.
     */
    @Test
    void eventsAreProjectedWithoutTheEventStoresSharedCache() {
        long version = write("/api/contracts", """
                {"id": "AXON-SETTINGS-1", "title": "Axon settings", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "An ICB"}], "providers": [{"name": "A provider"}],
                 "awardedOn": "2020-02-01", "terms": {"startDate": "2020-04-01", "initialTerm": "P3Y"}}""");
        version = write("/api/contracts/AXON-SETTINGS-1/commencement", "{\"effectiveOn\": \"2020-04-01\"}");
        assertThat(contract("AXON-SETTINGS-1", "minVersion=" + version).get("version").asLong()).isEqualTo(version);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    /** Axon's three serializers are one, the Jackson 3 serializer that keeps a reader per type. */
    @Test
    void everyMessageIsSerializedByTheSerializerThatKeepsItsReaders() {
        assertThat(axon.serializer().getClass().getSimpleName()).isEqualTo("CachingJackson3Serializer");
        assertThat(axon.eventSerializer()).isSameAs(axon.serializer());
        assertThat(axon.messageSerializer()).isSameAs(axon.serializer());
    }
}
