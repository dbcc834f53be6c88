package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import java.util.List;

/** A captioner whose every call takes at least a given time, to imitate a larger model. */
final class SlowCaptioner implements Captioner {
    private final Captioner delegate;
    private final long minMillis;

    SlowCaptioner(Captioner delegate, long minMillis) {
        this.delegate = delegate;
        this.minMillis = minMillis;
    }

    @Override
    public ModelInfo info() {
        return delegate.info();
    }

    @Override
    public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
        long end = System.nanoTime() + minMillis * 1_000_000;
        List<GeneratedCaption> out = delegate.caption(batch);
        long left = end - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
