package io.capstream.schema.serde;

/**
 * Confluent's default subject naming: the value schema of topic {@code t} lives under subject
 * {@code t-value}, the key schema under {@code t-key}.
 */
public final class TopicNameStrategy {

    private TopicNameStrategy() {}

    /** The subject of {@code topic}'s key or value schema. */
    public static String subjectName(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
