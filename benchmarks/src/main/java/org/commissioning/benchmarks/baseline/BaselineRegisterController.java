package org.commissioning.benchmarks.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The same write paths as the product's contract API, each a read-modify-write of one row in one transaction, and the
 * key-dates window. Validation is what such a register would do: the row must exist, dates must not go backwards.
 */
@RestController
class BaselineRegisterController {

    private final BaselineContracts contracts;

    BaselineRegisterController(BaselineContracts contracts, JdbcTemplate jdbc) {
        this.contracts = contracts;
        for (String column : List.of("end_date", "extension_deadline", "non_renewal_deadline", "renewal_point",
                "review_due", "termination_on")) {
            jdbc.execute("create index if not exists baseline_" + column + "_idx on baseline_contract (" + column + ")");
        }
    }

    @PostMapping("/api/contracts")
    @Transactional
    ResponseEntity<Map<String, Object>> register(@RequestBody JsonNode body) {
        String id = body.get("id").asString();
        if (contracts.existsById(id)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", "already_exists"));
        }
        JsonNode terms = body.get("terms");
        BaselineContract c = new BaselineContract();
        c.id = id;
        c.title = body.get("title").asString();
        c.kind = body.get("kind").asString();
        c.commissioner = body.get("commissioners").get(0).get("name").asString();
        c.provider = body.get("providers").get(0).get("name").asString();
        c.amount = new BigDecimal(body.get("value").get("amount").asString());
        c.awardedOn = date(body, "awardedOn");
        c.startDate = date(terms, "startDate");
        c.endDate = c.startDate.plus(Period.parse(terms.get("initialTerm").asString())).minusDays(1);
        c.status = "ACTIVE";
        if (terms.has("extensionOptions")) {
            for (JsonNode option : terms.get("extensionOptions")) {
                c.extensionMonthsLeft += (int) Period.parse(option.get("maxLength").asString()).toTotalMonths();
                c.extensionNoticeMonths = (int) Period.parse(option.get("noticePeriod").asString()).toTotalMonths();
            }
        }
        if (terms.has("renewal")) {
            JsonNode renewal = terms.get("renewal");
            c.renewalMode = renewal.get("mode").asString();
            c.renewalMonths = (int) Period.parse(renewal.get("interval").asString()).toTotalMonths();
            c.renewalNoticeMonths = renewal.has("noticePeriod")
                    ? (int) Period.parse(renewal.get("noticePeriod").asString()).toTotalMonths() : 0;
        }
        c.latestEffective = c.awardedOn;
        c.recomputeDates();
        contracts.save(c);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "version", 0));
    }

    @PostMapping("/api/contracts/{id}/{action}")
    @Transactional
    ResponseEntity<Map<String, Object>> record(@PathVariable String id, @PathVariable String action,
                                               @RequestBody JsonNode body) {
        BaselineContract c = contracts.findById(id).orElse(null);
        if (c == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "unknown_contract"));
        }
        LocalDate on = date(body, action.equals("notices") ? "servedOn" : "effectiveOn");
        if (on.isBefore(c.latestEffective)) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of("code", "out_of_order"));
        }
        c.latestEffective = on;
        switch (action) {
            case "commencement" -> c.commencedOn = on;
            case "extensions" -> {
                int months = (int) Period.parse(body.get("length").asString()).toTotalMonths();
                c.endDate = c.endDate.plusDays(1).plusMonths(months).minusDays(1);
                c.extensionMonthsLeft -= months;
            }
            case "renewals" -> c.endDate = c.endDate.plusDays(1).plusMonths(c.renewalMonths).minusDays(1);
            case "notices" -> {
                c.renewalMode = null;
                c.status = "NOTICE_SERVED";
            }
            case "termination" -> {
                c.terminationOn = on;
                c.status = "TERMINATED";
                c.extensionMonthsLeft = 0;
                c.renewalMode = null;
            }
            case "variations" -> c.amount = c.amount.add(new BigDecimal(body.get("valueChange").get("amount").asString()));
            case "review-points" -> c.reviewDue = date(body, "dueOn");
            default -> {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("code", "unknown_action"));
            }
        }
        c.recomputeDates();
        contracts.save(c);
        return ResponseEntity.ok(Map.of("id", id, "version", c.version + 1));
    }

    @GetMapping("/api/key-dates")
    @Transactional(readOnly = true)
    Map<String, Object> keyDates(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate until = to == null ? from.plusDays(90) : to;
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object[] row : contracts.keyDates(from, until)) {
            items.add(Map.of("date", row[0].toString(), "kind", row[1], "contractId", row[2], "title", row[3]));
        }
        return Map.of("items", items, "page", 0, "size", 50, "total", contracts.countKeyDates(from, until));
    }

    private static LocalDate date(JsonNode node, String field) {
        return LocalDate.parse(node.get(field).asString());
    }
}
