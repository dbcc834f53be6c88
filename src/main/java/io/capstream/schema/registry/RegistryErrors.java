package io.capstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

/** Builds {@link SchemaRegistryException}s whose message says which request failed and why. */
final class RegistryErrors {

    private static final int MAX_BODY_CHARS = 300;

    private RegistryErrors() {}

    /** The registry answered with an error status; its body is usually {error_code, message}. */
    static SchemaRegistryException fromResponse(String method, URI uri, int status, String body) {
        int errorCode = 0;
        String message = abbreviate(body);
        try {
            JsonNode json = RegistryHttp.JSON.readTree(body);
            if (json != null && json.isObject()) {
                errorCode = json.path("error_code").asInt(0);
                message = json.path("message").asText(message);
            }
        } catch (IOException | RuntimeException notJson) {
            // A proxy's HTML error page: keep the raw (abbreviated) body as the message.
        }
        String text =
                "schema registry "
                        + method
                        + " "
                        + uri
                        + " failed: HTTP "
                        + status
                        + (errorCode != 0 ? ", error_code " + errorCode : "")
                        + (message.isBlank() ? "" : ": " + message);
        return new SchemaRegistryException(text, status, errorCode, null);
    }

    /** No answer at all: connection refused, timeout, reset. */
    static SchemaRegistryException noResponse(String method, URI uri, IOException e) {
        String why =
                e instanceof HttpTimeoutException
                        ? "timed out"
                        : e.getMessage() == null
                                ? e.getClass().getSimpleName()
                                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new SchemaRegistryException(
                "schema registry " + method + " " + uri + " got no response (" + why + ")",
                0,
                0,
                e);
    }

    /** The last failure, saying that retries are exhausted. */
    static SchemaRegistryException gaveUp(SchemaRegistryException last, int attempts) {
        return new SchemaRegistryException(
                last.getMessage() + " (gave up after " + attempts + " attempts)",
                last.httpStatus(),
                last.errorCode(),
                last.getCause());
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() <= MAX_BODY_CHARS ? s : s.substring(0, MAX_BODY_CHARS) + "...";
    }
}
