package io.capstream.model.image;

/**
 * Why an input image cannot be captioned. The worker maps each to a dead-letter reason code, so
 * these are part of the product's contract.
 */
public enum ImageProblem {
    /** The bytes are not a readable image (truncated, corrupt, empty). */
    UNDECODABLE_IMAGE,
    /** The content type or format is not one we decode (PNG, JPEG, GIF, BMP). */
    UNSUPPORTED_FORMAT,
    /** Larger than the configured byte or pixel limit. */
    TOO_LARGE,
    /** The two images of a pair have different sizes. */
    PAIR_SIZE_MISMATCH
}
