package org.commissioning.tracker.command.contract;

import java.util.Optional;
import org.commissioning.tracker.command.contract.ContractRequests.CompletionRequest;
import org.commissioning.tracker.command.contract.ContractRequests.ContractRequest;
import org.commissioning.tracker.command.contract.ContractRequests.DatedRequest;
import org.commissioning.tracker.command.contract.ContractRequests.ExtensionRequest;
import org.commissioning.tracker.command.contract.ContractRequests.NoticeRequest;
import org.commissioning.tracker.command.contract.ContractRequests.RegisterContractRequest;
import org.commissioning.tracker.command.contract.ContractRequests.ReviewPointRequest;
import org.commissioning.tracker.command.contract.ContractRequests.TerminationRequest;
import org.commissioning.tracker.command.contract.ContractRequests.VariationRequest;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractCommands.CompleteReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ExerciseExtensionOption;
import org.commissioning.tracker.shared.contract.ContractCommands.RecordCommencement;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractCommands.RenewContract;
import org.commissioning.tracker.shared.contract.ContractCommands.ScheduleReviewPoint;
import org.commissioning.tracker.shared.contract.ContractCommands.ServeNotice;
import org.commissioning.tracker.shared.contract.ContractCommands.TerminateContract;
import org.commissioning.tracker.shared.contract.ContractCommands.VaryContract;
import org.commissioning.tracker.shared.contract.ContractId;

/**
 * The contract write endpoints: each one's path under {@code /api/contracts}, its body's type and how body and path
 * make its command. The controller and the bulk import map requests to commands here and nowhere else, so an imported
 * request means exactly what the same request sent on its own means.
 */
public enum ContractWrite {
    REGISTER(null, RegisterContractRequest.class),
    COMMENCEMENT("commencement", DatedRequest.class),
    EXTENSION("extensions", ExtensionRequest.class),
    RENEWAL("renewals", DatedRequest.class),
    NOTICE("notices", NoticeRequest.class),
    TERMINATION("termination", TerminationRequest.class),
    VARIATION("variations", VariationRequest.class),
    REVIEW_POINT("review-points", ReviewPointRequest.class),
    REVIEW_COMPLETION("completion", CompletionRequest.class);

    public static final String BASE = "/api/contracts";

    private final String segment;
    private final Class<? extends ContractRequest> body;

    ContractWrite(String segment, Class<? extends ContractRequest> body) {
        this.segment = segment;
        this.body = body;
    }

    /** The type the body is read as. */
    public Class<? extends ContractRequest> body() {
        return body;
    }

    /** One request's target: the endpoint, the contract its path names and, for a completion, the review point. */
    public record Target(ContractWrite write, String contractId, String reviewId) {
    }

    /**
     * The endpoint a path names, exactly as a client would send it ({@code /api/contracts/C-1/extensions}): no query,
     * no trailing slash. The registration's path names no contract (its body does).
     */
    public static Optional<Target> of(String path) {
        if (path == null || !path.startsWith(BASE)) {
            return Optional.empty();
        }
        if (path.length() == BASE.length()) {
            return Optional.of(new Target(REGISTER, null, null));
        }
        if (path.charAt(BASE.length()) != '/') {
            return Optional.empty();
        }
        String[] parts = path.substring(BASE.length() + 1).split("/", -1);
        if (parts.length == 2) {
            for (ContractWrite write : values()) {
                if (write != REGISTER && write != REVIEW_COMPLETION && write.segment.equals(parts[1])) {
                    return Optional.of(new Target(write, parts[0], null));
                }
            }
        }
        if (parts.length == 4 && parts[1].equals(REVIEW_POINT.segment) && parts[3].equals(REVIEW_COMPLETION.segment)) {
            return Optional.of(new Target(REVIEW_COMPLETION, parts[0], parts[2]));
        }
        return Optional.empty();
    }

    /**
     * The command a body asks for; validates its fields (400 {@code validation_failed} by
     * {@code InvalidValueException}).
     *
     * @param contract the contract the path names (ignored for the registration, whose body names it)
     * @param reviewId the review point the path names, for a completion
     */
    public Object command(ContractId contract, String reviewId, ContractRequest request) {
        return switch (this) {
            case REGISTER -> {
                var r = (RegisterContractRequest) request;
                yield new RegisterContract(Values.required("id", r.id()), r.title(), r.kind(), r.commissioners(),
                        r.providers(), r.value(), r.awardedOn(), r.terms(), null, r.procurementRoute());
            }
            case COMMENCEMENT -> new RecordCommencement(contract, ((DatedRequest) request).effectiveOn());
            case EXTENSION -> {
                var r = (ExtensionRequest) request;
                yield new ExerciseExtensionOption(contract, r.length(), r.effectiveOn());
            }
            case RENEWAL -> new RenewContract(contract, ((DatedRequest) request).effectiveOn());
            case NOTICE -> {
                var r = (NoticeRequest) request;
                yield new ServeNotice(contract, r.kind(), r.servedOn(), r.servedBy(), r.takesEffectOn());
            }
            case TERMINATION -> {
                var r = (TerminationRequest) request;
                yield new TerminateContract(contract, r.effectiveOn(), r.initiatedBy(), r.costs());
            }
            case VARIATION -> {
                var r = (VariationRequest) request;
                yield new VaryContract(contract, r.effectiveOn(), r.valueChange(), r.description());
            }
            case REVIEW_POINT -> {
                var r = (ReviewPointRequest) request;
                yield new ScheduleReviewPoint(contract, r.effectiveOn(), r.dueOn(), r.kind(), r.description(),
                        r.recurrence());
            }
            case REVIEW_COMPLETION -> {
                var r = (CompletionRequest) request;
                yield new CompleteReviewPoint(contract, reviewId, r.effectiveOn(), r.outcome());
            }
        };
    }
}
