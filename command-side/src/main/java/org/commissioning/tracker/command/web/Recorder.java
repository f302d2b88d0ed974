package org.commissioning.tracker.command.web;

/**
 * Who is recording and the request's correlation id, resolved from the request for every write endpoint; combined
 * with the body's reason it makes the {@link Recording} every event carries.
 */
public record Recorder(String user, String correlationId) {

    public Recording because(String reason) {
        return new Recording(user, reason, correlationId);
    }
}
