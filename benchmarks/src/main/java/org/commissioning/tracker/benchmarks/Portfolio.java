package org.commissioning.tracker.benchmarks;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractState;
import org.commissioning.tracker.shared.contract.ContractTerms;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.commissioning.tracker.shared.contract.ExtensionOption;
import org.commissioning.tracker.shared.contract.NoticeKind;
import org.commissioning.tracker.shared.contract.RenewalMode;
import org.commissioning.tracker.shared.contract.RenewalRule;
import org.commissioning.tracker.shared.contract.ReviewKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A realistic, deterministic portfolio: for each contract the ordered HTTP requests (path and JSON body) a contract
 * manager would send to record its history, as the API takes them. The contracts have the term shapes of DOMAIN.md (3+7
 * option, 5 years then rolling, 10 and 15 years, 3+1+1, annual renewal by agreement) and 5 to 20 events each; the
 * lifecycle (extensions, renewals, notices, terminations) is decided by the shared rules ({@link ContractTimeline}),
 * the same code the aggregate runs, so every request is one the product accepts. Contract {@code i} depends only on the
 * seed and {@code i}: any slice of the portfolio can be generated alone, in any order, on any thread.
 */
public final class Portfolio {

    /** The term shapes of DOMAIN.md. */
    public enum Shape { OPTION_3_PLUS_7, FIVE_THEN_ROLLING, TEN_YEARS, FIFTEEN_YEARS, THREE_PLUS_ONE_PLUS_ONE,
        ANNUAL_BY_AGREEMENT }

    public static final int MIN_EVENTS = 5;
    public static final int MAX_EVENTS = 20;

    /** One write: a path under the API and its JSON body; each write the product accepts records one event. */
    public record Request(String path, String body) {
    }

    /** One aggregate's writes, in the order they must be sent. */
    public record Script(String id, String shape, List<Request> requests) {
        public int events() {
            return requests.size();
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> COMMISSIONERS = names("Integrated Care Board", 42, "County Council", 60);
    static final List<String> PROVIDERS = names("NHS Foundation Trust", 180, "Care Ltd", 400);

    private final long seed;
    private final LocalDate today;

    /** A portfolio as of {@code today}: every event is dated on or before it. */
    public Portfolio(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    public LocalDate today() {
        return today;
    }

    /** The commissioner names, most contracts held by the first few (for filtered reads). */
    public static List<String> commissioners() {
        return COMMISSIONERS;
    }

    public static String contractId(int i) {
        return "BENCH-" + i;
    }

    private Random random(String kind, int i) {
        return new Random(seed * 1_000_003L + kind.hashCode() * 31L + i);
    }

    /** Contract {@code i}: 5 to 20 writes, every one accepted under the rules of DOMAIN.md. */
    public Script contract(int i) {
        int target = MIN_EVENTS + random("target", i).nextInt(MAX_EVENTS - MIN_EVENTS + 1);
        // first pass: the lifecycle alone, to learn how many events it decides and when the first one falls
        Built lifecycle = build(i, target, 0, null);
        int padding = Math.max(0, target - lifecycle.requests.size());
        if (padding == 0) {
            return lifecycle.script(i);
        }
        // the variations must fall while the contract is in force, before the first lifecycle event
        LocalDate before = lifecycle.firstLifecycleDate != null ? lifecycle.firstLifecycleDate
                : lifecycle.timeline.lastDayInForce().filter(end -> end.isBefore(today)).orElse(today);
        return build(i, target, padding, before).script(i);
    }

    /** Contract {@code i} with a history of exactly {@code events} writes (registration, go-live, variations). */
    public Script longHistory(int i, int events) {
        Random random = random("long", i);
        String id = "BENCH-LONG-" + i;
        LocalDate start = today.minusYears(8).plusDays(random.nextInt(365));
        ContractTerms terms = new ContractTerms(start, Period.ofYears(15), null, List.of(), null, Period.ofMonths(12));
        Built built = new Built(id, "LONG_HISTORY");
        built.register(new ContractRegistered(ContractId.of(id), "Benchmark long history " + i,
                ContractKind.PRIME_CONTRACT, List.of(new Party(pick(random, COMMISSIONERS))),
                List.of(new Party(pick(random, PROVIDERS))), Money.gbp("250000000.00"), start.minusDays(60), terms, null,
                null));
        built.attempt(start, t -> t.commence(start), commencement(start));
        for (int n = 0; built.requests.size() < events; n++) {
            LocalDate on = start.plusDays(20L * (n + 1));
            built.attempt(on, t -> t.vary(on, Money.gbp("1000.00"), "Annual uplift"), variation(on));
        }
        return built.script(i);
    }

    /** Procurement {@code i}: a plan, notices, stages, a participation funnel, bids and (mostly) an award. */
    public Script procurement(int i) {
        Random random = random("procurement", i);
        String id = "BENCH-PROC-" + i;
        LocalDate on = today.minusYears(4).plusDays(random.nextInt(3 * 365));
        List<Request> requests = new ArrayList<>();
        String base = "/api/procurements/" + id;
        ObjectNode plan = JSON.createObjectNode().put("id", id).put("title", "Benchmark procurement " + i);
        plan.putArray("buyers").addObject().put("name", pick(random, COMMISSIONERS));
        plan.put("regime", "PCR2015").put("route", "RESTRICTED");
        money(plan.putObject("maximumPrice"), "50000000.00");
        plan.put("plannedAwardOn", on.plusMonths(9).toString()).put("plannedStartOn", on.plusMonths(15).toString())
                .put("effectiveOn", on.toString());
        requests.add(new Request("/api/procurements", plan.toString()));
        requests.add(new Request(base + "/notices", JSON.createObjectNode().put("kind", "CONTRACT_NOTICE")
                .put("publishedOn", on.plusDays(30).toString()).put("reference", "BENCH-CN-" + i).toString()));
        int interest = 10 + random.nextInt(50);
        int passed = 3 + random.nextInt(Math.min(interest - 2, 8));
        int bidders = 2 + random.nextInt(passed - 1);
        // in date order: a procurement's effective dates never go backwards
        requests.add(stage(base, "EXPRESSIONS_OF_INTEREST", on.plusDays(30)));
        requests.add(participation(base, "EXPRESSIONS_OF_INTEREST", interest, on.plusDays(60)));
        requests.add(stage(base, "SELECTION", on.plusDays(70)));
        requests.add(participation(base, "PASSED_SELECTION", passed, on.plusDays(100)));
        requests.add(stage(base, "INVITATION_TO_TENDER", on.plusDays(110)));
        requests.add(stage(base, "EVALUATION", on.plusDays(150)));
        requests.add(participation(base, "BIDS_RECEIVED", bidders, on.plusDays(150)));
        for (int b = 0; b < bidders; b++) {
            ObjectNode bid = JSON.createObjectNode().put("bidder", "Benchmark bidder " + b);
            money(bid.putObject("amount"), (30_000_000 + random.nextInt(20_000_000)) + ".00");
            requests.add(new Request(base + "/bids", bid.put("effectiveOn", on.plusDays(150).toString()).toString()));
        }
        if (random.nextInt(10) < 8) {
            ObjectNode award = JSON.createObjectNode().put("contractId", id + "-C")
                    .put("effectiveOn", on.plusMonths(9).toString());
            award.putArray("providers").addObject().put("name", "Benchmark bidder 0");
            money(award.putObject("value"), "45000000.00");
            award.put("kind", "SERVICE_CONTRACT");
            award.putObject("terms").put("startDate", on.plusMonths(15).toString()).put("initialTerm", "P5Y");
            requests.add(new Request(base + "/award", award.toString()));
        } else {
            requests.add(new Request(base + "/abandonment",
                    JSON.createObjectNode().put("effectiveOn", on.plusMonths(8).toString()).toString()));
        }
        return new Script(id, "PROCUREMENT", requests);
    }

    // ------------------------------------------------------------------------------------------------ contracts

    private Built build(int i, int target, int padding, LocalDate paddingBefore) {
        Random random = random("contract", i);
        Shape shape = Shape.values()[i % Shape.values().length];
        // every contract has started at least 200 days before today, so that go-live and early variations fit
        LocalDate start = LocalDate.of(2011, 1, 1).plusDays(random.nextInt(
                (int) (today.minusDays(200).toEpochDay() - LocalDate.of(2011, 1, 1).toEpochDay())));
        LocalDate awarded = start.minusDays(30 + random.nextInt(150));
        ContractTerms terms = terms(shape, start);
        ContractKind kind = shape == Shape.ANNUAL_BY_AGREEMENT ? ContractKind.SECTION_75_AGREEMENT
                : shape == Shape.OPTION_3_PLUS_7 ? ContractKind.ALLIANCE_AGREEMENT : ContractKind.SERVICE_CONTRACT;
        List<Party> commissioners = new ArrayList<>(List.of(new Party(pick(random, COMMISSIONERS))));
        if (random.nextInt(3) == 0) {
            Party second = new Party(pick(random, COMMISSIONERS));
            if (!commissioners.contains(second)) {
                commissioners.add(second);
            }
        }
        String id = contractId(i);
        Built built = new Built(id, shape.name());
        built.register(new ContractRegistered(ContractId.of(id),
                "Benchmark " + shape.name().toLowerCase().replace('_', ' ') + " " + i, kind, commissioners,
                List.of(new Party(pick(random, PROVIDERS))),
                Money.gbp(String.valueOf(100_000 + random.nextInt(50_000_000))), awarded, terms, null, null));
        built.attempt(start, t -> t.commence(start), commencement(start));
        int review = random.nextInt(20);
        if (review < 5) {
            built.attempt(start, t -> t.scheduleReviewPoint(start, start.plusMonths(3).minusDays(1),
                            ReviewKind.PERFORMANCE_REVIEW, "Quarterly contract review meeting", Period.ofMonths(3)),
                    review(start, start.plusMonths(3).minusDays(1), "PERFORMANCE_REVIEW",
                            "Quarterly contract review meeting", "P3M"));
        } else if (review < 8) {
            built.attempt(start, t -> t.scheduleReviewPoint(start, start.plusYears(1).minusDays(1),
                            ReviewKind.CONTRACT_REVIEW, "Annual review", Period.ofYears(1)),
                    review(start, start.plusYears(1).minusDays(1), "CONTRACT_REVIEW", "Annual review", "P1Y"));
        }
        if (padding > 0) {
            // variations between go-live and the first lifecycle event (or today): they change only the value
            LocalDate until = paddingBefore == null ? today : paddingBefore;
            long room = Math.max(0, until.toEpochDay() - start.toEpochDay());
            Random dates = random("padding", i);
            List<LocalDate> on = new ArrayList<>();
            for (int p = 0; p < padding; p++) {
                on.add(start.plusDays(room == 0 ? 0 : dates.nextLong(room + 1)));
            }
            on.sort(null);
            for (LocalDate date : on) {
                String change = (1_000 + dates.nextInt(90_000)) + ".00";
                built.attempt(date, t -> t.vary(date, Money.gbp(change), "Benchmark variation"),
                        variation(date, change));
            }
        }
        int lifecycleFrom = built.requests.size();
        for (int step = 0; step < 30 && built.requests.size() < target; step++) {
            ContractTimeline timeline = built.timeline;
            ContractState now = timeline.asOf(timeline.latestEffectiveDate());
            if (now.extensionDecisionDeadline() != null && random.nextInt(10) < 7) {
                LocalDate on = now.extensionDecisionDeadline().minusDays(random.nextInt(60));
                Period wanted = shape == Shape.OPTION_3_PLUS_7 ? Period.ofYears(random.nextBoolean() ? 3 : 7)
                        : Period.ofYears(1);
                Period length = now.extensionRemaining() != null
                        && now.extensionRemaining().toTotalMonths() < wanted.toTotalMonths()
                        ? now.extensionRemaining() : wanted;
                built.attempt(on, t -> t.exerciseExtension(length, on), extension(length, on));
            } else if (shape == Shape.ANNUAL_BY_AGREEMENT && now.status().isLive() && random.nextInt(10) < 9) {
                LocalDate on = now.endDate().minusDays(random.nextInt(40));
                built.attempt(on, t -> t.renew(on), effective("/renewals", on));
            } else if (shape == Shape.FIVE_THEN_ROLLING && now.nonRenewalNoticeDeadline() != null
                    && random.nextInt(10) == 0) {
                LocalDate on = now.nonRenewalNoticeDeadline().minusDays(random.nextInt(30));
                String by = commissioners.getFirst().name();
                built.attempt(on, t -> t.serveNotice(NoticeKind.NON_RENEWAL, on, by, null), nonRenewal(on, by));
            } else if ((shape == Shape.TEN_YEARS || shape == Shape.FIFTEEN_YEARS) && random.nextInt(30) == 0) {
                LocalDate on = start.plusDays(random.nextInt(3000));
                built.attempt(on, t -> t.terminate(on, "The provider", null), termination(on));
            }
            if (built.timeline == timeline) {
                break;
            }
            if (built.firstLifecycleDate == null && built.requests.size() > lifecycleFrom) {
                built.firstLifecycleDate = built.timeline.latestEffectiveDate();
            }
        }
        return built;
    }

    private static ContractTerms terms(Shape shape, LocalDate start) {
        return switch (shape) {
            case OPTION_3_PLUS_7 -> new ContractTerms(start, Period.ofYears(3), null,
                    List.of(new ExtensionOption(Period.ofYears(7), Period.ofMonths(6))), null, null);
            case FIVE_THEN_ROLLING -> new ContractTerms(start, Period.ofYears(5), null, List.of(),
                    new RenewalRule(RenewalMode.AUTOMATIC, Period.ofYears(1), Period.ofYears(3), Period.ofMonths(3),
                            null), Period.ofMonths(12));
            case TEN_YEARS -> new ContractTerms(start, Period.ofYears(10), null, List.of(), null, Period.ofMonths(6));
            case FIFTEEN_YEARS -> new ContractTerms(start, Period.ofYears(15), null, List.of(), null,
                    Period.ofMonths(12));
            case THREE_PLUS_ONE_PLUS_ONE -> new ContractTerms(start, Period.ofYears(3), null,
                    List.of(new ExtensionOption(Period.ofYears(1), Period.ofMonths(6)),
                            new ExtensionOption(Period.ofYears(1), Period.ofMonths(6))), null, Period.ofMonths(3));
            case ANNUAL_BY_AGREEMENT -> new ContractTerms(start, Period.ofYears(1), null, List.of(),
                    new RenewalRule(RenewalMode.BY_AGREEMENT, Period.ofYears(1), null, Period.ofMonths(3), null), null);
        };
    }

    /** The writes decided so far and the timeline they make; a refused decision leaves both unchanged. */
    private final class Built {
        final String id;
        final String shape;
        final List<Request> requests = new ArrayList<>();
        ContractTimeline timeline;
        LocalDate firstLifecycleDate;

        Built(String id, String shape) {
            this.id = id;
            this.shape = shape;
        }

        void register(ContractRegistered registered) {
            timeline = ContractTimeline.of(registered);
            requests.add(new Request("/api/contracts", registration(registered)));
        }

        void attempt(LocalDate on, Function<ContractTimeline, ContractEvent> decision, String body) {
            if (on.isAfter(today) || on.isBefore(timeline.latestEffectiveDate())) {
                return;
            }
            try {
                timeline = timeline.with(decision.apply(timeline));
            } catch (RuleViolation refused) {
                return;
            }
            String path = "/api/contracts/" + id + body.substring(0, body.indexOf(' '));
            requests.add(new Request(path, body.substring(body.indexOf(' ') + 1)));
        }

        Script script(int i) {
            return new Script(id, shape, List.copyOf(requests));
        }
    }

    // ------------------------------------------------------------------------------------------------ bodies
    // a body is prefixed with its path under the contract and a space: "/extensions {...}"

    private static String registration(ContractRegistered r) {
        ObjectNode body = JSON.createObjectNode().put("id", r.contractId().value()).put("title", r.title())
                .put("kind", r.kind().name());
        parties(body.putArray("commissioners"), r.commissioners());
        parties(body.putArray("providers"), r.providers());
        money(body.putObject("value"), r.value().amount().toPlainString());
        body.put("awardedOn", r.awardedOn().toString());
        ContractTerms t = r.terms();
        ObjectNode terms = body.putObject("terms").put("startDate", t.startDate().toString())
                .put("initialTerm", t.initialTerm().toString());
        if (!t.extensionOptions().isEmpty()) {
            ArrayNode options = terms.putArray("extensionOptions");
            t.extensionOptions().forEach(o -> options.addObject().put("maxLength", o.maxLength().toString())
                    .put("noticePeriod", o.noticePeriod().toString()));
        }
        if (t.renewal() != null) {
            ObjectNode renewal = terms.putObject("renewal").put("mode", t.renewal().mode().name())
                    .put("interval", t.renewal().interval().toString());
            if (t.renewal().rollingTerm() != null) {
                renewal.put("rollingTerm", t.renewal().rollingTerm().toString());
            }
            if (t.renewal().noticePeriod() != null) {
                renewal.put("noticePeriod", t.renewal().noticePeriod().toString());
            }
        }
        if (t.terminationNoticePeriod() != null) {
            terms.put("terminationNoticePeriod", t.terminationNoticePeriod().toString());
        }
        return body.toString();
    }

    private static void parties(ArrayNode array, List<Party> parties) {
        parties.forEach(p -> array.addObject().put("name", p.name()));
    }

    private static void money(ObjectNode node, String amount) {
        node.put("amount", amount).put("currency", "GBP");
    }

    private static String commencement(LocalDate on) {
        return effective("/commencement", on);
    }

    private static String effective(String path, LocalDate on) {
        return path + " " + JSON.createObjectNode().put("effectiveOn", on.toString());
    }

    private static String variation(LocalDate on) {
        return variation(on, "1000.00");
    }

    private static String variation(LocalDate on, String change) {
        ObjectNode body = JSON.createObjectNode().put("effectiveOn", on.toString());
        money(body.putObject("valueChange"), change);
        return "/variations " + body.put("description", "Benchmark variation");
    }

    private static String extension(Period length, LocalDate on) {
        return "/extensions " + JSON.createObjectNode().put("length", length.toString()).put("effectiveOn", on.toString());
    }

    private static String nonRenewal(LocalDate on, String by) {
        return "/notices " + JSON.createObjectNode().put("kind", "NON_RENEWAL").put("servedOn", on.toString())
                .put("servedBy", by);
    }

    private static String termination(LocalDate on) {
        return "/termination " + JSON.createObjectNode().put("effectiveOn", on.toString())
                .put("initiatedBy", "The provider");
    }

    private static String review(LocalDate on, LocalDate due, String kind, String description, String recurrence) {
        return "/review-points " + JSON.createObjectNode().put("effectiveOn", on.toString()).put("dueOn", due.toString())
                .put("kind", kind).put("description", description).put("recurrence", recurrence);
    }

    private static Request stage(String base, String stage, LocalDate on) {
        return new Request(base + "/stages", JSON.createObjectNode().put("stage", stage)
                .put("effectiveOn", on.toString()).toString());
    }

    private static Request participation(String base, String measure, int count, LocalDate on) {
        return new Request(base + "/participation", JSON.createObjectNode().put("measure", measure).put("count", count)
                .put("effectiveOn", on.toString()).toString());
    }

    static List<String> names(String first, int firsts, String second, int seconds) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= firsts; i++) {
            names.add("Benchmark " + i + " " + first);
        }
        for (int i = 1; i <= seconds; i++) {
            names.add("Benchmark " + i + " " + second);
        }
        return names;
    }

    /** A few large commissioners (and providers) hold much of the portfolio. */
    static String pick(Random random, List<String> names) {
        int index = (int) Math.min(names.size() - 1, Math.abs(random.nextGaussian()) * names.size() / 3);
        return names.get(index);
    }
}
