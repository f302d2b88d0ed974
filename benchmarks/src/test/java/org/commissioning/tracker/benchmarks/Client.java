package org.commissioning.tracker.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * An HTTP client of one application as one user: Apache HttpClient 5's classic (blocking) client over a pool of
 * kept-alive HTTP/1.1 connections, each request sent and its answer read on the calling thread. The suite's client
 * runs on the same two cores as what it measures, so it should take as little of them as it can: java.net.http's
 * client, used before, hands each exchange between its selector thread and an executor and took about 15 % of the
 * machine while ours wrote (see the README, "HTTP writes, what limits them"). No retries, redirects, cookies or
 * compression: every answer is counted as it came.
 */
final class Client {

    record Answer(int status, String body) {
    }

    private static final CloseableHttpClient HTTP = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(64).setMaxConnPerRoute(64)
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofMinutes(10)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMinutes(10)).build())
            .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
            .disableContentCompression().disableAuthCaching()
            .build();

    private final String base;
    private final String authorization;

    Client(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String path) {
        return send(ClassicRequestBuilder.get(base + path));
    }

    Answer post(String path, String json) {
        return post(path, json, "application/json");
    }

    Answer post(String path, String body, String contentType) {
        return send(ClassicRequestBuilder.post(base + path)
                .setEntity(body, ContentType.create(contentType, StandardCharsets.UTF_8)));
    }

    private Answer send(ClassicRequestBuilder request) {
        ClassicHttpRequest built = request.addHeader(HttpHeaders.AUTHORIZATION, authorization).build();
        try {
            return HTTP.execute(built, response -> {
                try {
                    return new Answer(response.getCode(), response.getEntity() == null ? ""
                            : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
                } catch (ParseException e) {
                    throw new IOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
