package org.commissioning.tracker.command.contract;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;

/**
 * The bodies of the contract write endpoints (API.md, "Writes"), read by the same JSON mapper whether they arrive one
 * per request ({@link ContractCommandController}) or many in a bulk import; {@link ContractWrite} turns each into
 * its command. Every body may carry a {@code reason}, kept in the events' metadata.
 */
public final class ContractRequests {

    private ContractRequests() {
    }

    /** A body of one of the contract write endpoints. */
    public sealed interface ContractRequest {
        String reason();
    }

    public record RegisterContractRequest(ContractId id, String title, ContractKind kind, List<Party> commissioners,
                                          List<Party> providers, Money value, LocalDate awardedOn, ContractTerms terms,
                                          ProcurementRoute procurementRoute, String reason) implements ContractRequest {
    }

    public record DatedRequest(LocalDate effectiveOn, String reason) implements ContractRequest {
    }

    public record ExtensionRequest(Period length, LocalDate effectiveOn, String reason) implements ContractRequest {
    }

    public record NoticeRequest(NoticeKind kind, LocalDate servedOn, String servedBy, LocalDate takesEffectOn,
                                String reason) implements ContractRequest {
    }

    public record TerminationRequest(LocalDate effectiveOn, String initiatedBy, Money costs, String reason)
            implements ContractRequest {
    }

    public record VariationRequest(LocalDate effectiveOn, Money valueChange, String description, String reason)
            implements ContractRequest {
    }

    public record ReviewPointRequest(LocalDate effectiveOn, LocalDate dueOn, ReviewKind kind, String description,
                                     Period recurrence, String reason) implements ContractRequest {
    }

    public record CompletionRequest(LocalDate effectiveOn, String outcome, String reason) implements ContractRequest {
    }
}
