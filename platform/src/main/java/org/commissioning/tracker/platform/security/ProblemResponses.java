package org.commissioning.tracker.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.commissioning.tracker.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as problem+json with a stable code, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(JsonMapper json, String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(json, response, Problems.problem(401, "unauthenticated", "Authentication required",
                    "Sign in to use this API: " + challenge.split(" ")[0] + " credentials are required"));
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, e) -> write(json, response, Problems.problem(403, "forbidden", "Not allowed",
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
