package org.commissioning.tracker.command.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk load (API.md, "Imports"): many contracts' histories in one request, held to every rule a request by request
 * load is held to, appended through Axon's event store in one transaction. All or nothing: any error and nothing is
 * stored, and the answer lists every error found (up to 100) with its line and request.
 *
 * <p>Reading and appending overlap: the request thread reads and decides the body's lines and hands them, a chunk at a
 * time, to an {@link ImportAppender.Pipelined} appender on one of a few worker threads owned by this controller, which
 * appends them in one transaction while the next lines are read (on two cores, one phase after the other left a core
 * idle in each). At the end the request thread tells it to commit or to roll back. A request that already runs in a
 * transaction (an {@code Idempotency-Key}'s) appends at the end in that transaction, as before.
 */
@RestController
@Tag(name = "Imports")
public class ContractImportController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ContractImportController.class);

    public static final String PATH = "/api/imports/contracts";
    public static final String NDJSON = "application/x-ndjson";
    static final String REJECTED = "import_rejected";

    private final ContractImporter importer;
    private final EventStore eventStore;
    private final ExistingContracts existing;
    private final TransactionTemplate transaction;
    private final ExecutorService appenders;
    private final int maxLines;

    /**
     * @param appenders worker threads for concurrent imports; each holds a database connection while its import is
     *                  read. Further imports wait for one (their readers block once a few chunks are queued).
     */
    ContractImportController(JsonMapper json, EventStore eventStore, JdbcTemplate jdbc,
                             PlatformTransactionManager transactions,
                             @Value("${tracker.imports.max-lines:10000}") int maxLines,
                             @Value("${tracker.imports.appenders:4}") int appenders) {
        this.importer = new ContractImporter(json, maxLines);
        this.eventStore = eventStore;
        this.existing = new ExistingContracts(jdbc);
        this.transaction = new TransactionTemplate(transactions);
        this.appenders = Executors.newFixedThreadPool(appenders,
                Thread.ofPlatform().name("import-appender-", 1).daemon().factory());
        this.maxLines = maxLines;
    }

    /** Interrupts imports still being appended (they roll back) and stops the worker threads. */
    @Override
    public void destroy() {
        appenders.shutdownNow();
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
        ImportAppender.Appended appended;
        long read;
        try (ImportAppender appender = appender();
             BufferedReader body = new BufferedReader(
                     new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            outcome = importer.read(body, importing, appender::append);
            read = System.nanoTime();
            if (outcome.tooManyLines()) {
                return problem(Problems.problem(413, "payload_too_large", "The request is too large",
                        "An import holds at most " + maxLines + " contracts (lines); split it into several requests"));
            }
            if (outcome.contracts() == 0) {
                return problem(Problems.invalid("body", "must hold at least one line, one contract's requests"));
            }
            appended = appender.finish(outcome.errors().isEmpty());
        } catch (RequestLimits.PayloadTooLarge e) {
            return problem(Problems.problem(413, "payload_too_large", "The request is too large", e.getMessage()));
        }
        if (appended.failure() instanceof AggregateStreamCreationException
                || appended.failure() instanceof ConcurrencyException) {
            return raced(outcome);
        }
        if (appended.failure() != null) {
            throw appended.failure();
        }
        List<ImportError> errors = merged(outcome.errors(), appended.clashes());
        if (!errors.isEmpty()) {
            return rejected(errors, outcome.truncated() || errors.size() > ContractImporter.MAX_ERRORS);
        }
        log.info("Imported {} contracts ({} events) for {} in {} ms: read and decided in {} ms (appending alongside), "
                        + "then {} ms to append the rest and commit", outcome.contracts(), outcome.events(),
                recorder.user(), (System.nanoTime() - started) / 1_000_000, (read - started) / 1_000_000,
                (System.nanoTime() - read) / 1_000_000);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Imported(outcome.contracts(), outcome.events()));
    }

    private ImportAppender appender() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? new ImportAppender.InCallersTransaction(transaction, eventStore, existing)
                : new ImportAppender.Pipelined(appenders, transaction, eventStore, existing);
    }

    /** The reader's errors and the store's clashes (never on the same line) in line order; more than the cap is cut. */
    private static List<ImportError> merged(List<ImportError> errors, List<ImportError> clashes) {
        return Stream.concat(errors.stream(), clashes.stream())
                .sorted(Comparator.comparingInt(ImportError::line))
                .limit(ContractImporter.MAX_ERRORS + 1L) // one more: tells the caller the list was cut
                .toList();
    }

    /**
     * Another request registered (or wrote to) one of the import's contracts between the lookup and the append, and
     * the append rolled back: the contracts that exist now, with the reader's errors, or a retry when none does.
     */
    private ResponseEntity<?> raced(ContractImporter.Outcome outcome) {
        List<ImportError> errors = merged(outcome.errors(), existing.in(outcome.lineOfContract()));
        if (errors.isEmpty()) {
            return problem(Problems.rejected(Rejection.CONCURRENT_MODIFICATION, "Another request wrote to one of "
                    + "the imported contracts at the same time; nothing was stored. Retry the import."));
        }
        return rejected(errors, outcome.truncated() || errors.size() > ContractImporter.MAX_ERRORS);
    }

    private static ResponseEntity<?> rejected(List<ImportError> found, boolean truncated) {
        List<ImportError> errors = found.size() > ContractImporter.MAX_ERRORS
                ? found.subList(0, ContractImporter.MAX_ERRORS) : found;
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
