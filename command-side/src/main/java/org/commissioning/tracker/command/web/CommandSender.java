package org.commissioning.tracker.command.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Sends a command with who recorded it and why, and turns the event store's refusals into the API's codes: a second
 * creation of one identifier is {@code already_exists} (naming the aggregate whose stream exists, which for an award is
 * the contract it creates), a command for no such aggregate is {@code unknown_*}.
 */
@Component
public class CommandSender {

    /** The type-qualified aggregate identifier in the event store's refusal: {@code [contract:UC-OPA]}. */
    private static final Pattern CREATED = Pattern.compile("\\[([a-z]+):([A-Za-z0-9._-]{1,64})]");

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * @param kind the aggregate's kind in messages ("contract", "procurement")
     * @param id   its identifier as the user gave it
     * @return the aggregate's version after the command
     */
    public long send(Object command, Recording recording, String kind, String id, Rejection unknown) {
        return send(command, recording, kind, id, unknown, Number.class).longValue();
    }

    /** The same, for a command whose handler answers more than the version. */
    public <T> T send(Object command, Recording recording, String kind, String id, Rejection unknown, Class<T> result) {
        try {
            return result.cast(commandGateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(recording.metaData()))));
        } catch (RuntimeException e) {
            throw translate(e, kind, id, unknown);
        }
    }

    private static RuntimeException translate(RuntimeException e, String kind, String id, Rejection unknown) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation violation) {
                return violation;
            }
            if (t instanceof AggregateStreamCreationException) {
                // the stream refused may be another aggregate's (an award creates a contract): name the one it was
                Matcher created = CREATED.matcher(String.valueOf(t.getMessage()));
                return created.find()
                        ? Rejection.ALREADY_EXISTS.because("A " + created.group(1) + " with id '" + created.group(2)
                        + "' already exists")
                        : Rejection.ALREADY_EXISTS.because("A " + kind + " with id '" + id + "' already exists");
            }
            if (t instanceof AggregateNotFoundException) {
                return unknown.because("No " + kind + " with id '" + id + "' is registered");
            }
            if (t instanceof ConcurrencyException) {
                return Rejection.CONCURRENT_MODIFICATION.because("The " + kind + " '" + id
                        + "' was changed by another request at the same time; read it again and retry");
            }
            if (t instanceof EventStoreException && t.getCause() == null) {
                break;
            }
        }
        return e;
    }
}
