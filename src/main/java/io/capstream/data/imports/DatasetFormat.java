package io.capstream.data.imports;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The published dataset layouts capstream can import, with auto-detection. */
public enum DatasetFormat {
    CLEVR_CHANGE("clevr-change", true, "change_captions.json", ClevrChangeReader::isRoot),
    SPOT_THE_DIFF(
            "spot-the-diff",
            true,
            "annotations/{train,val,test}.json with resized_images/",
            SpotTheDiffReader::isRoot),
    IMAGE_EDITING_REQUEST(
            "image-editing-request",
            true,
            "{train,valid,test}.json",
            ImageEditingRequestReader::isRoot),
    COCO(
            "coco",
            false,
            "annotations/captions_{train,val,test}.json, annotations/captions_{train,val}2014.json"
                    + " or dataset_coco.json",
            CocoCaptionsReader::isRoot);

    private final String id;
    private final boolean pairs;
    private final String marker;
    private final Predicate<Path> isRoot;

    DatasetFormat(String id, boolean pairs, String marker, Predicate<Path> isRoot) {
        this.id = id;
        this.pairs = pairs;
        this.marker = marker;
        this.isRoot = isRoot;
    }

    /** The name used on the command line, e.g. {@code clevr-change}. */
    public String id() {
        return id;
    }

    /** Whether samples are image pairs ({@code CaptionedPair}) rather than single images. */
    public boolean isPairs() {
        return pairs;
    }

    /** Whether {@code dir} (or its {@code data/} sub-directory) holds this layout. */
    public boolean matches(Path dir) {
        return DatasetDir.find(dir, isRoot).isPresent();
    }

    /**
     * Parses a format name ({@link #id()}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the known formats
     */
    public static DatasetFormat parse(String name) {
        for (DatasetFormat f : values()) {
            if (f.id.equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown dataset format '" + name + "' (expected one of " + ids() + ")");
    }

    /**
     * The one layout found in {@code dir} or its {@code data/} sub-directory.
     *
     * @throws UserInputException when none matches (listing what was looked for) or several do
     */
    public static DatasetFormat detect(Path dir) {
        DatasetDir.requireDirectory(dir);
        List<DatasetFormat> found = new ArrayList<>();
        for (DatasetFormat f : values()) {
            if (f.matches(dir)) {
                found.add(f);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            StringBuilder looked = new StringBuilder();
            for (DatasetFormat f : values()) {
                looked.append(looked.length() == 0 ? "" : "; ")
                        .append(f.id)
                        .append(": ")
                        .append(f.marker);
            }
            throw new UserInputException(
                    dir + ": no known dataset layout here or in data/ (looked for " + looked + ")");
        }
        List<String> names = found.stream().map(DatasetFormat::id).toList();
        throw new UserInputException(
                dir
                        + ": looks like several dataset layouts ("
                        + String.join(", ", names)
                        + "); choose one with --format");
    }

    static String ids() {
        List<String> ids = new ArrayList<>();
        for (DatasetFormat f : values()) {
            ids.add(f.id);
        }
        return String.join(", ", ids).toLowerCase(Locale.ROOT);
    }
}
