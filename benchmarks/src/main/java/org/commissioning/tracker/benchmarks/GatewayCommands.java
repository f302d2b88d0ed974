package org.commissioning.tracker.benchmarks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.commissioning.tracker.benchmarks.Portfolio.Request;
import org.commissioning.tracker.benchmarks.Portfolio.Script;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractCommands;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import tools.jackson.databind.JsonNode;

/**
 * A contract script as the shared-events commands its HTTP writes become, for sending through Axon's command gateway:
 * the same workload without HTTP, JSON binding and authentication.
 */
public final class GatewayCommands {

    private GatewayCommands() {
    }

    public static List<Object> of(Script script) {
        List<Object> commands = new ArrayList<>();
        for (Request request : script.requests()) {
            JsonNode b = Portfolio.JSON.readTree(request.body());
            if (request.path().equals("/api/contracts")) {
                commands.add(registration(b));
                continue;
            }
            ContractId id = ContractId.of(script.id());
            String action = request.path().substring(request.path().lastIndexOf('/') + 1);
            commands.add(switch (action) {
                case "commencement" -> new ContractCommands.RecordCommencement(id, date(b, "effectiveOn"));
                case "extensions" -> new ContractCommands.ExerciseExtensionOption(id,
                        Period.parse(b.get("length").asString()), date(b, "effectiveOn"));
                case "renewals" -> new ContractCommands.RenewContract(id, date(b, "effectiveOn"));
                case "notices" -> new ContractCommands.ServeNotice(id, NoticeKind.valueOf(b.get("kind").asString()),
                        date(b, "servedOn"), b.get("servedBy").asString(), date(b, "takesEffectOn"));
                case "termination" -> new ContractCommands.TerminateContract(id, date(b, "effectiveOn"),
                        b.get("initiatedBy").asString(), null);
                case "variations" -> new ContractCommands.VaryContract(id, date(b, "effectiveOn"),
                        money(b.get("valueChange")), b.get("description").asString());
                case "review-points" -> new ContractCommands.ScheduleReviewPoint(id, date(b, "effectiveOn"),
                        date(b, "dueOn"), ReviewKind.valueOf(b.get("kind").asString()),
                        b.get("description").asString(), period(b, "recurrence"));
                default -> throw new IllegalArgumentException("not a contract write: " + request.path());
            });
        }
        return commands;
    }

    private static ContractCommands.RegisterContract registration(JsonNode b) {
        JsonNode t = b.get("terms");
        List<ExtensionOption> options = new ArrayList<>();
        if (t.has("extensionOptions")) {
            t.get("extensionOptions").forEach(o -> options.add(new ExtensionOption(
                    Period.parse(o.get("maxLength").asString()), period(o, "noticePeriod"))));
        }
        RenewalRule renewal = null;
        if (t.has("renewal")) {
            JsonNode r = t.get("renewal");
            renewal = new RenewalRule(RenewalMode.valueOf(r.get("mode").asString()),
                    Period.parse(r.get("interval").asString()), period(r, "rollingTerm"), period(r, "noticePeriod"),
                    null);
        }
        ContractTerms terms = new ContractTerms(date(t, "startDate"), period(t, "initialTerm"), null, options, renewal,
                period(t, "terminationNoticePeriod"));
        return new ContractCommands.RegisterContract(ContractId.of(b.get("id").asString()), b.get("title").asString(),
                ContractKind.valueOf(b.get("kind").asString()), parties(b.get("commissioners")),
                parties(b.get("providers")), money(b.get("value")), date(b, "awardedOn"), terms, null, null);
    }

    private static List<Party> parties(JsonNode array) {
        List<Party> parties = new ArrayList<>();
        array.forEach(p -> parties.add(new Party(p.get("name").asString())));
        return parties;
    }

    private static Money money(JsonNode node) {
        return node == null ? null : Money.gbp(node.get("amount").asString());
    }

    private static LocalDate date(JsonNode node, String field) {
        return node.has(field) ? LocalDate.parse(node.get(field).asString()) : null;
    }

    private static Period period(JsonNode node, String field) {
        return node.has(field) ? Period.parse(node.get(field).asString()) : null;
    }
}
