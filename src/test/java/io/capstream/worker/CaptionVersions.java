package io.capstream.worker;

import static io.capstream.worker.PipelineFixture.readCommitted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.CaptionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The committed captions of a run with model updates: the version that captioned each event, and
 * each partition's versions in commit order. Reading asserts exactly one caption per sent event.
 */
record CaptionVersions(Map<String, Integer> byEvent, Map<Integer, List<Integer>> byPartition) {

    /**
     * Reads the captions of {@code sent} (read_committed) and checks none is missing or doubled.
     */
    static CaptionVersions read(
            String bootstrap,
            TopicSpec<String, CaptionResult> captions,
            Collection<String> sent,
            String model,
            Duration wait) {
        Map<String, Integer> byEvent = new HashMap<>();
        Map<Integer, List<Integer>> byPartition = new TreeMap<>();
        for (ConsumerRecord<String, CaptionResult> r :
                readCommitted(bootstrap, captions, sent.size(), wait)) {
            CaptionResult c = r.value();
            assertEquals(model, c.getModelName());
            assertEquals(null, byEvent.put(c.getEventId(), c.getModelVersion()), "duplicated");
            byPartition
                    .computeIfAbsent(r.partition(), p -> new ArrayList<>())
                    .add(c.getModelVersion());
        }
        assertEquals(new HashSet<>(sent), byEvent.keySet(), "events without a caption");
        return new CaptionVersions(byEvent, byPartition);
    }
}
