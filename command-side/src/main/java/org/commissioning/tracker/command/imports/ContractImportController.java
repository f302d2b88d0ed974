package org.commissioning.tracker.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.commissioning.tracker.command.web.Recorder;
import org.commissioning.tracker.command.web.Recording;
import org.commissioning.tracker.platform.web.Problems;
import org.commissioning.tracker.platform.web.RequestLimits;
import org.commissioning.tracker.shared.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk load (API.md, "Imports"): many contracts' histories in one request, held to every rule a request by request
 * load is held to, appended through Axon's event store in one transaction. All or nothing: any error and nothing is
 * stored, and the answer lists every error found (up to 100) with its line and request.
 */
@RestController
@Tag(name = "Imports")
public class ContractImportController {

    private static final Logger log = LoggerFactory.getLogger(ContractImportController.class);

    public static final String PATH = "/api/imports/contracts";
    public static final String NDJSON = "application/x-ndjson";
    static final String REJECTED = "import_rejected";

    private final ContractImporter importer;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int maxLines;

    ContractImportController(JsonMapper json, EventStore eventStore, JdbcTemplate jdbc,
                             PlatformTransactionManager transactions,
                             @Value("${tracker.imports.max-lines:10000}") int maxLines) {
        this.importer = new ContractImporter(json, maxLines);
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.maxLines = maxLines;
    }

    /** The answer to an import: how many contracts and events were stored. */
    public record Imported(int contracts, long events) {
    }

    @PostMapping(path = PATH, consumes = NDJSON)
    @Operation(summary = "Import many contracts' histories at once (NDJSON, one contract a line); all or nothing")
    ResponseEntity<?> importContracts(HttpServletRequest request, Recorder recorder) throws IOException {
        // one correlation id for the whole import, validated before anything is read
        String correlationId = recorder.correlationId() == null || recorder.correlationId().isBlank()
                ? UUID.randomUUID().toString() : recorder.correlationId();
        Recorder importing = new Recorder(recorder.user(), correlationId);
        new Recording(importing.user(), null, correlationId);

        long started = System.nanoTime();
        ContractImporter.Outcome outcome;
        try (BufferedReader body = new BufferedReader(
                new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            outcome = importer.read(body, importing);
        } catch (RequestLimits.PayloadTooLarge e) {
            return problem(Problems.problem(413, "payload_too_large", "The request is too large", e.getMessage()));
        }
        if (outcome.tooManyLines()) {
            return problem(Problems.problem(413, "payload_too_large", "The request is too large",
                    "An import holds at most " + maxLines + " contracts (lines); split it into several requests"));
        }
        if (outcome.contracts() == 0) {
            return problem(Problems.invalid("body", "must hold at least one line, one contract's requests"));
        }
        List<ImportError> errors = new ArrayList<>(outcome.errors());
        if (errors.size() < ContractImporter.MAX_ERRORS) {
            errors.addAll(existing(outcome.lineOfContract()));
        }
        if (!errors.isEmpty()) {
            return rejected(errors, outcome.truncated());
        }
        long decided = System.nanoTime();
        try {
            transaction.executeWithoutResult(status -> eventStore.publish(outcome.events()));
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            return raced(outcome);
        }
        log.info("Imported {} contracts ({} events) for {}: read and decided in {} ms, appended in {} ms",
                outcome.contracts(), outcome.events().size(), recorder.user(), (decided - started) / 1_000_000,
                (System.nanoTime() - decided) / 1_000_000);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Imported(outcome.contracts(), outcome.events().size()));
    }

    /** The import's contracts that are in the event store already, as errors at their lines. */
    private List<ImportError> existing(Map<String, Integer> lineOfContract) {
        if (lineOfContract.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> byAggregateId = ContractImporter.byAggregateId(lineOfContract);
        List<String> found = jdbc.execute((java.sql.Connection connection) -> {
            Array ids = connection.createArrayOf("varchar", byAggregateId.keySet().toArray());
            try (var statement = connection.prepareStatement("""
                    select aggregate_identifier from domain_event_entry
                    where aggregate_identifier = any (?) and sequence_number = 0""")) {
                statement.setArray(1, ids);
                List<String> rows = new ArrayList<>();
                try (var result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            } finally {
                ids.free();
            }
        });
        return found.stream()
                .map(id -> ContractImporter.alreadyExists(byAggregateId.get(id),
                        id.substring(id.indexOf(':') + 1), "registered before"))
                .sorted(Comparator.comparingInt(ImportError::line))
                .limit(ContractImporter.MAX_ERRORS)
                .toList();
    }

    /** Another request registered one of the import's contracts between the check and the append. */
    private ResponseEntity<?> raced(ContractImporter.Outcome outcome) {
        List<ImportError> errors = existing(outcome.lineOfContract());
        if (errors.isEmpty()) {
            return problem(Problems.rejected(Rejection.CONCURRENT_MODIFICATION, "Another request wrote to one of "
                    + "the imported contracts at the same time; nothing was stored. Retry the import."));
        }
        return rejected(errors, false);
    }

    private static ResponseEntity<?> rejected(List<ImportError> errors, boolean truncated) {
        boolean onlyClashes = errors.stream().allMatch(e -> Rejection.ALREADY_EXISTS.code().equals(e.code()));
        String detail = (truncated ? "At least " : "") + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + " (first: line " + errors.getFirst().line() + ", " + errors.getFirst().message()
                + "); nothing was stored";
        ProblemDetail problem = onlyClashes
                ? Problems.rejected(Rejection.ALREADY_EXISTS, detail)
                : Problems.problem(400, REJECTED, "The import was refused", detail);
        problem.setProperty("errors", errors);
        if (truncated) {
            problem.setProperty("truncated", true);
        }
        return problem(problem);
    }

    private static ResponseEntity<?> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
