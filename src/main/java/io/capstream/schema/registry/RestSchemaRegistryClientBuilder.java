package io.capstream.schema.registry;

import io.capstream.util.UserInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Builds a {@link RestSchemaRegistryClient}: {@code setUrl} is required, the rest optional. */
public final class RestSchemaRegistryClientBuilder {

    private String url;
    private String userInfo;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);

    RestSchemaRegistryClientBuilder() {}

    /**
     * The registry's base URL, e.g. {@code http://127.0.0.1:8081} or {@code
     * http://host:8080/apis/ccompat/v7}; several, comma-separated, are tried in turn when one does
     * not answer. Credentials in the URL ({@code http://user:pass@host}) are used for basic auth
     * unless {@link #optUserInfo} is set.
     */
    public RestSchemaRegistryClientBuilder setUrl(String url) {
        this.url = url;
        return this;
    }

    /** Basic auth credentials as {@code USER:PASSWORD}; null or empty for none. */
    public RestSchemaRegistryClientBuilder optUserInfo(String userInfo) {
        this.userInfo = userInfo;
        return this;
    }

    /** How long to wait for a TCP connection (default 10 s). */
    public RestSchemaRegistryClientBuilder optConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** How long to wait for an answer to one request (default 30 s). */
    public RestSchemaRegistryClientBuilder optRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    /** Retries after a 5xx or I/O error (default 3); 4xx answers are never retried. */
    public RestSchemaRegistryClientBuilder optMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    /** First retry delay, doubled per retry up to {@code max} (default 200 ms, 5 s). */
    public RestSchemaRegistryClientBuilder optRetryBackoff(Duration initial, Duration max) {
        this.initialBackoff = initial;
        this.maxBackoff = max;
        return this;
    }

    /**
     * Validates the settings and builds the client; nothing is contacted yet.
     *
     * @throws UserInputException naming the bad value
     */
    public RestSchemaRegistryClient build() {
        if (url == null || url.isBlank()) {
            throw new UserInputException("schema registry URL is not set");
        }
        requirePositive("connect timeout", connectTimeout);
        requirePositive("request timeout", requestTimeout);
        requirePositive("retry backoff", initialBackoff);
        requirePositive("max retry backoff", maxBackoff);
        if (maxRetries < 0) {
            throw new UserInputException(
                    "schema registry max retries is " + maxRetries + ", must be >= 0");
        }
        List<URI> bases = new ArrayList<>();
        String urlUserInfo = null;
        for (String part : url.split(",")) {
            URI uri = parseBaseUrl(part.strip());
            if (uri.getRawUserInfo() != null && urlUserInfo == null) {
                urlUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            }
            bases.add(withoutUserInfo(uri));
        }
        String credentials = userInfo != null && !userInfo.isEmpty() ? userInfo : urlUserInfo;
        return new RestSchemaRegistryClient(
                new RegistryHttp(
                        bases,
                        authorization(credentials),
                        connectTimeout,
                        requestTimeout,
                        maxRetries,
                        initialBackoff,
                        maxBackoff));
    }

    private static URI parseBaseUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!("http".equalsIgnoreCase(uri.getScheme())
                            || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new UserInputException(
                        "schema registry URL '"
                                + text
                                + "' is not an http(s)://host[:port][/path] URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserInputException(
                    "schema registry URL '" + text + "' is invalid: " + e.getMessage(), e);
        }
    }

    private static URI withoutUserInfo(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return URI.create(uri.getScheme() + "://" + uri.getHost() + port + path);
    }

    private static String authorization(String credentials) {
        if (credentials == null || credentials.isEmpty()) {
            return null;
        }
        if (!credentials.contains(":")) {
            throw new UserInputException(
                    "schema registry user info must be USER:PASSWORD, got a value without ':'");
        }
        return "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static void requirePositive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new UserInputException("schema registry " + what + " must be positive, got " + d);
        }
    }
}
