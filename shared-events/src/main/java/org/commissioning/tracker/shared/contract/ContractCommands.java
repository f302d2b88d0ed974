package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;

/**
 * The commands of a contract's life. Each validates its own fields (400 {@code validation_failed}); the Contract
 * aggregate enforces the business rules (422 with a code). Every command handler returns the aggregate's version.
 */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** Enter a contract in the register: directly (an existing contract) or from a procurement's award. */
    public record RegisterContract(
            @TargetAggregateIdentifier ContractId contractId,
            String title,
            ContractKind kind,
            List<Party> commissioners,
            List<Party> providers,
            Money value,
            LocalDate awardedOn,
            ContractTerms terms,
            ProcurementId procurementId,
            ProcurementRoute procurementRoute) {

        public RegisterContract {
            Values.required("id", contractId);
            title = Values.name("title", title);
            Values.required("kind", kind);
            commissioners = Values.nonEmpty("commissioners", commissioners);
            providers = Values.nonEmpty("providers", providers);
            awardedOn = Values.date("awardedOn", awardedOn);
            Values.required("terms", terms);
            if (value != null && value.isNegative()) {
                throw new InvalidValueException("value.amount", "must not be negative; got " + value.amount().toPlainString());
            }
        }
    }

    public record RecordCommencement(@TargetAggregateIdentifier ContractId contractId, LocalDate effectiveOn) {
        public RecordCommencement {
            Values.required("id", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    public record ExerciseExtensionOption(@TargetAggregateIdentifier ContractId contractId, Period length,
                                          LocalDate effectiveOn) {
        public ExerciseExtensionOption {
            Values.required("id", contractId);
            length = Values.length("length", length);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** Record a renewal agreed by the parties (renewal rule {@code BY_AGREEMENT}). */
    public record RenewContract(@TargetAggregateIdentifier ContractId contractId, LocalDate effectiveOn) {
        public RenewContract {
            Values.required("id", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
        }
    }

    /** {@code takesEffectOn} is required for a termination notice; for non-renewal it defaults to the next renewal point it is in time for. */
    public record ServeNotice(@TargetAggregateIdentifier ContractId contractId, NoticeKind kind, LocalDate servedOn,
                              String servedBy, LocalDate takesEffectOn) {
        public ServeNotice {
            Values.required("id", contractId);
            Values.required("kind", kind);
            servedOn = Values.date("servedOn", servedOn);
            servedBy = Values.name("servedBy", servedBy);
            if (kind == NoticeKind.TERMINATION) {
                Values.required("takesEffectOn", takesEffectOn);
            }
            takesEffectOn = takesEffectOn == null ? null : Values.date("takesEffectOn", takesEffectOn);
            if (takesEffectOn != null && takesEffectOn.isBefore(servedOn)) {
                throw new InvalidValueException("takesEffectOn",
                        "must not be before the date the notice is served, " + servedOn + "; got " + takesEffectOn);
            }
        }
    }

    public record TerminateContract(@TargetAggregateIdentifier ContractId contractId, LocalDate effectiveOn,
                                    String initiatedBy, Money costs) {
        public TerminateContract {
            Values.required("id", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
            initiatedBy = Values.name("initiatedBy", initiatedBy);
            if (costs != null && costs.isNegative()) {
                throw new InvalidValueException("costs.amount", "must not be negative; got " + costs.amount().toPlainString());
            }
        }
    }

    public record VaryContract(@TargetAggregateIdentifier ContractId contractId, LocalDate effectiveOn,
                               Money valueChange, String description) {
        public VaryContract {
            Values.required("id", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
            description = Values.text("description", description);
        }
    }

    public record ScheduleReviewPoint(@TargetAggregateIdentifier ContractId contractId, LocalDate effectiveOn,
                                      LocalDate dueOn, ReviewKind kind, String description, Period recurrence) {
        public ScheduleReviewPoint {
            Values.required("id", contractId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
            dueOn = Values.date("dueOn", dueOn);
            Values.required("kind", kind);
            description = Values.text("description", description);
            recurrence = recurrence == null ? null : Values.length("recurrence", recurrence);
            if (dueOn.isBefore(effectiveOn)) {
                throw new InvalidValueException("dueOn", "must not be before the date it is scheduled, " + effectiveOn + "; got " + dueOn);
            }
        }
    }

    /** What scheduling a review point answers: the identifier given to it and the contract's version. */
    public record ReviewPointScheduling(String reviewId, long version) {
    }

    public record CompleteReviewPoint(@TargetAggregateIdentifier ContractId contractId, String reviewId,
                                      LocalDate effectiveOn, String outcome) {
        public CompleteReviewPoint {
            Values.required("id", contractId);
            reviewId = Values.identifier("reviewId", reviewId);
            effectiveOn = Values.date("effectiveOn", effectiveOn);
            outcome = Values.text("outcome", outcome);
        }
    }
}
