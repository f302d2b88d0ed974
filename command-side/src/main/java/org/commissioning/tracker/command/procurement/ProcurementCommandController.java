package org.commissioning.tracker.command.procurement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.command.web.CommandSender;
import org.commissioning.tracker.command.web.Recorder;
import org.commissioning.tracker.command.web.Written;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.procurement.ParticipationMeasure;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AbandonProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.AwardContract;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.ChooseRoute;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.EnterStage;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PlanProcurement;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.PublishNotice;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordBid;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordParticipation;
import org.commissioning.tracker.shared.procurement.ProcurementCommands.RecordStandstill;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementNoticeKind;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.commissioning.tracker.shared.procurement.ProcurementStage;
import org.commissioning.tracker.shared.procurement.Regime;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The write API of a procurement's life (API.md, "Writes"), plus {@code /standstill}. Every body may carry a
 * {@code reason}, kept in the history. The award answers with the procurement's version; the contract it created is at
 * {@code /api/contracts/{contractId}}, version 0.
 */
@RestController
@RequestMapping("/api/procurements")
@Tag(name = "Procurements (write)")
public class ProcurementCommandController {

    private final CommandSender commands;

    ProcurementCommandController(CommandSender commands) {
        this.commands = commands;
    }

    public record PlanProcurementRequest(ProcurementId id, String title, List<Party> buyers, Regime regime,
                                         ProcurementRoute route, Money estimatedValue, Money maximumPrice,
                                         LocalDate plannedAwardOn, LocalDate plannedStartOn, LocalDate effectiveOn,
                                         String reason) {
    }

    public record PublishNoticeRequest(ProcurementNoticeKind kind, LocalDate publishedOn, String reference, String url,
                                       String reason) {
    }

    public record ChooseRouteRequest(ProcurementRoute route, LocalDate effectiveOn, String reason) {
    }

    public record EnterStageRequest(ProcurementStage stage, LocalDate effectiveOn, String reason) {
    }

    public record ParticipationRequest(ParticipationMeasure measure, Integer count, LocalDate effectiveOn,
                                       String reason) {
    }

    public record BidRequest(String bidder, Money amount, LocalDate effectiveOn, String reason) {
    }

    /** {@code endsOn} is the last day of the standstill; the award may be made from the day after. */
    public record StandstillRequest(LocalDate startsOn, LocalDate endsOn, String reason) {
    }

    /** {@code title} defaults to the procurement's; the contract's commissioners are the procurement's buyers. */
    public record AwardRequest(String contractId, LocalDate effectiveOn, List<Party> providers, Money value,
                               ContractKind kind, String title, ContractTerms terms, String reason) {
    }

    public record AbandonmentRequest(LocalDate effectiveOn, String reason) {
    }

    @PostMapping
    @Operation(summary = "Plan a procurement: regime, route (possibly UNDECIDED), buyers, value and maximum price")
    ResponseEntity<Written> plan(@RequestBody PlanProcurementRequest request, Recorder recorder) {
        ProcurementId id = Values.required("id", request.id());
        var command = new PlanProcurement(id, request.title(), request.buyers(), request.regime(), request.route(),
                request.estimatedValue(), request.maximumPrice(), request.plannedAwardOn(), request.plannedStartOn(),
                request.effectiveOn());
        long version = commands.send(command, recorder.because(request.reason()), "procurement", id.value(),
                Rejection.UNKNOWN_PROCUREMENT);
        return ResponseEntity.created(URI.create("/api/procurements/" + id.value())).body(new Written(id.value(), version));
    }

    @PostMapping("/{id}/notices")
    @Operation(summary = "Record a notice published: PCR forms, PA23 UK1 to UK12, PSR intention to award")
    Written publishNotice(@PathVariable String id, @RequestBody PublishNoticeRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new PublishNotice(procurement, request.kind(), request.publishedOn(), request.reference(),
                request.url()), recorder, request.reason(), procurement);
    }

    @PostMapping("/{id}/route")
    @Operation(summary = "Choose or change the route")
    Written chooseRoute(@PathVariable String id, @RequestBody ChooseRouteRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new ChooseRoute(procurement, request.route(), request.effectiveOn()), recorder, request.reason(),
                procurement);
    }

    @PostMapping("/{id}/stages")
    @Operation(summary = "Enter a later stage (stages only move forward; any may be skipped)")
    Written enterStage(@PathVariable String id, @RequestBody EnterStageRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new EnterStage(procurement, request.stage(), request.effectiveOn()), recorder, request.reason(),
                procurement);
    }

    @PostMapping("/{id}/participation")
    @Operation(summary = "Record a count of the participation funnel (it never grows from one measure to the next)")
    Written recordParticipation(@PathVariable String id, @RequestBody ParticipationRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new RecordParticipation(procurement, request.measure(), request.count(), request.effectiveOn()),
                recorder, request.reason(), procurement);
    }

    @PostMapping("/{id}/bids")
    @Operation(summary = "Record a bid (not above the maximum price); a bidder's later bid replaces its earlier one")
    Written recordBid(@PathVariable String id, @RequestBody BidRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new RecordBid(procurement, request.bidder(), request.amount(), request.effectiveOn()), recorder,
                request.reason(), procurement);
    }

    @PostMapping("/{id}/standstill")
    @Operation(summary = "Record the standstill period; no award before the day after it ends")
    Written recordStandstill(@PathVariable String id, @RequestBody StandstillRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new RecordStandstill(procurement, request.startsOn(), request.endsOn()), recorder, request.reason(),
                procurement);
    }

    @PostMapping("/{id}/award")
    @Operation(summary = "Award the procurement, creating its contract in the same transaction")
    Written award(@PathVariable String id, @RequestBody AwardRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        ContractId contract = request.contractId() == null ? null
                : ContractId.of(Values.identifier("contractId", request.contractId()));
        var command = new AwardContract(procurement, contract, request.effectiveOn(), request.providers(),
                request.value(), request.kind(), request.title(), request.terms());
        return send(command, recorder, request.reason(), procurement);
    }

    @PostMapping("/{id}/abandonment")
    @Operation(summary = "Abandon the procurement without an award; nothing can follow")
    Written abandon(@PathVariable String id, @RequestBody AbandonmentRequest request, Recorder recorder) {
        ProcurementId procurement = new ProcurementId(id);
        return send(new AbandonProcurement(procurement, request.effectiveOn()), recorder, request.reason(), procurement);
    }

    private Written send(Object command, Recorder recorder, String reason, ProcurementId id) {
        long version = commands.send(command, recorder.because(reason), "procurement", id.value(),
                Rejection.UNKNOWN_PROCUREMENT);
        return new Written(id.value(), version);
    }
}
