package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.Timings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers valid input records of one stream task in a state store and captions them in
 * micro-batches: when {@link BatchPolicy#isFull} or when the oldest has waited {@link
 * BatchPolicy#maxBatchDelay()} (checked by a wall-clock punctuator). Invalid records go to the
 * dead-letter sink at once.
 *
 * <p>Exactly-once: the buffer is a changelogged store, so under {@code exactly_once_v2} a record's
 * removal from the buffer commits atomically with its caption. A worker killed with records in the
 * buffer restores them on restart and captions them once. Decoded images are kept only in memory
 * and re-decoded after a restore.
 */
final class MicroBatchProcessor<E> implements Processor<String, byte[], String, SpecificRecord> {
    static final String CAPTIONS_SINK = "captions-sink";
    static final String DLQ_SINK = "dlq-sink";
    private static final Logger log = LoggerFactory.getLogger(MicroBatchProcessor.class);

    private final EventKind<E> kind;
    private final WorkerTopology.Settings settings;
    private final InferenceExecutor executor;
    private final TreeMap<Long, Pending<E>> pending = new TreeMap<>();
    private ProcessorContext<String, SpecificRecord> ctx;
    private KeyValueStore<Long, BufferedRecord> store;
    private long nextSeq;

    private record Pending<E>(BufferedRecord record, E event, CaptionInput input, String model) {}

    MicroBatchProcessor(
            EventKind<E> kind, WorkerTopology.Settings settings, InferenceExecutor executor) {
        this.kind = kind;
        this.settings = settings;
        this.executor = executor;
    }

    static String storeName(EventKind<?> kind) {
        return kind.name() + "-batch-buffer";
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.ctx = context;
        this.store = context.getStateStore(storeName(kind));
        restore();
        context.schedule(
                settings.policy().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    /** Rebuilds the in-memory view of records a previous instance buffered but did not caption. */
    private void restore() {
        List<Long> invalid = new ArrayList<>();
        try (KeyValueIterator<Long, BufferedRecord> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Long, BufferedRecord> kv = it.next();
                nextSeq = Math.max(nextSeq, kv.key + 1);
                try {
                    pending.put(kv.key, validate(kv.value));
                } catch (RejectedInputException e) {
                    reject(kv.value, e);
                    invalid.add(kv.key);
                }
            }
        }
        invalid.forEach(store::delete);
        settings.stats().bufferedDelta(pending.size());
        if (!pending.isEmpty()) {
            log.info("{}: restored {} buffered records", kind.name(), pending.size());
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        settings.stats().eventIn();
        RecordMetadata meta = ctx.recordMetadata().orElseThrow();
        BufferedRecord b =
                new BufferedRecord(
                        meta.topic(),
                        meta.partition(),
                        meta.offset(),
                        record.timestamp(),
                        ctx.currentSystemTimeMs(),
                        record.key(),
                        record.value() == null ? new byte[0] : record.value());
        Pending<E> p;
        try {
            if (record.value() == null) {
                throw new RejectedInputException(ErrorReason.SCHEMA_ERROR, "record has no value");
            }
            p = validate(b);
        } catch (RejectedInputException e) {
            reject(b, e);
            return;
        }
        long seq = nextSeq++;
        store.put(seq, b);
        pending.put(seq, p);
        settings.stats().bufferedDelta(1);
        while (settings.policy().isFull(pending.size())) {
            flush();
        }
    }

    private void tick(long wallMs) {
        boolean drain = settings.draining().getAsBoolean();
        while (!pending.isEmpty()
                && (drain
                        || settings.policy().isFull(pending.size())
                        || settings.policy()
                                .isDue(
                                        pending.firstEntry().getValue().record().arrivalWallMs(),
                                        wallMs))) {
            flush();
        }
    }

    private Pending<E> validate(BufferedRecord b) throws RejectedInputException {
        E event = kind.read(b.topic(), b.value());
        try {
            String model = kind.model(event);
            Captioner.ModelInfo info = executor.served().get(model);
            if (info == null) {
                throw new RejectedInputException(
                        ErrorReason.MODEL_ERROR,
                        "asks for model '"
                                + model
                                + "', which this worker does not serve "
                                + executor.served().keySet());
            }
            if (info.pairs() != kind.pairs()) {
                throw new RejectedInputException(
                        ErrorReason.SCHEMA_ERROR,
                        "model '"
                                + model
                                + "' takes "
                                + (info.pairs() ? "image pairs" : "single images")
                                + ", not "
                                + kind.name());
            }
            return new Pending<>(
                    b, event, kind.toInput(event, settings.images(), info.imageSize()), model);
        } catch (RejectedInputException e) {
            throw e.forEvent(kind.eventId(event), kind.source(event));
        }
    }

    /** Captions the oldest records (up to one batch), grouped by requested model. */
    private void flush() {
        long batchStart = ctx.currentSystemTimeMs();
        Map<String, List<Map.Entry<Long, Pending<E>>>> byModel = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<Long, Pending<E>> e : pending.entrySet()) {
            if (n++ == settings.policy().maxBatchSize()) {
                break;
            }
            byModel.computeIfAbsent(e.getValue().model(), k -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<String, List<Map.Entry<Long, Pending<E>>>> group : byModel.entrySet()) {
            List<Map.Entry<Long, Pending<E>>> items = group.getValue();
            List<CaptionInput> inputs = new ArrayList<>(items.size());
            items.forEach(e -> inputs.add(e.getValue().input()));
            BatchResult result = null;
            try {
                result = executor.run(group.getKey(), inputs);
            } catch (InferenceExecutor.ClosedException ex) {
                // The worker is stopping, not the records' fault: fail the task so nothing commits
                // and the next worker captions them.
                throw ex;
            } catch (Exception ex) {
                for (Map.Entry<Long, Pending<E>> e : items) {
                    Pending<E> p = e.getValue();
                    reject(
                            p.record(),
                            new RejectedInputException(
                                            ErrorReason.MODEL_ERROR,
                                            "model "
                                                    + group.getKey()
                                                    + " failed: "
                                                    + ex.getMessage())
                                    .forEvent(kind.eventId(p.event()), kind.source(p.event())));
                }
            }
            if (result != null) {
                // Outside the try: a caption that cannot be written (e.g. the registry is down)
                // fails the task, so nothing commits and the records are captioned again.
                settings.stats().batch(result.modelBatchSize());
                for (int i = 0; i < items.size(); i++) {
                    emitCaption(
                            items.get(i).getValue(), result, result.captions().get(i), batchStart);
                }
            }
            for (Map.Entry<Long, Pending<E>> e : items) {
                store.delete(e.getKey());
                pending.remove(e.getKey());
            }
            settings.stats().bufferedDelta(-items.size());
        }
    }

    private void emitCaption(
            Pending<E> p, BatchResult result, GeneratedCaption cap, long batchStart) {
        long now = ctx.currentSystemTimeMs();
        double endToEnd = Math.max(0, now - p.record().timestampMs());
        List<Float> conf = new ArrayList<>(cap.tokenConfidences().length);
        for (float c : cap.tokenConfidences()) {
            conf.add(c);
        }
        CaptionResult out =
                CaptionResult.newBuilder()
                        .setEventId(kind.eventId(p.event()))
                        .setSource(kind.source(p.event()))
                        .setTask(p.model())
                        .setCaption(cap.text())
                        .setTokens(cap.tokens())
                        .setTokenConfidences(conf)
                        .setScore(cap.score())
                        .setModelName(result.model().name())
                        .setModelVersion(result.model().version())
                        .setTimings(
                                new Timings(
                                        (double)
                                                Math.max(
                                                        0, batchStart - p.record().arrivalWallMs()),
                                        result.inferenceMs(),
                                        endToEnd))
                        .setBatchSize(result.modelBatchSize())
                        .setProducedAt(Instant.ofEpochMilli(now))
                        .setWorkerId(settings.workerId())
                        .setMetadata(kind.metadata(p.event()))
                        .build();
        ctx.forward(new Record<>(kind.source(p.event()), (SpecificRecord) out, now), CAPTIONS_SINK);
        settings.stats().caption(endToEnd, result.model().name(), result.model().version());
    }

    private void reject(BufferedRecord b, RejectedInputException e) {
        long now = ctx.currentSystemTimeMs();
        ProcessingError err =
                ProcessingError.newBuilder()
                        .setReason(e.reason())
                        .setMessage(e.getMessage())
                        .setOriginalTopic(b.topic())
                        .setOriginalPartition(b.partition())
                        .setOriginalOffset(b.offset())
                        .setEventId(e.eventId())
                        .setSource(e.source() != null ? e.source() : b.key())
                        .setOccurredAt(Instant.ofEpochMilli(now))
                        .setWorkerId(settings.workerId())
                        .build();
        log.warn(
                "{}-{}@{} to dead-letter topic: {} {}",
                b.topic(),
                b.partition(),
                b.offset(),
                e.reason(),
                e.getMessage());
        ctx.forward(new Record<>(b.key(), (SpecificRecord) err, now), DLQ_SINK);
        settings.stats().error(e.reason());
    }
}
