package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.image.ModelImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Captions an image with its mean grey level ("grey 42"), so tests can check that every caption
 * went back to the event it belongs to. Records the size of every batch it saw.
 */
final class FakeCaptioner implements Captioner {
    final List<Integer> batchSizes = new ArrayList<>();
    private final ModelInfo info;
    volatile boolean fail;

    FakeCaptioner(String name, int version, boolean pairs) {
        this.info = new ModelInfo(name, version, pairs, 16, "cpu()");
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public synchronized List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
        if (fail) {
            throw new IllegalStateException("simulated model failure");
        }
        batchSizes.add(batch.size());
        List<GeneratedCaption> out = new ArrayList<>();
        for (CaptionInput in : batch) {
            ModelImage img =
                    in instanceof CaptionInput.Pair p
                            ? p.after()
                            : ((CaptionInput.Single) in).image();
            double mean = 0;
            for (float v : img.chw()) {
                mean += v;
            }
            int grey = (int) Math.round(255 * mean / img.chw().length);
            out.add(
                    GeneratedCaption.of(
                            List.of("grey", String.format(Locale.ROOT, "%d", grey)),
                            new float[] {0.9f, 0.5f}));
        }
        return out;
    }

    @Override
    public void close() {}
}
