package io.capstream.worker;

import io.capstream.model.image.ImagePreprocessor;
import io.capstream.model.image.InvalidImageException;
import io.capstream.model.image.ModelImage;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ImageData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the image field of an event (inline bytes or a claim-check URI) into a model-ready image,
 * mapping every failure to a dead-letter reason. Thread-safe.
 */
public final class ImageLoader {
    private final Map<Integer, ImagePreprocessor> bySize = new ConcurrentHashMap<>();
    private final long maxImageBytes;
    private final long maxPixels;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param maxImageBytes largest encoded image accepted (inline or fetched)
     * @param maxPixels largest width × height accepted before decoding
     */
    public ImageLoader(long maxImageBytes, long maxPixels) {
        this.maxImageBytes = maxImageBytes;
        this.maxPixels = maxPixels;
    }

    private ImagePreprocessor preprocessor(int size) {
        return bySize.computeIfAbsent(size, s -> new ImagePreprocessor(s, maxPixels));
    }

    /**
     * Loads one image resized to the model's input size.
     *
     * @param data the event's image field
     * @param what how messages name the image, e.g. "image"
     * @param size the model's image size
     * @return the image
     * @throws RejectedInputException with the dead-letter reason when it cannot be used
     */
    public ModelImage load(ImageData data, String what, int size) throws RejectedInputException {
        try {
            return preprocessor(size).decode(bytes(data, what));
        } catch (InvalidImageException e) {
            throw new RejectedInputException(reason(e), what + ": " + e.getMessage());
        }
    }

    /**
     * Loads both images of a pair, which must have the same size.
     *
     * @return before and after
     * @throws RejectedInputException with the dead-letter reason when they cannot be used
     */
    public ModelImage[] loadPair(ImageData before, ImageData after, int size)
            throws RejectedInputException {
        try {
            return preprocessor(size)
                    .decodePair(bytes(before, "before image"), bytes(after, "after image"));
        } catch (InvalidImageException e) {
            throw new RejectedInputException(reason(e), e.getMessage());
        }
    }

    private byte[] bytes(ImageData data, String what) throws RejectedInputException {
        if (data.getSizeBytes() > maxImageBytes) {
            throw tooLarge(what, data.getSizeBytes());
        }
        ByteBuffer inline = data.getBytes();
        if (inline != null) {
            byte[] b = new byte[inline.remaining()];
            inline.duplicate().get(b);
            return b;
        }
        if (data.getUri() == null) {
            throw new RejectedInputException(
                    ErrorReason.SCHEMA_ERROR, what + " has neither inline bytes nor a uri");
        }
        return fetch(data.getUri(), what);
    }

    private byte[] fetch(String uri, String what) throws RejectedInputException {
        try {
            URI u = URI.create(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            switch (scheme) {
                case "file":
                    Path p = Path.of(u);
                    long size = Files.size(p);
                    if (size > maxImageBytes) {
                        throw tooLarge(what, size);
                    }
                    return Files.readAllBytes(p);
                case "http":
                case "https":
                    HttpResponse<InputStream> r =
                            http.send(
                                    HttpRequest.newBuilder(u)
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = r.body()) {
                        if (r.statusCode() != 200) {
                            throw unreadable(uri, what, "HTTP " + r.statusCode());
                        }
                        byte[] b =
                                in.readNBytes(
                                        (int) Math.min(Integer.MAX_VALUE - 8, maxImageBytes + 1));
                        if (b.length > maxImageBytes) {
                            throw tooLarge(what, b.length);
                        }
                        return b;
                    }
                default:
                    throw unreadable(uri, what, "unsupported URI scheme '" + scheme + "'");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(uri, what, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable(uri, what, "interrupted");
        }
    }

    private RejectedInputException tooLarge(String what, long size) {
        return new RejectedInputException(
                ErrorReason.TOO_LARGE,
                what + " has " + size + " bytes, more than the limit of " + maxImageBytes);
    }

    private static RejectedInputException unreadable(String uri, String what, String why) {
        return new RejectedInputException(
                ErrorReason.UNREADABLE_URI, what + " at " + uri + " cannot be read: " + why);
    }

    private static ErrorReason reason(InvalidImageException e) {
        switch (e.problem()) {
            case UNSUPPORTED_FORMAT:
                return ErrorReason.UNSUPPORTED_FORMAT;
            case TOO_LARGE:
                return ErrorReason.TOO_LARGE;
            case PAIR_SIZE_MISMATCH:
                return ErrorReason.PAIR_SIZE_MISMATCH;
            default:
                return ErrorReason.UNDECODABLE_IMAGE;
        }
    }
}
