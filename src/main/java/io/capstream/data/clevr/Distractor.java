package io.capstream.data.clevr;

/**
 * A non-semantic difference applied to an "after" picture, as CLEVR-Change varies viewpoint and
 * lighting: a small camera shift and/or an illumination change. No object changes.
 *
 * @param shiftX horizontal camera shift in pixels of the rendered image (scene moves right when >0)
 * @param shiftY vertical camera shift in pixels (scene moves down when >0)
 * @param brightness multiplier of every RGB channel, 1 = unchanged
 */
public record Distractor(int shiftX, int shiftY, double brightness) {
    /** No jitter: the canonical view of a scene. */
    public static final Distractor NONE = new Distractor(0, 0, 1.0);

    public Distractor {
        if (!(brightness > 0)) {
            throw new IllegalArgumentException("brightness must be > 0, was " + brightness);
        }
    }

    /** "shift", "brightness", "shift+brightness" or "none". */
    public String kind() {
        boolean shift = shiftX != 0 || shiftY != 0;
        boolean light = brightness != 1.0;
        return shift && light
                ? "shift+brightness"
                : shift ? "shift" : light ? "brightness" : "none";
    }
}
