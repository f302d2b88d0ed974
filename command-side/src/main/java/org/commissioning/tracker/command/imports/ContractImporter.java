package org.commissioning.tracker.command.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.command.contract.Contract;
import org.commissioning.tracker.command.contract.ContractRequests.ContractRequest;
import org.commissioning.tracker.command.contract.ContractWrite;
import org.commissioning.tracker.command.web.Recorder;
import org.commissioning.tracker.platform.web.FieldError;
import org.commissioning.tracker.platform.web.ProblemHandling;
import org.commissioning.tracker.platform.web.Problems;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractCommands.RegisterContract;
import org.commissioning.tracker.shared.contract.ContractDecisions;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import body (NDJSON, one contract a line) and decides every request in it exactly as the single endpoints
 * would: the same body types and validation ({@link ContractWrite}), the same decisions ({@link ContractDecisions}), the
 * same metadata. It keeps nothing itself: it hands the events the contracts' streams would hold to an appender in
 * {@link Chunk}s of {@link #CHUNK_LINES} lines as it goes, and answers every error found (up to {@link #MAX_ERRORS}),
 * for the caller to commit what was appended or refuse the import as a whole.
 *
 * <p>Lines are read one at a time and handed over a chunk at a time, so memory holds a chunk's events, not the body's.
 * After the first error nothing more is worth appending: later chunks carry only their contracts (for the caller to
 * report those that exist already), no events.
 */
final class ContractImporter {

    static final int MAX_ERRORS = 100;
    /**
     * Lines a chunk holds: small enough that appending overlaps most of the reading (the last chunk is all that is left
     * to append once the body is read), large enough that each append is an efficient batch (~1,000 events).
     */
    static final int CHUNK_LINES = 100;
    /** The aggregate type Axon records for a contract's events: the aggregate class's simple name. */
    static final String AGGREGATE_TYPE = Contract.class.getSimpleName();

    /** A line: the requests a client would send for one contract, the registration first. */
    record ImportLine(List<ImportRequest> requests) {
    }

    /** One request: its path as a client would send it and its body. */
    record ImportRequest(String path, JsonNode body) {
    }

    /**
     * Consecutive lines' worth of the import: their decided events, in order (none once the import has an error), and
     * their accepted contracts with their lines.
     */
    record Chunk(List<DomainEventMessage<?>> events, Map<String, Integer> lineOfContract) {
    }

    /**
     * What a body held: the number of contracts (lines) and of events decided, the accepted contracts with their lines,
     * and the errors that refuse it; {@code tooManyLines} when reading stopped at the limit.
     */
    record Outcome(int contracts, long events, Map<String, Integer> lineOfContract, List<ImportError> errors,
                   boolean truncated, boolean tooManyLines) {
    }

    private final JsonMapper json;
    private final ObjectReader lines;
    private final int maxLines;

    ContractImporter(JsonMapper json, int maxLines) {
        this.json = json;
        // amounts keep every digit they were sent with, as when a body is read straight into its request type
        this.lines = json.readerFor(ImportLine.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        this.maxLines = maxLines;
    }

    /**
     * @param body     the NDJSON body
     * @param recorder who imports, with the request's correlation id (one for every event of the import)
     * @param appender takes each chunk, in the body's order, as soon as its lines are decided
     */
    Outcome read(BufferedReader body, Recorder recorder, Consumer<Chunk> appender) throws IOException {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<String, Integer> chunkContracts = new LinkedHashMap<>();
        Map<String, Integer> lineOfContract = new LinkedHashMap<>();
        List<ImportError> errors = new ArrayList<>();
        int lineNumber = 0;
        int contracts = 0;
        int linesInChunk = 0;
        long decided = 0;
        boolean truncated = false;
        String text;
        while ((text = body.readLine()) != null) {
            lineNumber++;
            if (text.isBlank()) {
                continue;
            }
            if (++contracts > maxLines) {
                return new Outcome(contracts, decided, lineOfContract, List.of(), false, true);
            }
            if (errors.size() < MAX_ERRORS) {
                int before = events.size();
                String contract = readLine(lineNumber, text, recorder, events, lineOfContract, errors);
                if (contract != null) {
                    chunkContracts.put(contract, lineNumber);
                    decided += events.size() - before;
                }
            } else {
                truncated = true; // only counted from here: the answer is a refusal either way
            }
            if (++linesInChunk == CHUNK_LINES) {
                handOver(appender, events, chunkContracts, errors);
                linesInChunk = 0;
            }
        }
        handOver(appender, events, chunkContracts, errors);
        return new Outcome(contracts, decided, lineOfContract, errors, truncated, false);
    }

    /** Hands the chunk gathered so far to the appender (its events only while the import has no error). */
    private static void handOver(Consumer<Chunk> appender, List<DomainEventMessage<?>> events,
                                 Map<String, Integer> chunkContracts, List<ImportError> errors) {
        if (!chunkContracts.isEmpty()) {
            appender.accept(new Chunk(errors.isEmpty() ? List.copyOf(events) : List.of(), Map.copyOf(chunkContracts)));
        }
        events.clear();
        chunkContracts.clear();
    }

    /** Reads and decides one line: answers its contract once its events are added, else null (an error added). */
    private String readLine(int lineNumber, String text, Recorder recorder, List<DomainEventMessage<?>> events,
                            Map<String, Integer> lineOfContract, List<ImportError> errors) {
        ImportLine line;
        try {
            line = lines.readValue(text);
        } catch (JacksonException | InvalidValueException e) {
            errors.add(invalid(lineNumber, null, null, ProblemHandling.unreadable(e)));
            return null;
        }
        if (line.requests() == null || line.requests().isEmpty()) {
            errors.add(invalid(lineNumber, null, null, new FieldError("requests",
                    "must list the contract's requests, its registration first")));
            return null;
        }
        List<DomainEventMessage<?>> decided = new ArrayList<>();
        ContractTimeline timeline = null;
        ContractId contract = null;
        for (int index = 0; index < line.requests().size(); index++) {
            ImportRequest request = line.requests().get(index);
            String path = request == null ? null : request.path();
            try {
                if (request == null || path == null) {
                    throw new InvalidValueException("path", "is required, e.g. " + ContractWrite.BASE);
                }
                ContractWrite.Target target = target(path, index, contract);
                ContractRequest body = body(request.body(), target.write());
                Object command = target.write().command(contract, target.reviewId(), body);
                if (command instanceof RegisterContract registration) {
                    contract = registration.contractId();
                }
                ContractEvent event = ContractDecisions.decide(timeline, command);
                timeline = timeline == null ? ContractTimeline.of(event) : timeline.with(event);
                decided.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, contract.toString(), index, event,
                        MetaData.from(recorder.because(body.reason()).metaData())));
            } catch (InvalidValueException e) {
                errors.add(invalid(lineNumber, index, path, new FieldError(e.field(), e.reason())));
                return null;
            } catch (JacksonException e) {
                errors.add(invalid(lineNumber, index, path, ProblemHandling.unreadable(e)));
                return null;
            } catch (RuleViolation e) {
                errors.add(new ImportError(lineNumber, index, path, e.code().code(), null, e.getMessage()));
                return null;
            }
        }
        Integer earlier = lineOfContract.putIfAbsent(contract.value(), lineNumber);
        if (earlier != null) {
            errors.add(alreadyExists(lineNumber, contract.value(), "line " + earlier + " of this import"));
            return null;
        }
        events.addAll(decided);
        return contract.value();
    }

    /** The endpoint a path names; the first request must be the registration, the others must name its contract. */
    private static ContractWrite.Target target(String path, int index, ContractId contract) {
        Optional<ContractWrite.Target> found = ContractWrite.of(path);
        if (found.isEmpty()) {
            throw new InvalidValueException("path", "is not a contract write endpoint: " + path);
        }
        ContractWrite.Target target = found.get();
        boolean registration = target.write() == ContractWrite.REGISTER;
        if (index == 0 && !registration) {
            throw new InvalidValueException("path", "must be " + ContractWrite.BASE
                    + ": a line's first request registers its contract");
        }
        if (index > 0 && registration) {
            throw new InvalidValueException("path", "registers a second contract; a line holds one contract's requests");
        }
        if (index > 0 && !target.contractId().equals(contract.value())) {
            throw new InvalidValueException("path", "names contract '" + target.contractId()
                    + "'; every request of a line must name the contract it registers, '" + contract.value() + "'");
        }
        return target;
    }

    private ContractRequest body(JsonNode body, ContractWrite write) {
        if (body == null || !body.isObject()) {
            throw new InvalidValueException("body", "is required and must be a JSON object");
        }
        return json.treeToValue(body, write.body());
    }

    static ImportError alreadyExists(int line, String contractId, String where) {
        return new ImportError(line, 0, ContractWrite.BASE, Rejection.ALREADY_EXISTS.code(), null,
                "A contract with id '" + contractId + "' already exists (" + where + ")");
    }

    private static ImportError invalid(int line, Integer request, String path, FieldError error) {
        return new ImportError(line, request, path, Problems.VALIDATION_FAILED, error.field(),
                error.field() + ": " + error.message());
    }

    /** For lookups of which contracts exist: the event store's identifiers of the import's contracts. */
    static Map<String, Integer> byAggregateId(Map<String, Integer> lineOfContract) {
        Map<String, Integer> byId = new HashMap<>();
        lineOfContract.forEach((id, line) -> byId.put(ContractId.AGGREGATE_PREFIX + id, line));
        return byId;
    }
}
