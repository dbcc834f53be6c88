package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.schema.avro.ImageEvent;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/** Single-image events (topic capstream.images), captioned by an image model such as iba-cd. */
final class ImageEvents extends EventKind<ImageEvent> {
    ImageEvents(Deserializer<ImageEvent> deserializer) {
        super(deserializer);
    }

    @Override
    String name() {
        return "images";
    }

    @Override
    boolean pairs() {
        return false;
    }

    @Override
    String eventId(ImageEvent e) {
        return e.getId();
    }

    @Override
    String source(ImageEvent e) {
        return e.getSource();
    }

    @Override
    String model(ImageEvent e) {
        return e.getTask();
    }

    @Override
    Map<String, String> metadata(ImageEvent e) {
        return e.getMetadata();
    }

    @Override
    CaptionInput toInput(ImageEvent e, ImageLoader images, int size) throws RejectedInputException {
        return new CaptionInput.Single(images.load(e.getImage(), "image", size));
    }
}
