package org.commissioning.tracker.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits on what a request may send, so that no input, however large or strange, reaches the domain: a body of at
 * most {@code tracker.http.max-request-body} (64 KB by default; 413 {@code payload_too_large}; bulk imports under
 * {@value #IMPORTS_PATH} {@code tracker.imports.max-body-size}, 32 MB), JSON nested at most
 * 32 deep, strings of at most 20,000 characters, numbers of at most 50 digits (400 {@code validation_failed}).
 */
@AutoConfiguration
public class RequestLimits {

    public static final int MAX_NESTING_DEPTH = 32;
    public static final int MAX_STRING_LENGTH = 20_000;
    /**
     * Bulk imports (many contracts' requests in one body) have their own, larger limit,
     * {@code tracker.imports.max-body-size} (32 MB by default); each line of such a body is held to the limits above.
     */
    public static final String IMPORTS_PATH = "/api/imports/";

    /** Thrown while reading a body that turns out longer than the limit (no or a false Content-Length). */
    public static final class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("the request body is larger than the limit of " + limit + " bytes");
        }
    }

    @Bean
    JsonFactoryBuilderCustomizer jsonReadConstraints() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(200)
                .maxNumberLength(50)
                .build());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimit(
            @Value("${tracker.http.max-request-body:64KB}") DataSize maxBody,
            @Value("${tracker.imports.max-body-size:32MB}") DataSize maxImportBody, JsonMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long limit = request.getRequestURI().startsWith(IMPORTS_PATH) ? maxImportBody.toBytes() : maxBody.toBytes();
                if (request.getContentLengthLong() > limit) {
                    response.setStatus(413);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), Problems.problem(413, "payload_too_large",
                            "The request is too large", "The request body is larger than the limit of " + limit + " bytes"));
                    return;
                }
                chain.doFilter(new Limited(request, limit), response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new PayloadTooLarge(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new PayloadTooLarge(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
