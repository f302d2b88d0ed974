package org.commissioning.tracker.command.contract;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.commissioning.tracker.command.web.CommandSender;
import org.commissioning.tracker.command.web.Recording;
import org.commissioning.tracker.command.web.Written;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.Values;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts (write)")
public class ContractCommandController {

    private final CommandSender commands;

    ContractCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /** Register an existing contract with its parties, value and terms. */
    public record RegisterContractRequest(ContractId id, String title, ContractKind kind, List<Party> commissioners,
                                          List<Party> providers, Money value, LocalDate awardedOn, ContractTerms terms,
                                          ProcurementRoute procurementRoute, String reason) {
    }

    @PostMapping
    @Operation(summary = "Register an existing contract")
    ResponseEntity<Written> register(@RequestBody RegisterContractRequest request,
                                     @RequestHeader(value = Recording.RECORDED_BY_HEADER, required = false) String user,
                                     @RequestHeader(value = Recording.CORRELATION_HEADER, required = false) String correlation) {
        Recording recording = new Recording(user, request.reason(), correlation);
        ContractId id = Values.required("id", request.id());
        var command = new RegisterContract(id, request.title(), request.kind(), request.commissioners(),
                request.providers(), request.value(), request.awardedOn(), request.terms(), null, request.procurementRoute());
        long version = commands.send(command, recording, "contract", id.value(), Rejection.UNKNOWN_CONTRACT);
        return ResponseEntity.created(URI.create("/api/contracts/" + id.value())).body(new Written(id.value(), version));
    }
}
