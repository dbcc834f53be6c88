package io.capstream.worker;

import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.ProcessingError;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The worker's Kafka Streams topology, separate from its lifecycle so tests drive the very topology
 * the worker runs.
 *
 * <pre>
 * images ──► images-batcher ──┬──► captions
 * pairs  ──► pairs-batcher  ──┴──► dlq
 * </pre>
 *
 * Values are read as raw bytes and deserialized inside the batchers, so a record with a wrong magic
 * byte or an unknown schema id becomes a dead-letter record instead of stopping the stream.
 */
public final class WorkerTopology {
    private WorkerTopology() {}

    /** Topic names the worker reads and writes. */
    public record Topics(String images, String pairs, String captions, String dlq) {}

    /** Everything the topology needs besides the models. */
    public record Settings(
            Topics topics,
            Deserializer<ImageEvent> imageEvents,
            Deserializer<ImagePairEvent> pairEvents,
            Serializer<CaptionResult> captions,
            Serializer<ProcessingError> errors,
            BatchPolicy policy,
            ImageLoader images,
            String workerId,
            WorkerStats stats,
            BooleanSupplier draining) {}

    /** Builds the topology; the executor owns the models the batchers call. */
    public static Topology build(Settings s, InferenceExecutor executor) {
        Topology t = new Topology();
        EventKind<ImageEvent> images = new ImageEvents(s.imageEvents());
        EventKind<ImagePairEvent> pairs = new PairEvents(s.pairEvents());
        addBatcher(t, s.topics().images(), images, s, executor);
        addBatcher(t, s.topics().pairs(), pairs, s, executor);
        String[] batchers = {batcherName(images), batcherName(pairs)};
        t.addSink(
                MicroBatchProcessor.CAPTIONS_SINK,
                s.topics().captions(),
                Serdes.String().serializer(),
                upcast(s.captions()),
                batchers);
        t.addSink(
                MicroBatchProcessor.DLQ_SINK,
                s.topics().dlq(),
                Serdes.String().serializer(),
                upcast(s.errors()),
                batchers);
        return t;
    }

    private static <E> void addBatcher(
            Topology t, String topic, EventKind<E> kind, Settings s, InferenceExecutor executor) {
        String source = kind.name() + "-source";
        t.addSource(
                source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic);
        t.addProcessor(
                batcherName(kind), () -> new MicroBatchProcessor<>(kind, s, executor), source);
        StoreBuilder<KeyValueStore<Long, BufferedRecord>> store =
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(MicroBatchProcessor.storeName(kind)),
                                Serdes.Long(),
                                BufferedRecord.serde())
                        .withCachingDisabled();
        t.addStateStore(store, batcherName(kind));
    }

    private static String batcherName(EventKind<?> kind) {
        return kind.name() + "-batcher";
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> Serializer<SpecificRecord> upcast(Serializer<T> s) {
        return (topic, value) -> s.serialize(topic, (T) value);
    }
}
