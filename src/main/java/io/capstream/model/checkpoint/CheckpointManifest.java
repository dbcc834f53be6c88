package io.capstream.model.checkpoint;

import java.util.Map;

/**
 * {@code checkpoint.json}: what a checkpoint directory holds and how to verify it.
 *
 * @param formatVersion layout version of the directory; readers reject versions they don't know
 * @param modelName iba-cd, decider, or a user's name
 * @param version model version, increasing per model name
 * @param createdAt ISO-8601 instant
 * @param files file name → hex SHA-256 of its bytes, for every file of the checkpoint
 */
public record CheckpointManifest(
        int formatVersion,
        String modelName,
        int version,
        String createdAt,
        Map<String, String> files) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "checkpoint.json";
}
