package io.capstream.data;

import java.util.Locale;

/** A dataset split. Names match the published layouts ("train", "val", "test"). */
public enum Split {
    TRAIN,
    VAL,
    TEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "train", "val"/"valid"/"validation" or "test", case-insensitively. */
    public static Split parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "train":
                return TRAIN;
            case "val":
            case "valid":
            case "validation":
                return VAL;
            case "test":
                return TEST;
            default:
                throw new IllegalArgumentException(
                        "unknown split '" + s + "' (expected train, val or test)");
        }
    }
}
