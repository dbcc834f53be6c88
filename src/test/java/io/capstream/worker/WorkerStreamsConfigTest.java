package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class WorkerStreamsConfigTest {
    @Test
    void shouldSizeEveryClientForLargeImagesWhenMaxMessageBytesIsSet() {
        Properties p =
                WorkerStreamsConfig.build(
                        ConfigLoader.builder()
                                .optOverride("topic.max.message.bytes=8388608")
                                .build(),
                        "broker:9092",
                        "app",
                        Path.of("/tmp/s"));
        int expected = 8_388_608 + WorkerStreamsConfig.RECORD_OVERHEAD_BYTES;
        assertEquals(
                StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(expected, p.get("producer.max.request.size"));
        assertEquals(expected, p.get("consumer.max.partition.fetch.bytes"));
        assertEquals(expected, p.get("topic.max.message.bytes"));
        assertEquals("none", p.get("producer.compression.type"));
        // StreamsConfig accepts the whole set.
        new StreamsConfig(p);
    }

    @Test
    void shouldLetPassThroughSettingsWinWhenOperatorOverrides() {
        Properties p =
                WorkerStreamsConfig.build(
                        ConfigLoader.builder()
                                .optOverride("kafka.common.security.protocol=SSL")
                                .optOverride("kafka.streams.commit.interval.ms=250")
                                .build(),
                        "b:1",
                        "app",
                        Path.of("/tmp/s"));
        assertEquals("SSL", p.get("security.protocol"));
        assertEquals("250", p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }

    @Test
    void shouldGiveTransactionsRoomForASlowModelCallUnlessOperatorSetsAnother() {
        CapstreamConfig defaults = CapstreamConfig.defaults();
        Properties p = WorkerStreamsConfig.build(defaults, "b:1", "app", Path.of("/tmp/s"));
        assertEquals(30_000, p.get("producer.transaction.timeout.ms"));
        Properties set =
                WorkerStreamsConfig.build(
                        ConfigLoader.builder()
                                .optOverride("kafka.streams.producer.transaction.timeout.ms=9000")
                                .build(),
                        "b:1",
                        "app",
                        Path.of("/tmp/s"));
        assertEquals("9000", set.get("producer.transaction.timeout.ms"));
    }
}
