package org.commissioning.tracker.platform.web;

import java.util.List;
import java.util.stream.Collectors;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error as {@code application/problem+json} with a stable {@code code}: 400 {@code validation_failed} naming the
 * fields at fault, the business rules' codes with their status, and never a 500 for bad input.
 *
 * <p>An auto-configuration, so that every application gets it: the command side and the query side scan only their
 * own packages, and without it there a refused command was a bare 500 in the split deployment. The standalone
 * application, whose scan covers this package too, leaves it to the auto-configuration (Spring Boot's
 * {@code AutoConfigurationExcludeFilter}), so it is registered once.
 */
@AutoConfiguration
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return respond(Problems.rejected(violation.code(), violation.getMessage()));
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException invalid) {
        return respond(Problems.invalid(invalid.field(), invalid.reason()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "a valid value"
                : describe(mismatch.getRequiredType());
        return respond(Problems.invalid(mismatch.getName(), "must be " + expected + "; got '" + mismatch.getValue() + "'"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseUnavailable(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return respond(Problems.problem(503, "database_unavailable", "The database is unavailable",
                    "The database cannot be reached; nothing was stored. Try again shortly."));
        }
        InvalidValueException invalid = causeOfType(e, InvalidValueException.class);
        if (invalid != null) {
            return invalidValue(invalid);
        }
        RuleViolation violation = causeOfType(e, RuleViolation.class);
        if (violation != null) {
            return ruleViolation(violation);
        }
        log.error("Unexpected failure", e);
        return respond(Problems.problem(500, "internal_error", "Internal error",
                "The request could not be completed; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        RequestLimits.PayloadTooLarge tooLarge = causeOfType(e, RequestLimits.PayloadTooLarge.class);
        if (tooLarge != null) {
            return body(Problems.problem(413, "payload_too_large", "The request is too large", tooLarge.getMessage()));
        }
        return body(Problems.invalid(List.of(unreadable(e))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return body(Problems.invalid(e.getParameterName(), "is required"));
    }

    /** The framework's own problems (404 no such path, 405, 415...) get a code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(statusCode));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * The field at fault in a body that could not be read (malformed JSON, an unknown field, a bad value): the same
     * answer for a body read by Spring MVC and for one read by hand (the bulk import reads many per request).
     */
    public static FieldError unreadable(Throwable e) {
        InvalidValueException invalid = causeOfType(e, InvalidValueException.class);
        JacksonException jackson = causeOfType(e, JacksonException.class);
        String path = jackson == null ? "" : path(jackson);
        if (invalid != null) {
            return new FieldError(join(parentOf(path, invalid.field()), invalid.field()), invalid.reason());
        }
        return switch (jackson) {
            case null -> new FieldError("body", "is required and must be a JSON object");
            case UnrecognizedPropertyException unknown -> new FieldError(path,
                    "is not a known field" + known(unknown));
            case InvalidFormatException format -> new FieldError(path,
                    "must be " + describe(format.getTargetType()) + "; got '" + format.getValue() + "'");
            case ValueInstantiationException instantiation -> new FieldError(path.isEmpty() ? "body" : path,
                    instantiation.getCause() == null ? "is not valid" : String.valueOf(instantiation.getCause().getMessage()));
            case MismatchedInputException mismatch -> new FieldError(path.isEmpty() ? "body" : path,
                    mismatch.getTargetType() == null ? "is not of the expected type"
                            : "must be " + describe(mismatch.getTargetType()));
            case StreamConstraintsException limit -> new FieldError(path.isEmpty() ? "body" : path,
                    "is beyond the limits of this API (nesting at most " + RequestLimits.MAX_NESTING_DEPTH
                            + " deep, strings at most " + RequestLimits.MAX_STRING_LENGTH + " characters): "
                            + limit.getOriginalMessage());
            case StreamReadException malformed -> new FieldError("body",
                    "is not well-formed JSON: " + malformed.getOriginalMessage());
            default -> new FieldError(path.isEmpty() ? "body" : path, jackson.getOriginalMessage());
        };
    }

    /** Value objects name their own field ({@code id}); the JSON path may already end with it ({@code terms.id}). */
    private static String parentOf(String path, String field) {
        return path.equals(field) || path.endsWith("." + field) ? path.substring(0, path.length() - field.length()) : path;
    }

    private static String join(String parent, String field) {
        if (parent.isEmpty()) {
            return field;
        }
        return parent.endsWith(".") ? parent + field : parent + "." + field;
    }

    private static String known(UnrecognizedPropertyException unknown) {
        if (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return "; known fields: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO-8601 date such as 2016-04-01";
            case "Instant" -> "an ISO-8601 instant such as 2016-04-01T09:00:00Z";
            case "Period" -> "an ISO-8601 period such as P3Y or P18M";
            case "BigDecimal" -> "a decimal amount such as \"726000000.00\"";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "List" -> "a list";
            default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a valid " + type.getSimpleName();
        };
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> Problems.VALIDATION_FAILED;
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status.value();
        };
    }

    /**
     * The database cannot be reached: no connection within the pool's timeout, a refused or broken connection, or the
     * server shutting down (SQLSTATE class 08, 57P01–57P03), or a pooled connection closed under the request.
     */
    public static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof java.sql.SQLRecoverableException || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            // a pooled connection the pool closed once the server went away: HikariCP says so without a SQLSTATE
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

}
