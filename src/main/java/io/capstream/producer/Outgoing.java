package io.capstream.producer;

import io.capstream.schema.TopicSpec;
import java.util.List;

/**
 * One event ready to send.
 *
 * @param topic where it goes (and how its value is serialized)
 * @param key the record key: the event's source, so events of one source stay in order
 * @param id the event id
 * @param value the event
 * @param references reference captions when known (synthetic and dataset events), else empty
 * @param <V> the Avro event class
 */
public record Outgoing<V>(
        TopicSpec<String, V> topic, String key, String id, V value, List<String> references) {
    public Outgoing {
        references = List.copyOf(references);
    }

    /** Sends it. */
    public void sendWith(EventProducer producer) {
        producer.send(topic, key, value);
    }
}
