package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of random and malformed requests (random JSON, wrong types, huge numbers, unicode, random paths and
 * methods) mixed with random sequences of valid-looking commands: never a 500, never a gap in a stream, and for every
 * contract touched, the query side's answer on several dates equals the fold of its stored events. Reproducible: the
 * seed is {@code -Dtracker.test.seed} (default below), printed with any failure.
 */
class HostileInputTest extends EndToEndTest {

    private static final int REQUESTS = Integer.getInteger("tracker.test.requests", 2_500);
    private static final long SEED = Long.getLong("tracker.test.seed", 20_261_122L);
    private static final List<String> CONTRACTS = List.of("FUZZ-A", "FUZZ-B", "FUZZ-C", "FUZZ-D");
    private static final List<String> ACTIONS = List.of("commencement", "extensions", "renewals", "notices",
            "termination", "variations", "review-points", "review-points/R1/completion", "review-points/R2/completion");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> WEIRD = List.of("", " ", "null", "-1", "1e309", "99999999999999999999999999999999",
            "\u0000", "\uD83D\uDE00\u202E\u200B", "é\u0301", "Ω≈ç√", "../../etc/passwd", "<script>", "' OR 1=1 --",
            "P-1Y", "P0D", "P999999Y", "0000-00-00", "2024-02-30", "2023-02-29", "2024-02-29", "+999999999-12-31",
            "1899-12-31", "3000-01-01", "GBP", "XXX", "12.345", "-0.00");

    @Autowired
    EventStore eventStore;
    @Autowired
    JsonMapper json;

    private final Random random = new Random(SEED);

    @Test
    void randomAndMalformedRequestsNeverFailWithA500AndEveryContractEqualsTheFoldOfItsEvents() {
        for (String id : CONTRACTS) {
            write("/api/contracts", """
                    {"id": "%s", "title": "Fuzzed", "kind": "SERVICE_CONTRACT",
                     "commissioners": [{"name": "NHS Cornwall and Isles of Scilly ICB"}],
                     "providers": [{"name": "Cornwall Partnership NHS FT"}],
                     "value": {"amount": "750000.00", "currency": "GBP"}, "awardedOn": "2024-01-15",
                     "terms": {"startDate": "2024-04-01", "initialTerm": "P2Y",
                               "extensionOptions": [{"maxLength": "P2Y", "noticePeriod": "P3M"}],
                               "renewal": {"mode": "BY_AGREEMENT", "interval": "P1Y", "maxRenewals": 2},
                               "terminationNoticePeriod": "P6M"}}""".formatted(id));
        }
        List<String> failures = new ArrayList<>();
        int[] byStatus = new int[6];
        for (int i = 0; i < REQUESTS; i++) {
            String[] request = switch (random.nextInt(5)) {
                case 0, 1 -> validLookingCommand();
                case 2 -> mutatedCommand();
                case 3 -> new String[] {"POST", contractPath(), randomJson(0)};
                default -> new String[] {pick(METHODS), randomPath(), random.nextBoolean() ? randomJson(0) : garbage()};
            };
            Response response;
            try {
                response = api.send(request[0], request[1], request[2]);
            } catch (RuntimeException e) {
                failures.add(request[0] + " " + request[1] + " " + request[2] + " -> " + e);
                continue;
            }
            byStatus[response.status() / 100]++;
            if (response.status() >= 500) {
                failures.add(request[0] + " " + request[1] + " " + request[2] + " -> " + response.status() + " "
                        + response.body());
            }
        }
        System.out.printf("RELIABILITY hostile input (seed %d): %d requests, 2xx %d, 4xx %d, 5xx %d%n", SEED,
                REQUESTS, byStatus[2], byStatus[4], byStatus[5]);
        assertThat(failures).as("seed %d", SEED).isEmpty();

        for (String id : CONTRACTS) {
            long events = eventsOf(id);
            List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry"
                    + " where aggregate_identifier = ? order by sequence_number", Long.class, "contract:" + id);
            assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
            for (String asOf : List.of("2024-01-15", "2024-04-01", "2025-02-28", "2025-12-31", "2026-03-31",
                    "2026-04-01", "2027-06-30", "2028-04-01", "2031-01-01")) {
                assertThat(contract(id, "asOf=" + asOf + "&minVersion=" + (events - 1)))
                        .as("%s as of %s (seed %d)", id, asOf, SEED)
                        .isEqualTo(Folds.expected(eventStore, json, id, LocalDate.parse(asOf)));
            }
        }
    }

    /** Per contract, the date valid-looking commands move forward from (effective dates may not go backwards). */
    private final java.util.Map<String, LocalDate> cursor = new java.util.HashMap<>();

    private String[] validLookingCommand() {
        // mostly commands that leave the contract open to more, so that streams grow long; endings now and then
        String action = random.nextInt(10) < 7 ? pick(List.of("variations", "review-points", "extensions",
                "review-points/R1/completion", "commencement")) : pick(ACTIONS);
        String contract = pick(CONTRACTS);
        LocalDate next = cursor.getOrDefault(contract, LocalDate.of(2024, 3, 1)).plusDays(random.nextInt(40));
        cursor.put(contract, next);
        String date = random.nextInt(5) == 0 ? date() : next.toString();
        String body = switch (action) {
            case "commencement", "renewals" -> "{\"effectiveOn\": \"%s\"}".formatted(date);
            case "extensions" -> "{\"effectiveOn\": \"%s\", \"length\": \"%s\"}".formatted(date, period());
            case "notices" -> "{\"kind\": \"%s\", \"servedOn\": \"%s\", \"servedBy\": \"%s\"%s}".formatted(
                    random.nextBoolean() ? "NON_RENEWAL" : "TERMINATION", date,
                    random.nextBoolean() ? "commissioner" : "Cornwall Partnership NHS FT",
                    random.nextBoolean() ? "" : ", \"takesEffectOn\": \"" + date() + "\"");
            case "termination" -> "{\"effectiveOn\": \"%s\", \"initiatedBy\": \"ICB\"}".formatted(date);
            case "variations" -> ("{\"effectiveOn\": \"%s\", \"valueChange\": {\"amount\": \"%d.%02d\", "
                    + "\"currency\": \"GBP\"}, \"description\": \"%s\"}").formatted(date, random.nextInt(200_000)
                    - 100_000, random.nextInt(100), pick(WEIRD).replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\u0000", "\\u0000") + " change");
            case "review-points" -> ("{\"effectiveOn\": \"%s\", \"dueOn\": \"%s\", \"kind\": \"%s\", "
                    + "\"description\": \"Review\"%s}").formatted(date, date(),
                    pick(List.of("CONTRACT_REVIEW", "PERFORMANCE_REVIEW", "BREAK_POINT", "TRANSITION_END")),
                    random.nextBoolean() ? "" : ", \"recurrence\": \"" + period() + "\"");
            default -> "{\"effectiveOn\": \"%s\", \"outcome\": \"Done\"}".formatted(date);
        };
        return new String[] {"POST", "/api/contracts/" + contract + "/" + action, body};
    }

    /** A valid-looking command with one value replaced by something hostile, or the JSON cut short. */
    private String[] mutatedCommand() {
        String[] command = validLookingCommand();
        String body = command[2];
        body = switch (random.nextInt(5)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> body.replaceFirst("\"\\d{4}-\\d{2}-\\d{2}\"", jsonValue(0));
            case 2 -> body.replaceFirst("\\{", "{\"" + pick(WEIRD).replace("\"", "") + "\": " + jsonValue(0) + ", ");
            case 3 -> body.replaceFirst("\"[A-Z_]{4,}\"", jsonValue(0));
            default -> body.replaceFirst("\"P\\d+[YMD]\"", jsonValue(0));
        };
        return new String[] {command[0], command[1], body};
    }

    private String contractPath() {
        return random.nextInt(4) == 0 ? "/api/contracts"
                : "/api/contracts/" + pick(CONTRACTS) + "/" + pick(ACTIONS);
    }

    private String randomPath() {
        StringBuilder path = new StringBuilder(random.nextBoolean() ? "/api" : "");
        int segments = random.nextInt(5);
        for (int i = 0; i < segments; i++) {
            String segment = switch (random.nextInt(4)) {
                case 0 -> pick(List.of("contracts", "procurements", "admin", "review-points", "actuator"));
                case 1 -> pick(CONTRACTS);
                case 2 -> pick(ACTIONS);
                default -> pick(WEIRD);
            };
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        if (random.nextInt(3) == 0) {
            path.append("?asOf=").append(URLEncoder.encode(pick(WEIRD), StandardCharsets.UTF_8))
                    .append("&knownAt=").append(URLEncoder.encode(pick(WEIRD), StandardCharsets.UTF_8))
                    .append("&minVersion=").append(URLEncoder.encode(pick(WEIRD), StandardCharsets.UTF_8));
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private String randomJson(int depth) {
        if (depth > 3 || random.nextInt(3) == 0) {
            return jsonValue(depth);
        }
        StringBuilder out = new StringBuilder();
        boolean object = random.nextBoolean();
        out.append(object ? '{' : '[');
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (object) {
                out.append('"').append(pick(List.of("id", "effectiveOn", "length", "kind", "terms", "value", "amount",
                        "currency", "reason", "recordedBy", "x", "servedOn", "valueChange"))).append("\":");
            }
            out.append(randomJson(depth + 1));
        }
        return out.append(object ? '}' : ']').toString();
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> "1" + "0".repeat(random.nextInt(60)) + (random.nextBoolean() ? ".5" : "");
            case 4 -> "-" + random.nextDouble() + "e" + random.nextInt(400);
            case 5 -> json.writeValueAsString(pick(WEIRD));
            case 6 -> json.writeValueAsString(date());
            default -> depth < 3 ? randomJson(depth + 1) : "\"" + "x".repeat(random.nextInt(3000)) + "\"";
        };
    }

    private String garbage() {
        return pick(List.of("", "{", "}", "[1,2", "{\"a\":}", "\uFEFF{}", "{}{}", "nul", "{\"id\": \"\\ud800\"}",
                "[".repeat(100), "{\"a\":".repeat(40) + "1" + "}".repeat(40), "\"just a string\"", "42"));
    }

    private String date() {
        return LocalDate.of(2023, 6, 1).plusDays(random.nextInt(365 * 6)).toString();
    }

    private String period() {
        return pick(List.of("P1M", "P3M", "P6M", "P1Y", "P18M", "P2Y", "P3Y", "P0D", "P1D"));
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
