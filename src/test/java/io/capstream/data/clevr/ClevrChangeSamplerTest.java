package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClevrChangeSamplerTest {
    private static final int SAMPLES = 500;
    private static final List<ClevrChangeSample> SAMPLED = sample(new ClevrChangeSampler(11, 64));

    private static List<ClevrChangeSample> sample(ClevrChangeSampler sampler) {
        List<ClevrChangeSample> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            out.add(sampler.sample(i));
        }
        return out;
    }

    @Test
    void shouldKeepAttributeCombinationsUniqueWhenScenesAreSampled() {
        for (ClevrChangeSample s : SAMPLED) {
            for (Scene scene : List.of(s.before(), s.after())) {
                Set<ObjectAttributes> seen = new HashSet<>();
                scene.objects()
                        .forEach(o -> assertTrue(seen.add(o.attributes()), "index " + s.index()));
                int n = scene.objects().size();
                assertTrue(n >= 3 && n <= 7, "index " + s.index() + " has " + n + " objects");
            }
        }
    }

    @Test
    void shouldPlaceObjectsWithoutHeavyOverlapWhenScenesAreSampled() {
        for (ClevrChangeSample s : SAMPLED) {
            for (Scene scene : List.of(s.before(), s.after())) {
                for (SceneObject o : scene.objects()) {
                    assertTrue(
                            ScenePlacer.fits(o, scene.objects()), "index " + s.index() + " " + o);
                }
            }
        }
    }

    @Test
    void shouldChangeExactlyTheNamedObjectWhenSemanticChangeIsApplied() {
        for (ClevrChangeSample s : SAMPLED) {
            SceneChange c = s.change();
            List<SceneObject> untouched = new ArrayList<>(s.before().objects());
            c.before().ifPresent(untouched::remove);
            List<SceneObject> afterRest = new ArrayList<>(s.after().objects());
            c.after().ifPresent(afterRest::remove);
            // Every other object keeps its attributes and its exact floor position.
            assertEquals(Set.copyOf(untouched), Set.copyOf(afterRest), "index " + s.index());
            assertEquals(untouched.size(), afterRest.size());
            c.before().ifPresent(o -> assertTrue(s.before().objects().contains(o)));
            c.after().ifPresent(o -> assertTrue(s.after().objects().contains(o)));
            switch (c.type()) {
                case COLOR -> {
                    assertNotEquals(color(c.before()), color(c.after()));
                    assertEquals(
                            c.before().get().attributes().withColor(color(c.after())),
                            c.after().get().attributes());
                    assertSamePlace(c);
                }
                case MATERIAL -> {
                    ObjectAttributes a = c.before().get().attributes();
                    assertEquals(
                            a.withMaterial(a.material().other()), c.after().get().attributes());
                    assertSamePlace(c);
                }
                case MOVE -> {
                    assertEquals(c.before().get().attributes(), c.after().get().attributes());
                    assertTrue(
                            ScenePlacer.screenDistance(c.before().get(), c.after().get())
                                    >= ChangeSampler.MIN_MOVE,
                            "index " + s.index() + " moved too little");
                }
                case ADD -> assertFalse(s.before().contains(c.after().get().attributes()));
                case DROP -> assertFalse(s.after().contains(c.before().get().attributes()));
                case NO_CHANGE -> throw new AssertionError("semantic pair without change");
            }
        }
    }

    private static ObjectColor color(Optional<SceneObject> o) {
        return o.orElseThrow().attributes().color();
    }

    private static void assertSamePlace(SceneChange c) {
        assertEquals(c.before().get().x(), c.after().get().x());
        assertEquals(c.before().get().depth(), c.after().get().depth());
    }

    @Test
    void shouldDrawChangeTypesRoughlyUniformlyWhenManyIndicesAreSampled() {
        Map<ChangeType, Integer> counts = new EnumMap<>(ChangeType.class);
        SAMPLED.forEach(s -> counts.merge(s.change().type(), 1, Integer::sum));
        assertEquals(Set.copyOf(ChangeType.SEMANTIC), counts.keySet());
        // Expected 100 each; a binomial(500, 0.2) stays within ±40 with overwhelming probability.
        counts.forEach((t, n) -> assertTrue(n > 60 && n < 140, t + " drawn " + n + " times"));
    }

    @Test
    void shouldJitterBothAfterPicturesWhenSampled() {
        ClevrChangeSampler big = new ClevrChangeSampler(11, 128);
        for (ClevrChangeSample s : SAMPLED) {
            for (Distractor d : List.of(s.semanticDistractor(), s.nonSemanticDistractor())) {
                assertNotEquals("none", d.kind(), "index " + s.index());
                assertTrue(Math.abs(d.shiftX()) <= 2 && Math.abs(d.shiftY()) <= 2, d.toString());
                double light = Math.abs(d.brightness() - 1);
                assertTrue(
                        light == 0 || (light >= 0.05 - 1e-9 && light <= 0.12 + 1e-9), d.toString());
            }
        }
        for (int i = 0; i < 50; i++) {
            // Same draws at twice the size: same scenes, shifts scaled by two.
            ClevrChangeSample s64 = SAMPLED.get(i);
            ClevrChangeSample s128 = big.sample(i);
            assertEquals(s64.before(), s128.before());
            assertEquals(s64.changeCaptions(), s128.changeCaptions());
            assertEquals(2 * s64.semanticDistractor().shiftX(), s128.semanticDistractor().shiftX());
            assertEquals(
                    s64.semanticDistractor().brightness(), s128.semanticDistractor().brightness());
        }
    }

    @Test
    void shouldRepeatSamplesWhenSeedAndIndexAreTheSame() {
        ClevrChangeSampler again = new ClevrChangeSampler(11, 64);
        // Reverse order: a sample depends on (seed, index) only, not on what was drawn before.
        for (int i = 99; i >= 0; i--) {
            assertEquals(SAMPLED.get(i), again.sample(i));
        }
    }

    @Test
    void shouldDrawOtherScenesWhenSeedDiffers() {
        ClevrChangeSampler other = new ClevrChangeSampler(12, 64);
        int same = 0;
        for (int i = 0; i < 100; i++) {
            if (SAMPLED.get(i).before().equals(other.sample(i).before())) {
                same++;
            }
        }
        assertEquals(0, same);
    }
}
