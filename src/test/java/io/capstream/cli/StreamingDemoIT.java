package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.worker.TestModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedServersExtension.class)
class StreamingDemoIT {
    @TempDir Path tmp;

    @Test
    void shouldCaptionEveryValidEventAndDeadLetterEachCorruptOneWhenDemoStreams(
            EmbeddedKafka kafka, ApicurioRegistry registry) throws Exception {
        CapstreamConfig cfg =
                ConfigLoader.builder()
                        .optOverride("bootstrap.servers=" + kafka.bootstrapServers())
                        .optOverride("schema.registry.url=" + registry.url())
                        .optOverride("topic.prefix=demo-" + UUID.randomUUID() + ".")
                        .optOverride("worker.metrics.window.ms=1000")
                        .build();
        StringWriter text = new StringWriter();
        new StreamingDemo(
                        cfg,
                        new StreamingDemo.Options(Duration.ofSeconds(6), 4, 1, 32, 5, tmp),
                        c -> TestModels.create(0),
                        new PrintWriter(text))
                .run();
        String out = text.toString();
        System.out.println(out);
        Matcher produced =
                Pattern.compile(
                                "events produced +: \\d+ \\((\\d+) image pairs, (\\d+) toon images\\)"
                                        + " \\+ 3 corrupt")
                        .matcher(out);
        assertTrue(produced.find(), out);
        int pairs = Integer.parseInt(produced.group(1));
        int toons = Integer.parseInt(produced.group(2));
        assertTrue(pairs >= 10 && toons >= 10, out);
        Matcher captions = Pattern.compile("captions +: (\\d+) ").matcher(out);
        assertTrue(captions.find(), out);
        assertEquals(pairs + toons, Integer.parseInt(captions.group(1)), out);
        assertTrue(
                out.contains(
                        "dead-letter records: 3 {PAIR_SIZE_MISMATCH=1, SCHEMA_ERROR=1,"
                                + " UNDECODABLE_IMAGE=1}"),
                out);
        assertTrue(out.contains("| ref: \""), out);
        assertTrue(out.contains(" metrics in "), out);
        assertTrue(out.contains("end-to-end latency : p50 "), out);
        assertTrue(out.contains("quality, pairs"), out);
        assertTrue(out.contains("quality, toons"), out);
    }
}
