package org.commissioning.tracker.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the aggregate a command is for as Axon's {@link AnnotationCommandTargetResolver} does (the record component
 * marked {@link TargetAggregateIdentifier}), but looks that component up once per command type: Axon's resolver walks
 * the command class's methods and their annotations by reflection on every command, 2 to 3 % of an HTTP write's CPU
 * in the profile. No command here names the version it expects ({@link TargetAggregateVersion}); the aggregates
 * check expected versions themselves. Any command type this does not recognise (not a record, no marked component,
 * a marked version, a null identifier) goes to Axon's own resolver, with its own errors.
 *
 * <p>Used by the aggregates through {@code @Aggregate(commandTargetResolver = "commandTargets")}.
 */
@Component("commandTargets")
public class CommandTargets implements CommandTargetResolver {

    private static final CommandTargetResolver AXON = AnnotationCommandTargetResolver.builder().build();

    /** The accessor of each command type's identifier component; null when Axon's resolver should decide. */
    private static final ClassValue<Method> IDENTIFIER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord() || Arrays.stream(type.getRecordComponents())
                    .anyMatch(c -> c.getAccessor().isAnnotationPresent(TargetAggregateVersion.class))) {
                return null;
            }
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                    .filter(accessor -> accessor.isAnnotationPresent(TargetAggregateIdentifier.class))
                    .findFirst().orElse(null);
        }
    };

    /** The accessor this resolver reads for commands of {@code type}, or null when Axon's resolver decides. */
    static Method identifier(Class<?> type) {
        return IDENTIFIER.get(type);
    }

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Method identifier = identifier(command.getPayloadType());
        if (identifier == null) {
            return AXON.resolveTarget(command);
        }
        Object id;
        try {
            id = identifier.invoke(command.getPayload());
        } catch (IllegalAccessException | InvocationTargetException e) {
            return AXON.resolveTarget(command);
        }
        return id == null ? AXON.resolveTarget(command) : new VersionedAggregateIdentifier(id, null);
    }
}
