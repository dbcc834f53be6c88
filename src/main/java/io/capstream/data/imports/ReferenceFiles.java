package io.capstream.data.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes the evaluation inputs of a split: references {@code {id: [captions]}} (the {@code
 * capstream eval --refs} format) and change types {@code {type: [ids]}} (the {@code --by-type}
 * format).
 */
public final class ReferenceFiles {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReferenceFiles() {}

    /** {@code {id: [captions]}} of the pairs in {@code split}, in sample order. */
    public static Map<String, List<String>> pairReferences(List<CaptionedPair> pairs, Split split) {
        return references(
                pairs, split, CaptionedPair::split, CaptionedPair::id, CaptionedPair::captions);
    }

    /** {@code {id: [captions]}} of the images in {@code split}, in sample order. */
    public static Map<String, List<String>> imageReferences(
            List<CaptionedImage> images, Split split) {
        return references(
                images, split, CaptionedImage::split, CaptionedImage::id, CaptionedImage::captions);
    }

    /**
     * {@code {type: [ids]}} of the pairs in {@code split} that have a change type, types sorted by
     * name, ids in sample order; empty when the dataset has no change types.
     */
    public static Map<String, List<String>> changeTypes(List<CaptionedPair> pairs, Split split) {
        Map<String, List<String>> byType = new TreeMap<>();
        for (CaptionedPair p : pairs) {
            if (p.split() == split && p.changeType().isPresent()) {
                byType.computeIfAbsent(p.changeType().get(), t -> new ArrayList<>()).add(p.id());
            }
        }
        return byType;
    }

    /**
     * Writes {@code json} as an indented JSON object, creating parent directories.
     *
     * @throws UserInputException naming {@code out} when it cannot be written
     */
    public static void write(Map<String, List<String>> json, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValue(out.toFile(), json);
        } catch (IOException e) {
            throw new UserInputException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static <T> Map<String, List<String>> references(
            List<T> samples,
            Split split,
            Function<T, Split> splitOf,
            Function<T, String> idOf,
            Function<T, List<String>> captionsOf) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (T s : samples) {
            if (splitOf.apply(s) == split
                    && refs.putIfAbsent(idOf.apply(s), captionsOf.apply(s)) != null) {
                throw new UserInputException(
                        "duplicate id \"" + idOf.apply(s) + "\" in split " + split.id());
            }
        }
        return refs;
    }
}
