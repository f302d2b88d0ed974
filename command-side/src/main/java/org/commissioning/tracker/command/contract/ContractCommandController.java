package org.commissioning.tracker.command.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.commissioning.tracker.command.contract.ContractRequests.CompletionRequest;
import org.commissioning.tracker.command.contract.ContractRequests.DatedRequest;
import org.commissioning.tracker.command.contract.ContractRequests.ExtensionRequest;
import org.commissioning.tracker.command.contract.ContractRequests.NoticeRequest;
import org.commissioning.tracker.command.contract.ContractRequests.RegisterContractRequest;
import org.commissioning.tracker.command.contract.ContractRequests.ReviewPointRequest;
import org.commissioning.tracker.command.contract.ContractRequests.TerminationRequest;
import org.commissioning.tracker.command.contract.ContractRequests.VariationRequest;
import org.commissioning.tracker.command.web.CommandSender;
import org.commissioning.tracker.command.web.Recorder;
import org.commissioning.tracker.command.web.Recording;
import org.commissioning.tracker.command.web.Written;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractCommands.ReviewPointScheduling;
import org.commissioning.tracker.shared.contract.ContractId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API of a contract's life (API.md, "Writes"). Every body may carry a {@code reason}, kept in the history;
 * bodies and their commands are {@link ContractRequests} and {@link ContractWrite}, shared with the bulk import.
 */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts (write)")
public class ContractCommandController {

    private final CommandSender commands;

    ContractCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /** A scheduled review point: the contract, its version and the review point's identifier. */
    public record ReviewPointWritten(String id, long version, String reviewId) {
    }

    @PostMapping
    @Operation(summary = "Register an existing contract with its parties, value and terms")
    ResponseEntity<Written> register(@RequestBody RegisterContractRequest request, Recorder recorder) {
        Recording recording = recorder.because(request.reason());
        var command = (RegisterContract) ContractWrite.REGISTER.command(null, null, request);
        ContractId id = command.contractId();
        long version = send(command, recording, id);
        return ResponseEntity.created(URI.create("/api/contracts/" + id.value())).body(new Written(id.value(), version));
    }

    @PostMapping("/{id}/commencement")
    @Operation(summary = "Record the service going live")
    Written commence(@PathVariable String id, @RequestBody DatedRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(ContractWrite.COMMENCEMENT.command(contract, null, request),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Exercise (part of) the current option to extend")
    Written extend(@PathVariable String id, @RequestBody ExtensionRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(ContractWrite.EXTENSION.command(contract, null, request),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/renewals")
    @Operation(summary = "Record a renewal agreed by the parties (renewal rule BY_AGREEMENT)")
    Written renew(@PathVariable String id, @RequestBody DatedRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(ContractWrite.RENEWAL.command(contract, null, request),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/notices")
    @Operation(summary = "Serve a notice: NON_RENEWAL or TERMINATION")
    Written serveNotice(@PathVariable String id, @RequestBody NoticeRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = ContractWrite.NOTICE.command(contract, null, request);
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Record that the contract ended early")
    Written terminate(@PathVariable String id, @RequestBody TerminationRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = ContractWrite.TERMINATION.command(contract, null, request);
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/variations")
    @Operation(summary = "Record a variation, with its change in value")
    Written vary(@PathVariable String id, @RequestBody VariationRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = ContractWrite.VARIATION.command(contract, null, request);
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/review-points")
    @Operation(summary = "Schedule a review point, one-off or recurring (e.g. every P3M)")
    ReviewPointWritten scheduleReview(@PathVariable String id, @RequestBody ReviewPointRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = ContractWrite.REVIEW_POINT.command(contract, null, request);
        ReviewPointScheduling scheduled = commands.send(command, recorder.because(request.reason()),
                "contract", id, Rejection.UNKNOWN_CONTRACT, ReviewPointScheduling.class);
        return new ReviewPointWritten(id, scheduled.version(), scheduled.reviewId());
    }

    @PostMapping("/{id}/review-points/{reviewId}/completion")
    @Operation(summary = "Complete a review point (the earliest open occurrence of a recurring one)")
    Written completeReview(@PathVariable String id, @PathVariable String reviewId, @RequestBody CompletionRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = ContractWrite.REVIEW_COMPLETION.command(contract, reviewId, request);
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    private long send(Object command, Recording recording, ContractId id) {
        return commands.send(command, recording, "contract", id.value(), Rejection.UNKNOWN_CONTRACT);
    }

    private static Written written(ContractId id, long version) {
        return new Written(id.value(), version);
    }
}
