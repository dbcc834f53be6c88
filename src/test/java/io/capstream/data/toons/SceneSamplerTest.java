package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneSamplerTest {

    @Test
    void shouldShowTheRelationInThePictureWhenThereIsASecondCharacter() {
        int checked = 0;
        Set<Relation> seen = EnumSet.noneOf(Relation.class);
        for (int i = 0; i < 1500; i++) {
            ToonScene scene = SceneSampler.sample(new Random(i));
            if (scene.second().isEmpty()) {
                continue;
            }
            List<Rectangle2D> boxes = ToonRenderer.render(scene, 64).boxes();
            Rectangle2D second = null;
            Rectangle2D group = null;
            for (int f = 0; f < boxes.size(); f++) {
                Rectangle2D b = boxes.get(f);
                if (scene.figures().get(f).second()) {
                    second = b;
                } else {
                    group = group == null ? b : group.createUnion(b);
                }
            }
            Relation r = scene.relation().orElseThrow();
            seen.add(r);
            String where = "scene " + i + " " + r + ": second " + second + " group " + group;
            switch (r) {
                case LEFT_OF:
                    assertTrue(second.getMaxX() < group.getMinX(), where);
                    break;
                case RIGHT_OF:
                    assertTrue(second.getMinX() > group.getMaxX(), where);
                    break;
                case ABOVE:
                    assertTrue(second.getMaxY() < group.getMinY(), where);
                    assertTrue(overlap(second, group), where);
                    break;
                default:
                    assertTrue(second.getMinY() > group.getMaxY(), where);
                    assertTrue(overlap(second, group), where);
            }
            checked++;
        }
        assertTrue(checked > 400, "scenes with a second character: " + checked);
        assertEquals(
                EnumSet.of(Relation.LEFT_OF, Relation.RIGHT_OF, Relation.ABOVE, Relation.BELOW),
                seen);
    }

    private static boolean overlap(Rectangle2D a, Rectangle2D b) {
        double cx = a.getCenterX();
        return cx > b.getMinX() && cx < b.getMaxX();
    }

    @Test
    void shouldKeepEveryCharacterInsideThePictureWhenRendered() {
        for (int i = 0; i < 1500; i++) {
            ToonScene scene = SceneSampler.sample(new Random(i));
            for (Rectangle2D b : ToonRenderer.render(scene, 64).boxes()) {
                String where = "scene " + i + ": " + b;
                assertTrue(b.getMinX() >= -0.5 && b.getMaxX() <= 64.5, where);
                assertTrue(b.getMinY() >= -0.5 && b.getMaxY() <= 64.5, where);
                assertTrue(b.getHeight() >= 5, where);
            }
        }
    }

    @Test
    void shouldFollowTheSceneGrammarWhenSampling() {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        Set<Action> actions = EnumSet.noneOf(Action.class);
        Set<Setting> settings = EnumSet.noneOf(Setting.class);
        Set<Integer> counts = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ToonScene s = SceneSampler.sample(new Random(i));
            kinds.add(s.group().kind());
            actions.add(s.group().action());
            settings.add(s.setting());
            counts.add(s.count());
            long members = s.figures().stream().filter(f -> !f.second()).count();
            assertEquals(s.count(), members);
            assertTrue(
                    s.figures().stream()
                            .filter(f -> !f.second())
                            .allMatch(f -> f.actor().equals(s.group())));
            s.second()
                    .ifPresent(
                            o -> {
                                assertFalse(o.kind() == s.group().kind());
                                assertFalse(o.colour() == s.group().colour());
                            });
        }
        assertEquals(EnumSet.allOf(Kind.class), kinds);
        assertEquals(EnumSet.allOf(Action.class), actions);
        assertEquals(EnumSet.allOf(Setting.class), settings);
        assertEquals(Set.of(1, 2, 3), counts);
    }

    @Test
    void shouldGiveTheSameSceneWhenTheSeedIsTheSame() {
        assertEquals(SceneSampler.sample(new Random(3)), SceneSampler.sample(new Random(3)));
        assertFalse(SceneSampler.sample(new Random(3)).equals(SceneSampler.sample(new Random(4))));
    }
}
