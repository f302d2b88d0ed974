package org.commissioning.tracker.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.commissioning.tracker.shared.contract.ContractCommands;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.procurement.ProcurementCommands;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.junit.jupiter.api.Test;

/** The cached resolver answers as Axon's annotation resolver does, for every command type the aggregates handle. */
class CommandTargetsTest {

    final CommandTargets targets = new CommandTargets();
    final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void everyCommandIsReadThroughItsAggregatesIdentifier() {
        // every record the two command holders declare, except the one that is an answer, not a command: a command
        // that lost its @TargetAggregateIdentifier would have no identifier here
        Map<Class<?>, Class<?>> identifierTypes = Map.of(ContractCommands.class, ContractId.class,
                ProcurementCommands.class, ProcurementId.class);
        int commands = 0;
        for (var holder : identifierTypes.entrySet()) {
            for (Class<?> type : holder.getKey().getDeclaredClasses()) {
                if (!type.isRecord() || type == ContractCommands.ReviewPointScheduling.class) {
                    continue;
                }
                Method identifier = CommandTargets.identifier(type);
                assertThat(identifier).as(type.getSimpleName()).isNotNull();
                assertThat(identifier.getReturnType()).as(type.getSimpleName()).isEqualTo(holder.getValue());
                commands++;
            }
        }
        // nine contract commands, nine procurement commands
        assertThat(commands).isEqualTo(18);
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
