package org.commissioning.tracker.query.keydates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a subject's history comes from when its key dates are recomputed: the batch's own events when they are the
 * whole history; the history kept from an earlier batch, cut or followed by the batch's events; else the event store
 * (Axon's own, in memory). The store here deliberately holds only what each case says, so that a history found
 * without it shows it was not read.
 */
class PendingSubjectTest {

    static final String ID = "contract:C-1";

    final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    static PendingSubject<String> batch(long first, String... events) {
        PendingSubject<String> subject = new PendingSubject<>(ID, String.class);
        for (int i = 0; i < events.length; i++) {
            subject.add(events[i], first + i);
        }
        return subject;
    }

    void stored(String... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>("Contract", ID, i, events[i]));
        }
    }

    @Test
    void aBatchWithTheWholeHistoryNeedsNoStoreAndTheNextBatchFollowsOnFromIt() {
        RecentHistories recent = new RecentHistories(10);

        assertThat(batch(0, "registered", "commenced").history(store, recent))
                .containsExactly("registered", "commenced");
        // the store is empty: the history can only have come from the first batch
        assertThat(batch(2, "varied").history(store, recent)).containsExactly("registered", "commenced", "varied");
        assertThat(batch(3, "extended", "varied again").history(store, recent))
                .containsExactly("registered", "commenced", "varied", "extended", "varied again");
        // an event delivered again (a replay of part of the stream) is cut from what is kept
        assertThat(batch(1, "commenced").history(store, recent)).containsExactly("registered", "commenced");
    }

    @Test
    void withoutAKeptHistoryOrWithAGapItIsReadFromTheStore() {
        stored("registered", "commenced", "varied", "extended");
        RecentHistories none = new RecentHistories(0);

        assertThat(batch(0, "registered").history(store, none)).containsExactly("registered");
        assertThat(batch(3, "extended").history(store, none))
                .containsExactly("registered", "commenced", "varied", "extended");

        RecentHistories recent = new RecentHistories(10);
        recent.put(ID, List.of("registered"));
        // events 1 and 2 were handled in a batch that did not reach this cache: read, up to the batch's last
        assertThat(batch(3, "extended").history(store, recent))
                .containsExactly("registered", "commenced", "varied", "extended");
        // and kept from then on
        assertThat(recent.<String>get(ID)).containsExactly("registered", "commenced", "varied", "extended");
    }

    @Test
    void aBatchWhoseEventsAreNotInARowIsReadFromTheStoreUpToItsLast() {
        stored("registered", "commenced", "varied");
        RecentHistories recent = new RecentHistories(10);
        recent.put(ID, List.of("registered"));
        PendingSubject<String> gap = new PendingSubject<>(ID, String.class);
        gap.add("commenced", 1);
        gap.add("commenced", 1);

        assertThat(gap.history(store, recent)).containsExactly("registered", "commenced");
    }
}
