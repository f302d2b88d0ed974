package org.commissioning.tracker.command.procurement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.commissioning.tracker.command.contract.Contract;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.procurement.ProcurementAwarded;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AbandonProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AwardContract;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.ChooseRoute;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.EnterStage;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PlanProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PublishNotice;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordBid;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordParticipation;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordStandstill;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;

/**
 * One procurement, from planning to award or abandonment. Each command handler asks the procurement's timeline (the
 * pure rules, shared with the query side) to decide: it returns the event to apply or refuses with a rule's code, and
 * then nothing is stored. Event sourcing handlers only fold the event into the timeline. Every handler returns the
 * version.
 *
 * <p>The award creates the contract in the same unit of work: the contract's registration (its commissioners the
 * procurement's buyers, its procurement and route set) is applied first, then the procurement's award, and both are
 * stored in one transaction or neither is. A contract id already in use refuses the award with
 * {@code already_exists}.
 */
@Aggregate(commandTargetResolver = "commandTargets", cache = "aggregateCache")
class Procurement {

    @AggregateIdentifier
    private ProcurementId procurementId;
    private ProcurementTimeline timeline;
    private long version;

    Procurement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(PlanProcurement command) {
        apply(new ProcurementPlanned(command.procurementId(), command.title(), command.buyers(), command.regime(),
                command.route(), command.estimatedValue(), command.maximumPrice(), command.plannedAwardOn(),
                command.plannedStartOn(), command.effectiveOn()));
        return version;
    }

    @CommandHandler
    long handle(PublishNotice command) {
        apply(timeline.publishNotice(command.kind(), command.publishedOn(), command.reference(), command.url()));
        return version;
    }

    @CommandHandler
    long handle(ChooseRoute command) {
        apply(timeline.chooseRoute(command.route(), command.effectiveOn()));
        return version;
    }

    @CommandHandler
    long handle(EnterStage command) {
        apply(timeline.enterStage(command.stage(), command.effectiveOn()));
        return version;
    }

    @CommandHandler
    long handle(RecordParticipation command) {
        apply(timeline.recordParticipation(command.measure(), command.count(), command.effectiveOn()));
        return version;
    }

    @CommandHandler
    long handle(RecordBid command) {
        apply(timeline.recordBid(command.bidder(), command.amount(), command.effectiveOn()));
        return version;
    }

    @CommandHandler
    long handle(RecordStandstill command) {
        apply(timeline.recordStandstill(command.startsOn(), command.endsOn()));
        return version;
    }

    @CommandHandler
    long handle(AwardContract command) throws Exception {
        ProcurementAwarded awarded = timeline.award(command.contractId(), command.effectiveOn(), command.title(),
                command.kind(), command.providers(), command.value());
        var registration = new RegisterContract(awarded.contractId(), awarded.title(), awarded.kind(),
                timeline.planning().buyers(), awarded.providers(), awarded.value(), awarded.effectiveOn(),
                command.terms(), procurementId, awarded.route());
        createNew(Contract.class, () -> Contract.registeredBy(registration));
        apply(awarded);
        return version;
    }

    @CommandHandler
    long handle(AbandonProcurement command) {
        apply(timeline.abandon(command.effectiveOn()));
        return version;
    }

    @EventSourcingHandler
    void on(ProcurementPlanned event, @SequenceNumber long sequence) {
        procurementId = event.procurementId();
        timeline = ProcurementTimeline.of(event);
        version = sequence;
    }

    @EventSourcingHandler
    void on(ProcurementEvent event, @SequenceNumber long sequence) {
        timeline = timeline.with(event);
        version = sequence;
    }
}
