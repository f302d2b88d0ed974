package org.commissioning.tracker.platform;

/**
 * A set of Flyway migrations owned by one module ({@code eventstore}, {@code query}), with its own history table, so
 * that the command side and the query side can migrate one database independently, in either order, and standalone
 * runs them all. Declared as a bean by each module that owns tables.
 *
 * @param name     the owner; the history table is {@code flyway_history_<name>}
 * @param location the classpath location of its migrations
 * @param order    lower runs first (the event store is 0)
 */
public record SchemaModule(String name, String location, int order) {

    public static final SchemaModule EVENT_STORE = new SchemaModule("eventstore", "classpath:db/eventstore", 0);

    public String historyTable() {
        return "flyway_history_" + name;
    }
}
