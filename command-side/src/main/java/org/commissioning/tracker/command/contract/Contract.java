package org.commissioning.tracker.command.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.tracker.shared.contract.ContractCommands.CompleteReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ExerciseExtensionOption;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractCommands.RenewContract;
import org.commissioning.tracker.shared.contract.ContractCommands.ReviewPointScheduling;
import org.commissioning.tracker.shared.contract.ContractCommands.ScheduleReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ServeNotice;
import org.commissioning.tracker.shared.contract.ContractCommands.TerminateContract;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;
import org.commissioning.tracker.shared.contract.ContractDecisions;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ReviewPointScheduled;

/**
 * One contract's life. Each command handler asks {@link ContractDecisions} (the pure date rules of DOMAIN.md, shared
 * with the query side, and the one decision function the bulk import uses too) to decide: it returns the event to
 * apply or refuses with a rule's code, and then nothing is stored. Event sourcing handlers only fold the event into
 * the timeline. Every handler returns the version.
 *
 * <p>Public only for {@link #registeredBy(RegisterContract)}: a procurement's award creates its contract in the same
 * unit of work ({@code AggregateLifecycle.createNew}).
 */
@Aggregate(commandTargetResolver = "commandTargets", cache = "aggregateCache")
public class Contract {

    @AggregateIdentifier
    private ContractId contractId;
    private ContractTimeline timeline;
    private long version;

    Contract() {
        // for Axon
    }

    /**
     * A new contract, registered by {@code command}: for {@code AggregateLifecycle.createNew} from a procurement's
     * award, which sets its procurement and route.
     */
    public static Contract registeredBy(RegisterContract command) {
        Contract contract = new Contract();
        contract.register(command);
        return contract;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(RegisterContract command) {
        register(command);
        return version;
    }

    private void register(RegisterContract command) {
        apply(ContractDecisions.decide(null, command));
    }

    @CommandHandler
    long handle(RecordCommencement command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    long handle(ExerciseExtensionOption command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    long handle(RenewContract command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    long handle(ServeNotice command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    long handle(TerminateContract command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    long handle(VaryContract command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @CommandHandler
    ReviewPointScheduling handle(ScheduleReviewPoint command) {
        ReviewPointScheduled scheduled = (ReviewPointScheduled) ContractDecisions.decide(timeline, command);
        apply(scheduled);
        return new ReviewPointScheduling(scheduled.reviewId(), version);
    }

    @CommandHandler
    long handle(CompleteReviewPoint command) {
        apply(ContractDecisions.decide(timeline, command));
        return version;
    }

    @EventSourcingHandler
    void on(ContractRegistered event, @SequenceNumber long sequence) {
        contractId = event.contractId();
        timeline = ContractTimeline.of(event);
        version = sequence;
    }

    @EventSourcingHandler
    void on(ContractEvent event, @SequenceNumber long sequence) {
        timeline = timeline.with(event);
        version = sequence;
    }
}
