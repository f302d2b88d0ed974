package org.commissioning.tracker.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.commissioning.tracker.platform.web.ProblemHandling;
import org.commissioning.tracker.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent retries: a {@code POST} under {@code /api} carrying an {@code Idempotency-Key} header is answered once.
 * The first successful (2xx) answer is stored, keyed by the authenticated user and the key, in the same database
 * transaction as the events the write appended, so that either both are kept or neither is. A retry with the same
 * key, method, path and body gets the stored status and body again and stores nothing new; the same key with anything
 * else is 422 {@code idempotency_key_reused}. Requests with one key are serialized by a transaction-scoped advisory
 * lock, so concurrent duplicates wait for the first and then get its answer. A refused write (4xx, 5xx) is not stored:
 * nothing was recorded, and a retry is decided afresh. Answers are kept for {@code tracker.idempotency.retention}
 * (default 7 days): a key older than that is forgotten (a retry then is a new request) and
 * {@link IdempotencyKeyExpiry} deletes such rows.
 */
@Configuration(proxyBeanMethods = false)
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    static final String REUSED = "idempotency_key_reused";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> idempotencyFilter(JdbcTemplate jdbc,
                                                                   PlatformTransactionManager transactions,
                                                                   JsonMapper json, Clock clock,
                                                                   @Value("${tracker.idempotency.retention:P7D}")
                                                                   Duration retention) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(jdbc, new TransactionTemplate(transactions), json, clock, retention));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0); // after Spring Security's chain (-100): the user is known
        return registration;
    }

    private record Answer(int status, String contentType, String location, byte[] body) {
    }

    private record Stored(String requestHash, Answer answer) {
    }

    static final class Filter extends OncePerRequestFilter {
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;
        private final JsonMapper json;
        private final Clock clock;
        private final Duration retention;

        Filter(JdbcTemplate jdbc, TransactionTemplate transaction, JsonMapper json, Clock clock, Duration retention) {
            this.jdbc = jdbc;
            this.transaction = transaction;
            this.json = json;
            this.clock = clock;
            this.retention = retention;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user == null || !user.isAuthenticated() || user.getName() == null) {
                chain.doFilter(request, response); // security answers
                return;
            }
            String key = request.getHeader(HEADER);
            if (!KEY.matcher(key).matches()) {
                problem(response, Problems.invalid(HEADER, "must be 1 to 255 printable ASCII characters"));
                return;
            }
            byte[] body;
            try {
                body = request.getInputStream().readAllBytes();
            } catch (IOException e) {
                if (e.getClass().getSimpleName().equals("PayloadTooLarge")) {
                    problem(response, Problems.problem(413, "payload_too_large", "The request is too large",
                            e.getMessage()));
                    return;
                }
                throw e;
            }
            String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String hash = sha256(request.getMethod() + " " + path + "\n", body);
            String username = user.getName();
            Answer answer;
            try {
                answer = transaction.execute(status -> {
                    jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                            username + "\n" + key);
                    // a key past its retention is forgotten, whether or not the purge has run yet
                    jdbc.update("delete from idempotent_request where username = ? and idempotency_key = ? "
                            + "and recorded_at < ?", username, key, Timestamp.from(clock.instant().minus(retention)));
                    Stored stored = find(username, key);
                    if (stored != null) {
                        return stored.requestHash().equals(hash) ? stored.answer() : null;
                    }
                    Answer first = run(chain, new Replayable(request, body), response);
                    if (first.status() >= 200 && first.status() < 300) {
                        jdbc.update("""
                                insert into idempotent_request (username, idempotency_key, request_hash, method, path,
                                    status, content_type, location, body, recorded_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", username, key, hash, request.getMethod(),
                                path.length() > 2000 ? path.substring(0, 2000) : path, first.status(),
                                first.contentType(), first.location(), first.body(),
                                Timestamp.from(clock.instant()));
                    } else {
                        status.setRollbackOnly();
                    }
                    return first;
                });
            } catch (RuntimeException e) {
                if (ProblemHandling.databaseUnavailable(e)) {
                    logger.warn("Database unavailable: " + e);
                    problem(response, Problems.problem(503, "database_unavailable", "The database is unavailable",
                            "The database cannot be reached; nothing was stored. Try again shortly."));
                    return;
                }
                throw e;
            }
            if (answer == null) {
                problem(response, Problems.problem(422, REUSED, "Idempotency key already used",
                        "The Idempotency-Key '" + key + "' was used before by this user for a different request "
                                + "(method, path or body); use a new key for a new request"));
                return;
            }
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.location() != null) {
                response.setHeader("Location", answer.location());
            }
            response.getOutputStream().write(answer.body());
        }

        private Answer run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
            ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, captured);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            return new Answer(captured.getStatus(), captured.getContentType(), captured.getHeader("Location"),
                    captured.getContentAsByteArray());
        }

        private Stored find(String username, String key) {
            List<Stored> rows = jdbc.query("""
                            select request_hash, status, content_type, location, body from idempotent_request
                            where username = ? and idempotency_key = ?""",
                    (row, n) -> new Stored(row.getString(1).trim(), new Answer(row.getInt(2), row.getString(3),
                            row.getString(4), row.getBytes(5))), username, key);
            return rows.isEmpty() ? null : rows.getFirst();
        }

        private void problem(HttpServletResponse response, ProblemDetail problem) throws IOException {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }

        private static String sha256(String head, byte[] body) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(head.getBytes(StandardCharsets.UTF_8));
                digest.update(body);
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The request with its body already read, readable again by the controller. */
    private static final class Replayable extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
