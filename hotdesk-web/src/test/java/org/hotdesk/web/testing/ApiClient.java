package org.hotdesk.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A REST API caller for tests: real HTTP, one bearer token, JSON in and out. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    public ApiClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same server with another token (null: none). */
    public ApiClient as(String otherToken) {
        return new ApiClient(base, otherToken);
    }

    /** An answer: status, headers and body (JSON parsed when it is JSON). */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return exchange("GET", path, null, null);
    }

    public Answer delete(String path) {
        return exchange("DELETE", path, null, null);
    }

    public Answer post(String path, Object body) {
        return exchange("POST", path, body, "application/json");
    }

    public Answer put(String path, Object body) {
        return exchange("PUT", path, body, "application/json");
    }

    public Answer patch(String path, Object body) {
        return exchange("PATCH", path, body, "application/json");
    }

    /** A PATCH made on the version an earlier answer's ETag named. */
    public Answer patch(String path, Object body, String ifMatch) {
        return exchange("PATCH", path, body, "application/json", Map.of("If-Match", ifMatch));
    }

    /** Sends {@code text} as it is, with this content type (CSV uploads, broken JSON). */
    public Answer send(String method, String path, String text, String contentType) {
        return exchange(method, path, new Raw(text), contentType);
    }

    private record Raw(String text) {
    }

    private Answer exchange(String method, String path, Object body, String contentType) {
        return exchange(method, path, body, contentType, Map.of());
    }

    private Answer exchange(String method, String path, Object body, String contentType, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            headers.forEach(request::header);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof Raw raw ? raw.text() : JSON.writeValueAsString(body);
                request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
