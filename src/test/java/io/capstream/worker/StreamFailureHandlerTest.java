package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.schema.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamFailureHandlerTest {
    private final AtomicBoolean closing = new AtomicBoolean();
    private final StreamFailureHandler handler =
            new StreamFailureHandler(Duration.ofMillis(1), Duration.ofMillis(4), 3, closing::get);

    private static Throwable outage() {
        return new StreamsException(new SchemaRegistryException("connection refused", 0, 0, null));
    }

    @Test
    void shouldDoubleBackoffUpToTheMaximum() {
        StreamFailureHandler h =
                new StreamFailureHandler(
                        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, () -> false);
        assertEquals(Duration.ofSeconds(1), h.backoff(1));
        assertEquals(Duration.ofSeconds(8), h.backoff(4));
        assertEquals(Duration.ofSeconds(30), h.backoff(6));
        assertEquals(Duration.ofSeconds(30), h.backoff(60));
    }

    @Test
    void shouldKeepReplacingThreadWhileRegistryIsUnreachable() {
        for (int i = 0; i < 10; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(outage()));
        }
    }

    @Test
    void shouldStopWorkerWhenOtherErrorsRepeatBeyondTheLimit() {
        Throwable bug = new StreamsException(new IllegalStateException("bug"));
        for (int i = 0; i < 3; i++) {
            assertEquals(StreamThreadExceptionResponse.REPLACE_THREAD, handler.handle(bug));
        }
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(bug));
    }

    @Test
    void shouldStopWorkerWhenAFailureHappensWhileClosing() {
        closing.set(true);
        assertEquals(StreamThreadExceptionResponse.SHUTDOWN_CLIENT, handler.handle(outage()));
    }
}
