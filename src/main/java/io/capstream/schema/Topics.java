package io.capstream.schema;

import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.avro.LabeledPair;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.WorkerMetrics;
import java.util.List;

/**
 * The typed descriptors of every capstream topic, built once from a registry client and the topic
 * options. Keys are Strings; values are the generated Avro classes in the Confluent wire format.
 *
 * <pre>{@code
 * Topics topics = Topics.builder().setRegistry(registry).optPrefix("capstream.").build();
 * builder.stream(topics.images().name(),
 *         Consumed.with(topics.images().keySerde(), topics.images().valueSerde()));
 * }</pre>
 */
public final class Topics {

    /** Prefix of every topic name unless configured otherwise. */
    public static final String DEFAULT_PREFIX = "capstream.";

    /** Largest record on the image topics unless configured otherwise: 16 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final TopicSpec<String, ImageEvent> images;
    private final TopicSpec<String, ImagePairEvent> imagePairs;
    private final TopicSpec<String, CaptionResult> captions;
    private final TopicSpec<String, ProcessingError> dlq;
    private final TopicSpec<String, WorkerMetrics> metrics;
    private final TopicSpec<String, LabeledImage> labeledImages;
    private final TopicSpec<String, LabeledPair> labeledPairs;
    private final TopicSpec<String, ModelUpdate> modelUpdates;

    Topics(TopicsBuilder b) {
        images = b.imageTopic("images", ImageEvent.class);
        imagePairs = b.imageTopic("image-pairs", ImagePairEvent.class);
        captions = b.eventTopic("captions", CaptionResult.class);
        dlq = b.eventTopic("dlq", ProcessingError.class);
        metrics = b.eventTopic("metrics", WorkerMetrics.class);
        labeledImages = b.imageTopic("labeled-images", LabeledImage.class);
        labeledPairs = b.imageTopic("labeled-pairs", LabeledPair.class);
        modelUpdates = b.compactedTopic("model-updates", ModelUpdate.class);
    }

    /** Starts a builder; {@link TopicsBuilder#setRegistry} is required. */
    public static TopicsBuilder builder() {
        return new TopicsBuilder();
    }

    /** Images to caption, keyed by source. */
    public TopicSpec<String, ImageEvent> images() {
        return images;
    }

    /** Image pairs to describe the change of, keyed by source. */
    public TopicSpec<String, ImagePairEvent> imagePairs() {
        return imagePairs;
    }

    /** Captions the workers produce, keyed by source. */
    public TopicSpec<String, CaptionResult> captions() {
        return captions;
    }

    /** Inputs that could not be processed, with the reason. */
    public TopicSpec<String, ProcessingError> dlq() {
        return dlq;
    }

    /** Per-worker throughput, latency and batch-size windows, keyed by worker id. */
    public TopicSpec<String, WorkerMetrics> metrics() {
        return metrics;
    }

    /** Pictures with reference captions for training, keyed by source. */
    public TopicSpec<String, LabeledImage> labeledImages() {
        return labeledImages;
    }

    /** Image pairs with reference change captions for training, keyed by source. */
    public TopicSpec<String, LabeledPair> labeledPairs() {
        return labeledPairs;
    }

    /** Checkpoints to serve, keyed by model name; compacted, one partition (ordered). */
    public TopicSpec<String, ModelUpdate> modelUpdates() {
        return modelUpdates;
    }

    /** All topics, inputs first. */
    public List<TopicSpec<?, ?>> all() {
        return List.of(
                images,
                imagePairs,
                captions,
                dlq,
                metrics,
                labeledImages,
                labeledPairs,
                modelUpdates);
    }
}
