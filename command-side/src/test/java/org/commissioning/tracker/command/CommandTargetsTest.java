package org.commissioning.tracker.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.commissioning.tracker.shared.contract.ContractCommands;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.procurement.ProcurementCommands;
import org.junit.jupiter.api.Test;

/** The cached resolver answers as Axon's annotation resolver does, for every command type the aggregates handle. */
class CommandTargetsTest {

    final CommandTargets targets = new CommandTargets();
    final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyCommandTypeIsReadThroughItsMarkedComponent() {
        List<Class<?>> commands = new ArrayList<>();
        for (Class<?> holder : List.of(ContractCommands.class, ProcurementCommands.class)) {
            for (Class<?> type : holder.getDeclaredClasses()) {
                if (type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> c.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class))) {
                    commands.add(type);
                }
            }
        }
        // nine contract commands (ReviewPointScheduling is an answer), the procurement commands
        assertThat(commands).hasSizeGreaterThan(12);
        for (Class<?> type : commands) {
            assertThat(CommandTargets.identifier(type)).as(type.getSimpleName()).isNotNull();
            assertThat(CommandTargets.identifier(type).isAnnotationPresent(TargetAggregateIdentifier.class)).isTrue();
        }
    }

    @Test
    void aCommandResolvesToTheSameTargetAsAxonsResolver() {
        var command = GenericCommandMessage.asCommandMessage(
                new RecordCommencement(ContractId.of("TORBAY-2015"), LocalDate.parse("2015-10-01")));
        VersionedAggregateIdentifier ours = targets.resolveTarget(command);
        VersionedAggregateIdentifier theirs = axon.resolveTarget(command);
        // the aggregate identifier as the event store keeps it (aggregate_identifier "contract:" + id)
        assertThat(ours.getIdentifier()).isEqualTo("contract:TORBAY-2015").isEqualTo(theirs.getIdentifier());
        assertThat(ours.getIdentifierValue()).isEqualTo(theirs.getIdentifierValue());
        assertThat(ours.getVersion()).isNull();
        assertThat(theirs.getVersion()).isNull();
    }

    @Test
    void aCommandWithoutItsAggregateGetsAxonsOwnError() {
        var command = GenericCommandMessage.asCommandMessage("not a command");
        assertThat(CommandTargets.identifier(String.class)).isNull();
        assertThatThrownBy(() -> targets.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }
}
