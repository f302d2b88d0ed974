package org.commissioning.tracker.query.events;

/**
 * Upkeep of a read model that a bulk rebuild defers: not done row by row while the rebuild fills the tables, but once
 * over the filled tables at its end (an index built once, counters counted once), which costs a fraction of keeping it
 * up throughout. Each implementation records durably, in the transaction that defers, that its upkeep is deferred, so
 * that upkeep left undone by a rebuild that never finished (the process died) is done when the application next
 * starts, before the processors do.
 */
public interface DeferredUpkeep {

    /** Stops the upkeep, before a bulk rebuild fills the tables. */
    void defer();

    /** Does what was deferred, over the tables as they are, and resumes the upkeep; nothing if nothing was deferred. */
    void catchUp();
}
