package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.image.ModelImage;
import io.capstream.schema.avro.ImagePairEvent;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/** Image-pair events (topic capstream.image-pairs), captioned by a change model such as decider. */
final class PairEvents extends EventKind<ImagePairEvent> {
    PairEvents(Deserializer<ImagePairEvent> deserializer) {
        super(deserializer);
    }

    @Override
    String name() {
        return "pairs";
    }

    @Override
    boolean pairs() {
        return true;
    }

    @Override
    String eventId(ImagePairEvent e) {
        return e.getId();
    }

    @Override
    String source(ImagePairEvent e) {
        return e.getSource();
    }

    @Override
    String model(ImagePairEvent e) {
        return e.getTask();
    }

    @Override
    Map<String, String> metadata(ImagePairEvent e) {
        return e.getMetadata();
    }

    @Override
    CaptionInput toInput(ImagePairEvent e, ImageLoader images, int size)
            throws RejectedInputException {
        ModelImage[] both = images.loadPair(e.getBefore(), e.getAfter(), size);
        return new CaptionInput.Pair(both[0], both[1]);
    }
}
