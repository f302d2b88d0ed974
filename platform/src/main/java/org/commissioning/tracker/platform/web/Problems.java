package org.commissioning.tracker.platform.web;

import java.net.URI;
import java.util.List;
import org.commissioning.tracker.shared.Rejection;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems with the stable {@code code} property every error of this API carries. */
public final class Problems {

    public static final String VALIDATION_FAILED = "validation_failed";

    private Problems() {
    }

    public static ProblemDetail problem(int status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = problem(400, VALIDATION_FAILED, "The request is not valid", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemDetail rejected(Rejection rejection, String detail) {
        String title = switch (rejection.status()) {
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 503 -> "Not ready yet";
            default -> "A business rule does not allow this";
        };
        return problem(rejection.status(), rejection.code(), title, detail);
    }
}
