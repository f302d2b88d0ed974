package org.commissioning.tracker.command.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractRegistered;

/**
 * One contract's life. Command handlers check the rules and apply events; event sourcing handlers only assign state.
 * Every command handler returns the version (the sequence number of the latest event).
 */
@Aggregate
class Contract {

    @AggregateIdentifier
    private ContractId contractId;
    private long version;

    Contract() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterContract command) {
        apply(new ContractRegistered(command.contractId(), command.title(), command.kind(), command.commissioners(),
                command.providers(), command.value(), command.awardedOn(), command.terms(), command.procurementId(),
                command.procurementRoute()));
        return version;
    }

    @EventSourcingHandler
    void on(ContractRegistered event, @SequenceNumber long sequence) {
        contractId = event.contractId();
        version = sequence;
    }
}
