package io.capstream.producer;

import io.capstream.data.clevr.ClevrChangeSample;
import io.capstream.data.clevr.ClevrChangeSampler;
import io.capstream.data.clevr.ClevrRenderer;
import io.capstream.data.clevr.Distractor;
import io.capstream.data.render.DeterministicPng;
import io.capstream.data.toons.SceneSampler;
import io.capstream.data.toons.ToonCaptioner;
import io.capstream.data.toons.ToonDatasetGenerator;
import io.capstream.data.toons.ToonRenderer;
import io.capstream.data.toons.ToonScene;
import io.capstream.schema.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An endless feed of synthetic events, rendered on the fly with the dataset generators' samplers
 * and renderers (or cycled from a pre-rendered pool, for rates rendering cannot keep up with).
 * Every event carries the generator's reference captions, so its caption can be scored. Event
 * {@code n} is the same for the same seed and size; use a seed other than the training data's so
 * the feed shows the models unseen scenes.
 */
public final class SyntheticFeed {
    /** Number of distinct sources (cameras) the events are spread over. */
    public static final int SOURCES = 4;

    private final SyntheticKind kind;
    private final Topics topics;
    private final ImagePayloads payloads;
    private final long seed;
    private final int size;
    private final String idPrefix;
    private final List<Rendered> pool = new ArrayList<>();
    private final ClevrChangeSampler clevr;
    private long next;

    private record Rendered(
            byte[] first, byte[] second, List<String> references, Map<String, String> meta) {}

    /**
     * @param idPrefix prepended to every event id (e.g. a run id), may be empty
     * @param poolSize pre-render this many events and cycle through them; 0 renders each event
     */
    public SyntheticFeed(
            SyntheticKind kind,
            Topics topics,
            ImagePayloads payloads,
            long seed,
            int size,
            String idPrefix,
            int poolSize) {
        this.kind = kind;
        this.topics = topics;
        this.payloads = payloads;
        this.seed = seed;
        this.size = size;
        this.idPrefix = idPrefix;
        this.clevr = new ClevrChangeSampler(seed, size);
        for (int i = 0; i < poolSize; i++) {
            pool.add(render(i));
        }
    }

    /** The next event. */
    public Outgoing<?> next() {
        long n = next++;
        Rendered r = pool.isEmpty() ? render(n) : pool.get((int) (n % pool.size()));
        String id = idPrefix + kind.id() + "-" + n;
        String source = (kind == SyntheticKind.PAIRS ? "cam-" : "toon-feed-") + (n % SOURCES);
        Instant now = Instant.now();
        if (kind == SyntheticKind.PAIRS) {
            return new Outgoing<>(
                    topics.imagePairs(),
                    source,
                    id,
                    Events.pair(
                            id,
                            source,
                            now,
                            payloads.fromBytes(r.first(), id + "-before.png"),
                            payloads.fromBytes(r.second(), id + "-after.png"),
                            r.meta()),
                    r.references());
        }
        return new Outgoing<>(
                topics.images(),
                source,
                id,
                Events.image(id, source, now, payloads.fromBytes(r.first(), id + ".png"), r.meta()),
                r.references());
    }

    private Rendered render(long n) {
        return kind == SyntheticKind.PAIRS ? renderPair(n) : renderToon(n);
    }

    /** Even events show a semantic change, odd ones the same scene with distractors only. */
    private Rendered renderPair(long n) {
        ClevrChangeSample s = clevr.sample((int) (n / 2));
        boolean changed = n % 2 == 0;
        byte[] before =
                DeterministicPng.encode(ClevrRenderer.render(s.before(), Distractor.NONE, size));
        byte[] after =
                DeterministicPng.encode(
                        changed
                                ? ClevrRenderer.render(s.after(), s.semanticDistractor(), size)
                                : ClevrRenderer.render(
                                        s.before(), s.nonSemanticDistractor(), size));
        String type = changed ? s.change().type().id() : "no-change";
        return new Rendered(
                before,
                after,
                changed ? s.changeCaptions() : s.noChangeCaptions(),
                Map.of("generator", "clevr-change", "changeType", type));
    }

    private Rendered renderToon(long n) {
        Random rng = new Random(ToonDatasetGenerator.imageSeed(seed, (int) n));
        ToonScene scene = SceneSampler.sample(rng);
        List<String> captions = ToonCaptioner.captions(scene, rng);
        byte[] png = DeterministicPng.encode(ToonRenderer.render(scene, size).image());
        return new Rendered(png, null, captions, Map.of("generator", "toons"));
    }
}
