package org.commissioning.tracker.command.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.commissioning.tracker.command.web.CommandSender;
import org.commissioning.tracker.command.web.Recorder;
import org.commissioning.tracker.command.web.Recording;
import org.commissioning.tracker.command.web.Written;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.Values;
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
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The write API of a contract's life (API.md, "Writes"). Every body may carry a {@code reason}, kept in the history. */
@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts (write)")
public class ContractCommandController {

    private final CommandSender commands;

    ContractCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record RegisterContractRequest(ContractId id, String title, ContractKind kind, List<Party> commissioners,
                                          List<Party> providers, Money value, LocalDate awardedOn, ContractTerms terms,
                                          ProcurementRoute procurementRoute, String reason) {
    }

    public record DatedRequest(LocalDate effectiveOn, String reason) {
    }

    public record ExtensionRequest(Period length, LocalDate effectiveOn, String reason) {
    }

    public record NoticeRequest(NoticeKind kind, LocalDate servedOn, String servedBy, LocalDate takesEffectOn,
                                String reason) {
    }

    public record TerminationRequest(LocalDate effectiveOn, String initiatedBy, Money costs, String reason) {
    }

    public record VariationRequest(LocalDate effectiveOn, Money valueChange, String description, String reason) {
    }

    public record ReviewPointRequest(LocalDate effectiveOn, LocalDate dueOn, ReviewKind kind, String description,
                                     Period recurrence, String reason) {
    }

    public record CompletionRequest(LocalDate effectiveOn, String outcome, String reason) {
    }

    /** A scheduled review point: the contract, its version and the review point's identifier. */
    public record ReviewPointWritten(String id, long version, String reviewId) {
    }

    @PostMapping
    @Operation(summary = "Register an existing contract with its parties, value and terms")
    ResponseEntity<Written> register(@RequestBody RegisterContractRequest request, Recorder recorder) {
        Recording recording = recorder.because(request.reason());
        ContractId id = Values.required("id", request.id());
        var command = new RegisterContract(id, request.title(), request.kind(), request.commissioners(),
                request.providers(), request.value(), request.awardedOn(), request.terms(), null, request.procurementRoute());
        long version = send(command, recording, id);
        return ResponseEntity.created(URI.create("/api/contracts/" + id.value())).body(new Written(id.value(), version));
    }

    @PostMapping("/{id}/commencement")
    @Operation(summary = "Record the service going live")
    Written commence(@PathVariable String id, @RequestBody DatedRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(new RecordCommencement(contract, request.effectiveOn()),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Exercise (part of) the current option to extend")
    Written extend(@PathVariable String id, @RequestBody ExtensionRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(new ExerciseExtensionOption(contract, request.length(), request.effectiveOn()),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/renewals")
    @Operation(summary = "Record a renewal agreed by the parties (renewal rule BY_AGREEMENT)")
    Written renew(@PathVariable String id, @RequestBody DatedRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        return written(contract, send(new RenewContract(contract, request.effectiveOn()),
                recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/notices")
    @Operation(summary = "Serve a notice: NON_RENEWAL or TERMINATION")
    Written serveNotice(@PathVariable String id, @RequestBody NoticeRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = new ServeNotice(contract, request.kind(), request.servedOn(), request.servedBy(), request.takesEffectOn());
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "Record that the contract ended early")
    Written terminate(@PathVariable String id, @RequestBody TerminationRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = new TerminateContract(contract, request.effectiveOn(), request.initiatedBy(), request.costs());
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/variations")
    @Operation(summary = "Record a variation, with its change in value")
    Written vary(@PathVariable String id, @RequestBody VariationRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = new VaryContract(contract, request.effectiveOn(), request.valueChange(), request.description());
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    @PostMapping("/{id}/review-points")
    @Operation(summary = "Schedule a review point, one-off or recurring (e.g. every P3M)")
    ReviewPointWritten scheduleReview(@PathVariable String id, @RequestBody ReviewPointRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = new ScheduleReviewPoint(contract, request.effectiveOn(), request.dueOn(), request.kind(),
                request.description(), request.recurrence());
        ReviewPointScheduling scheduled = commands.send(command, recorder.because(request.reason()),
                "contract", id, Rejection.UNKNOWN_CONTRACT, ReviewPointScheduling.class);
        return new ReviewPointWritten(id, scheduled.version(), scheduled.reviewId());
    }

    @PostMapping("/{id}/review-points/{reviewId}/completion")
    @Operation(summary = "Complete a review point (the earliest open occurrence of a recurring one)")
    Written completeReview(@PathVariable String id, @PathVariable String reviewId, @RequestBody CompletionRequest request, Recorder recorder) {
        ContractId contract = new ContractId(id);
        var command = new CompleteReviewPoint(contract, reviewId, request.effectiveOn(), request.outcome());
        return written(contract, send(command, recorder.because(request.reason()), contract));
    }

    private long send(Object command, Recording recording, ContractId id) {
        return commands.send(command, recording, "contract", id.value(), Rejection.UNKNOWN_CONTRACT);
    }

    private static Written written(ContractId id, long version) {
        return new Written(id.value(), version);
    }
}
