package io.capstream.embedded;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback port helpers for the embedded servers. */
final class Ports {

    private Ports() {}

    /** A port nobody listens on right now (another process could still take it before us). */
    static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /**
     * Fails with one clear line when {@code port} on 127.0.0.1 is taken, before a server
     * half-starts on it.
     */
    static void requireFree(int port, String server) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
        } catch (IOException e) {
            throw new UserInputException(
                    server
                            + " cannot listen on 127.0.0.1:"
                            + port
                            + ": the port is already in use (choose another port, or 0 for a free"
                            + " one)");
        }
    }
}
