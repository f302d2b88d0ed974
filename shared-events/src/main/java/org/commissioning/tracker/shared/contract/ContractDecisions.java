package org.commissioning.tracker.shared.contract;

import java.util.Objects;
import org.commissioning.tracker.shared.contract.ContractCommands.CompleteReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ExerciseExtensionOption;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractCommands.RenewContract;
import org.commissioning.tracker.shared.contract.ContractCommands.ScheduleReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ServeNotice;
import org.commissioning.tracker.shared.contract.ContractCommands.TerminateContract;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;

/**
 * The one place a contract command is decided: given what has been recorded (the timeline; none before the
 * registration) it answers the event to record, or refuses with a rule's code ({@code RuleViolation}). The Contract
 * aggregate and the bulk import both call it, so an imported portfolio is held to exactly the rules a request by
 * request load is.
 */
public final class ContractDecisions {

    private ContractDecisions() {
    }

    /**
     * @param timeline the contract's recorded events, or {@code null} when nothing is recorded yet (registration)
     * @param command  one of {@link ContractCommands}
     * @return the event the command records
     */
    public static ContractEvent decide(ContractTimeline timeline, Object command) {
        Objects.requireNonNull(command, "command");
        if (command instanceof RegisterContract register) {
            if (timeline != null) {
                throw new IllegalStateException("contract " + register.contractId() + " is registered already");
            }
            return new ContractRegistered(register.contractId(), register.title(), register.kind(),
                    register.commissioners(), register.providers(), register.value(), register.awardedOn(),
                    register.terms(), register.procurementId(), register.procurementRoute());
        }
        Objects.requireNonNull(timeline, "a contract must be registered before anything else is recorded");
        return switch (command) {
            case RecordCommencement c -> timeline.commence(c.effectiveOn());
            case ExerciseExtensionOption c -> timeline.exerciseExtension(c.length(), c.effectiveOn());
            case RenewContract c -> timeline.renew(c.effectiveOn());
            case ServeNotice c -> timeline.serveNotice(c.kind(), c.servedOn(), c.servedBy(), c.takesEffectOn());
            case TerminateContract c -> timeline.terminate(c.effectiveOn(), c.initiatedBy(), c.costs());
            case VaryContract c -> timeline.vary(c.effectiveOn(), c.valueChange(), c.description());
            case ScheduleReviewPoint c -> timeline.scheduleReviewPoint(c.effectiveOn(), c.dueOn(), c.kind(),
                    c.description(), c.recurrence());
            case CompleteReviewPoint c -> timeline.completeReviewPoint(c.reviewId(), c.effectiveOn(), c.outcome());
            default -> throw new IllegalArgumentException("not a contract command: " + command.getClass().getName());
        };
    }
}
