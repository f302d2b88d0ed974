package org.commissioning.tracker.command.web;

/** The answer to every write: the aggregate and its version (the sequence number of its latest event). */
public record Written(String id, long version) {
}
