package org.commissioning.tracker.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commissioning.tracker.benchmarks.Portfolio.Request;
import org.commissioning.tracker.benchmarks.Portfolio.Script;
import org.commissioning.tracker.benchmarks.Portfolio.Shape;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import org.commissioning.tracker.shared.procurement.ParticipationMeasure;
import org.commissioning.tracker.shared.procurement.ProcurementEvent;
import org.commissioning.tracker.shared.procurement.ProcurementId;
import org.commissioning.tracker.shared.procurement.ProcurementNoticeKind;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementRoute;
import org.commissioning.tracker.shared.procurement.ProcurementStage;
import org.commissioning.tracker.shared.procurement.ProcurementTimeline;
import org.commissioning.tracker.shared.procurement.Regime;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every generated write is one the product accepts: each script is read back from its JSON (as the API would read
 * it) and folded through the shared decisions, the same code the aggregates run; a refusal throws and fails the test.
 */
class PortfolioTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    final Portfolio portfolio = new Portfolio(7, TODAY);

    @Test
    void everyContractIsAcceptedByTheRulesAndHasFiveToTwentyEventsOfEveryShape() {
        Map<Shape, Integer> shapes = new EnumMap<>(Shape.class);
        Set<String> paths = new HashSet<>();
        long events = 0;
        int contracts = 3_000;
        for (int i = 0; i < contracts; i++) {
            Script script = portfolio.contract(i);
            assertThat(script.events()).as(script.id()).isBetween(5, 20);
            ContractTimeline folded = fold(script);
            assertThat(folded.events()).hasSize(script.events());
            assertThat(folded.latestEffectiveDate()).isBeforeOrEqualTo(TODAY);
            shapes.merge(Shape.valueOf(script.shape()), 1, Integer::sum);
            script.requests().forEach(r -> paths.add(r.path().replaceAll("/api/contracts/[^/]+", "/api/contracts/{id}")));
            events += script.events();
        }
        assertThat(shapes).hasSize(Shape.values().length);
        shapes.values().forEach(n -> assertThat(n).isEqualTo(contracts / Shape.values().length));
        assertThat(paths).contains("/api/contracts", "/api/contracts/{id}/commencement",
                "/api/contracts/{id}/extensions", "/api/contracts/{id}/renewals", "/api/contracts/{id}/notices",
                "/api/contracts/{id}/variations", "/api/contracts/{id}/review-points");
        // neither all at the minimum nor all at the maximum
        assertThat(events / (double) contracts).isBetween(8.0, 17.0);
    }

    @Test
    void theSameSeedGivesTheSamePortfolioAndAnotherSeedAnother() {
        assertThat(new Portfolio(7, TODAY).contract(42)).isEqualTo(portfolio.contract(42));
        assertThat(new Portfolio(8, TODAY).contract(42)).isNotEqualTo(portfolio.contract(42));
    }

    @Test
    void aLongHistoryHasExactlyTheEventsAskedFor() {
        Script script = portfolio.longHistory(3, 50);
        assertThat(script.events()).isEqualTo(50);
        assertThat(fold(script).events()).hasSize(50);
    }

    @Test
    void everyProcurementIsAcceptedWithStagesAFunnelAndBids() {
        for (int i = 0; i < 500; i++) {
            Script script = portfolio.procurement(i);
            ProcurementTimeline timeline = foldProcurement(script);
            assertThat(timeline.events()).hasSize(script.events());
            assertThat(script.requests()).anyMatch(r -> r.path().endsWith("/bids"))
                    .anyMatch(r -> r.path().endsWith("/participation")).anyMatch(r -> r.path().endsWith("/stages"));
        }
    }

    // ------------------------------------------------------------------------------------------------ folds

    static ContractTimeline fold(Script script) {
        ContractTimeline timeline = null;
        for (Request request : script.requests()) {
            JsonNode b = JSON.readTree(request.body());
            if (request.path().equals("/api/contracts")) {
                timeline = ContractTimeline.of(registration(b));
                continue;
            }
            String action = request.path().substring(request.path().lastIndexOf('/') + 1);
            LocalDate on = date(b, action.equals("notices") ? "servedOn" : "effectiveOn");
            ContractEvent event = switch (action) {
                case "commencement" -> timeline.commence(on);
                case "extensions" -> timeline.exerciseExtension(Period.parse(b.get("length").asString()), on);
                case "renewals" -> timeline.renew(on);
                case "notices" -> timeline.serveNotice(NoticeKind.valueOf(b.get("kind").asString()), on,
                        b.get("servedBy").asString(), date(b, "takesEffectOn"));
                case "termination" -> timeline.terminate(on, b.get("initiatedBy").asString(), null);
                case "variations" -> timeline.vary(on, money(b.get("valueChange")), b.get("description").asString());
                case "review-points" -> timeline.scheduleReviewPoint(on, date(b, "dueOn"),
                        ReviewKind.valueOf(b.get("kind").asString()), b.get("description").asString(),
                        b.has("recurrence") ? Period.parse(b.get("recurrence").asString()) : null);
                default -> throw new AssertionError("unexpected write " + request.path());
            };
            assertThat(event.effectiveOn()).isBeforeOrEqualTo(TODAY);
            timeline = timeline.with(event);
        }
        return timeline;
    }

    static ContractRegistered registration(JsonNode b) {
        JsonNode t = b.get("terms");
        List<ExtensionOption> options = new ArrayList<>();
        if (t.has("extensionOptions")) {
            t.get("extensionOptions").forEach(o -> options.add(new ExtensionOption(
                    Period.parse(o.get("maxLength").asString()), Period.parse(o.get("noticePeriod").asString()))));
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
        return new ContractRegistered(ContractId.of(b.get("id").asString()), b.get("title").asString(),
                ContractKind.valueOf(b.get("kind").asString()), parties(b.get("commissioners")),
                parties(b.get("providers")), money(b.get("value")), date(b, "awardedOn"), terms, null, null);
    }

    static ProcurementTimeline foldProcurement(Script script) {
        ProcurementTimeline timeline = null;
        for (Request request : script.requests()) {
            JsonNode b = JSON.readTree(request.body());
            if (request.path().equals("/api/procurements")) {
                timeline = ProcurementTimeline.of(new ProcurementPlanned(ProcurementId.of(b.get("id").asString()),
                        b.get("title").asString(), parties(b.get("buyers")), Regime.valueOf(b.get("regime").asString()),
                        ProcurementRoute.valueOf(b.get("route").asString()), null, money(b.get("maximumPrice")),
                        date(b, "plannedAwardOn"), date(b, "plannedStartOn"), date(b, "effectiveOn")));
                continue;
            }
            String action = request.path().substring(request.path().lastIndexOf('/') + 1);
            ProcurementEvent event = switch (action) {
                case "notices" -> timeline.publishNotice(ProcurementNoticeKind.valueOf(b.get("kind").asString()),
                        date(b, "publishedOn"), b.get("reference").asString(), null);
                case "stages" -> timeline.enterStage(ProcurementStage.valueOf(b.get("stage").asString()),
                        date(b, "effectiveOn"));
                case "participation" -> timeline.recordParticipation(
                        ParticipationMeasure.valueOf(b.get("measure").asString()), b.get("count").asInt(),
                        date(b, "effectiveOn"));
                case "bids" -> timeline.recordBid(b.get("bidder").asString(), money(b.get("amount")),
                        date(b, "effectiveOn"));
                case "award" -> timeline.award(ContractId.of(b.get("contractId").asString()), date(b, "effectiveOn"),
                        null, ContractKind.valueOf(b.get("kind").asString()), parties(b.get("providers")),
                        money(b.get("value")));
                case "abandonment" -> timeline.abandon(date(b, "effectiveOn"));
                default -> throw new AssertionError("unexpected write " + request.path());
            };
            timeline = timeline.with(event);
        }
        return timeline;
    }

    static List<Party> parties(JsonNode array) {
        List<Party> parties = new ArrayList<>();
        array.forEach(p -> parties.add(new Party(p.get("name").asString())));
        return parties;
    }

    static Money money(JsonNode node) {
        return node == null ? null : Money.gbp(node.get("amount").asString());
    }

    static LocalDate date(JsonNode node, String field) {
        return node.has(field) ? LocalDate.parse(node.get(field).asString()) : null;
    }

    static Period period(JsonNode node, String field) {
        return node.has(field) ? Period.parse(node.get(field).asString()) : null;
    }
}
