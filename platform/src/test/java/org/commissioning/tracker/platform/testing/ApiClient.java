package org.commissioning.tracker.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the API over a real port, as a client would. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    /** A client signed in as the test contract manager (reads and writes). */
    public ApiClient(int port) {
        this(port, TestUsers.MANAGER);
    }

    public ApiClient(int port, TestUsers user) {
        this("http://localhost:" + port, user == null ? null
                : "Basic " + java.util.Base64.getEncoder().encodeToString((user.username + ":" + user.password)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same server, as another user. */
    public ApiClient as(TestUsers user) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user);
    }

    /** The same server, with no credentials. */
    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    /** The same server, with this Authorization header (a bearer token, say). */
    public ApiClient withAuthorization(String header) {
        return new ApiClient(base, header);
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A top-level text field, or null. */
        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response send(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a JSON object from alternating names and values (nested objects as JsonNode or Map). */
    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
