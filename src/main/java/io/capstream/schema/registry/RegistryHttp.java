package io.capstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON over HTTP to a Confluent-compatible registry: auth header, content type, retries with
 * exponential backoff on 5xx and I/O errors (never on 4xx, which a retry cannot fix), and errors
 * that carry the registry's {@code error_code}. Thread-safe.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE
                    + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final String authorization;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    // With several URLs, an I/O error moves every later request on to the next one.
    private final AtomicInteger currentUrl = new AtomicInteger();

    RegistryHttp(
            List<URI> baseUrls,
            String authorization,
            Duration connectTimeout,
            Duration requestTimeout,
            int maxRetries,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.baseUrls = List.copyOf(baseUrls);
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
    }

    /**
     * Sends one request and returns the parsed JSON answer.
     *
     * @param path the path below the base URL, already URL-encoded, starting with '/'
     * @param body the JSON body, or null for none
     */
    JsonNode send(String method, String path, Object body) {
        String payload = body == null ? null : toJson(body);
        for (int attempt = 1; ; attempt++) {
            URI uri = URI.create(baseUrls.get(currentUrl.get() % baseUrls.size()) + path);
            SchemaRegistryException failure;
            try {
                HttpResponse<String> response =
                        http.send(
                                request(method, uri, payload),
                                HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(response.body());
                }
                failure = RegistryErrors.fromResponse(method, uri, status, response.body());
                if (status < 500) {
                    throw failure;
                }
            } catch (IOException e) {
                failure = RegistryErrors.noResponse(method, uri, e);
                currentUrl.updateAndGet(i -> (i + 1) % baseUrls.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(method + " " + uri + " was interrupted", 0, 0, e);
            }
            if (attempt > maxRetries) {
                throw RegistryErrors.gaveUp(failure, attempt);
            }
            pause(attempt);
        }
    }

    private HttpRequest request(String method, URI uri, String payload) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("Accept", ACCEPT)
                        .method(
                                method,
                                payload == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            b.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    /** Exponential backoff with jitter, so clients that failed together do not retry together. */
    private void pause(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting to retry", 0, 0, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("registry answered with invalid JSON: " + body, e);
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
