package io.capstream.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up errors that must be one clear line, checked before any server is launched. */
class EmbeddedServersTest {

    @Test
    void shouldNamePortWhenBrokerPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafka kafka = EmbeddedKafka.builder().optPort(taken.getLocalPort()).build();
            var e = assertThrows(UserInputException.class, kafka::start);
            assertOneLineNaming(e, "127.0.0.1:" + taken.getLocalPort(), "already in use");
            kafka.close();
        }
    }

    @Test
    void shouldSayHowToGetItWhenRegistryIsNotUnpacked(@TempDir Path empty) {
        ApicurioRegistry registry = ApicurioRegistry.builder().optHome(empty).build();
        var e = assertThrows(UserInputException.class, registry::start);
        assertOneLineNaming(e, empty.toString(), "mvn package");
    }

    @Test
    void shouldNamePortWhenRegistryPortIsTaken(@TempDir Path home) throws IOException {
        Files.createFile(home.resolve(ApicurioRegistry.RUNNER_JAR));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ApicurioRegistry registry =
                    ApicurioRegistry.builder().optHome(home).optPort(taken.getLocalPort()).build();
            var e = assertThrows(UserInputException.class, registry::start);
            assertOneLineNaming(e, "127.0.0.1:" + taken.getLocalPort(), "already in use");
        }
    }

    @Test
    void shouldShowEndOfLogWhenServerDiesDuringStartup(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(ApicurioRegistry.RUNNER_JAR), "not a jar");
        ApicurioRegistry registry = ApicurioRegistry.builder().optHome(home).build();
        var e = assertThrows(UserInputException.class, registry::start);
        assertTrue(e.getMessage().contains("exited with code 1 during startup"), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid or corrupt jarfile"), e.getMessage());
        Files.deleteIfExists(registry.logFile());
    }

    @Test
    void shouldRejectSamePortTwiceWhenBuildingBroker() {
        assertThrows(
                IllegalArgumentException.class,
                () -> EmbeddedKafka.builder().optPort(40000).optControllerPort(40000).build());
    }

    private static void assertOneLineNaming(Exception e, String... parts) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
