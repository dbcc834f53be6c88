package io.capstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the client against a scripted local HTTP server (the JDK's), one answer per request. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA =
            SchemaBuilder.record("R").namespace("t").fields().requiredString("a").endRecord();

    private record Answer(int status, String body) {}

    private record Seen(String method, String path, String contentType, String auth, String body) {}

    private HttpServer server;
    private final Queue<Answer> answers = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private synchronized Answer next() {
        return answers.poll();
    }

    private void answer(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            seen.add(
                    new Seen(
                            ex.getRequestMethod(),
                            ex.getRequestURI().getRawPath(),
                            ex.getRequestHeaders().getFirst("Content-Type"),
                            ex.getRequestHeaders().getFirst("Authorization"),
                            body));
        }
        Answer a = next();
        if (a == null) { // no scripted answer: hang until the test ends (a timeout test)
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private void script(int status, String body) {
        answers.add(new Answer(status, body));
    }

    private RestSchemaRegistryClientBuilder client() {
        return RestSchemaRegistryClient.builder()
                .setUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7/")
                .optRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(2))
                .optMaxRetries(2);
    }

    @Test
    void shouldRetryWhenRegistryAnswers5xxThenSucceeds() {
        script(503, "{\"error_code\":50301,\"message\":\"busy\"}");
        script(500, "oops");
        script(200, "{\"id\":7}");
        assertEquals(7, client().build().register("x-value", SCHEMA));
        assertEquals(3, seen.size());
    }

    @Test
    void shouldNotRetryAndCarryErrorCodeWhenRegistryAnswers4xx() {
        script(404, "{\"error_code\":40403,\"message\":\"No content with ID '9' was found.\"}");
        script(200, "{\"schema\":\"\\\"string\\\"\"}");
        var e = assertThrows(SchemaRegistryException.class, () -> client().build().schemaById(9));
        assertEquals(404, e.httpStatus());
        assertEquals(40403, e.errorCode());
        assertTrue(e.isNotFound());
        assertTrue(e.getMessage().contains("No content with ID '9' was found."), e.getMessage());
        assertTrue(e.getMessage().contains("GET"), e.getMessage());
        assertEquals(1, seen.size());
    }

    @Test
    void shouldGiveUpWhen5xxOutlastsRetries() {
        for (int i = 0; i < 3; i++) {
            script(502, "<html>bad gateway</html>");
        }
        var e = assertThrows(SchemaRegistryException.class, () -> client().build().compatibility());
        assertEquals(502, e.httpStatus());
        assertTrue(e.getMessage().contains("gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("bad gateway"), e.getMessage());
        assertEquals(3, seen.size());
    }

    @Test
    void shouldReportNoResponseWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        var client =
                RestSchemaRegistryClient.builder()
                        .setUrl("http://127.0.0.1:" + closedPort)
                        .optMaxRetries(1)
                        .optRetryBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                        .build();
        var e = assertThrows(SchemaRegistryException.class, () -> client.schemaById(1));
        assertEquals(0, e.httpStatus());
        assertTrue(e.getMessage().contains("no response"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 2 attempts"), e.getMessage());
    }

    @Test
    void shouldTimeOutWhenRegistryDoesNotAnswer() {
        var client = client().optMaxRetries(0).optRequestTimeout(Duration.ofMillis(200)).build();
        var e = assertThrows(SchemaRegistryException.class, () -> client.latestVersion("x"));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void shouldSendAuthContentTypeAndEncodedSubjectWhenRegistering() throws IOException {
        script(200, "{\"id\":3}");
        client().optUserInfo("alice:s3cret").build().register("a/b c-value", SCHEMA);
        Seen s = seen.get(0);
        assertEquals("POST", s.method());
        assertEquals("/apis/ccompat/v7/subjects/a%2Fb%20c-value/versions", s.path());
        assertEquals("application/vnd.schemaregistry.v1+json", s.contentType());
        String expected =
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, s.auth());
        String sent = new ObjectMapper().readTree(s.body()).path("schema").asText();
        assertEquals(SCHEMA, new Schema.Parser().parse(sent));
    }

    @Test
    void shouldUseCredentialsFromUrlWhenNoUserInfoIsGiven() {
        script(200, "{\"compatibilityLevel\":\"FULL\"}");
        var client =
                RestSchemaRegistryClient.builder()
                        .setUrl("http://bob:pw@127.0.0.1:" + server.getAddress().getPort())
                        .build();
        assertEquals(CompatibilityLevel.FULL, client.compatibility());
        assertEquals(
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)),
                seen.get(0).auth());
    }

    @Test
    void shouldAskOnceWhenTheSameIdOrSchemaIsNeededAgain() {
        script(200, "{\"id\":5}");
        var client = client().build();
        assertEquals(5, client.register("x-value", SCHEMA));
        assertEquals(5, client.register("x-value", SCHEMA));
        assertEquals(SCHEMA, client.schemaById(5));
        assertEquals(1, seen.size());
    }

    @Test
    void shouldParseLatestVersionWhenSubjectExists() {
        script(
                200,
                "{\"subject\":\"x-value\",\"version\":2,\"id\":11,\"schema\":"
                        + new ObjectMapper().valueToTree(SCHEMA.toString())
                        + ",\"schemaType\":\"AVRO\"}");
        SchemaVersion v = client().build().latestVersion("x-value");
        assertEquals(new SchemaVersion("x-value", 2, 11, SCHEMA), v);
    }

    @Test
    void shouldCallSubjectWithoutVersionsCompatibleWhenRegistryAnswers40401() {
        script(404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
        script(200, "{\"is_compatible\":false}");
        var client = client().build();
        assertTrue(client.isCompatible("x", SCHEMA));
        assertFalse(client.isCompatible("x", SCHEMA));
    }

    @Test
    void shouldRejectUrlNamingItWhenItIsNotHttp() {
        var e =
                assertThrows(
                        UserInputException.class,
                        () -> RestSchemaRegistryClient.builder().setUrl("localhost:8081").build());
        assertTrue(e.getMessage().contains("localhost:8081"), e.getMessage());
    }
}
