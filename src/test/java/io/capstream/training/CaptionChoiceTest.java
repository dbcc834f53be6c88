package io.capstream.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionChoiceTest {
    private static TrainingSample sample(String... captions) {
        return new TrainingSample("s", 1, List.of(new byte[3]), List.of(captions));
    }

    @Test
    void shouldPickTheCommonPhrasingWhenReferencesDiffer() {
        List<TrainingSample> samples =
                List.of(
                        sample("someone painted the cube red", "the cube became red"),
                        sample("the sphere became blue", "the sphere is blue now"),
                        sample("the ball turned red", "the ball became red"));
        assertArrayEquals(new int[] {1, 0, 1}, CaptionChoice.typical(samples));
    }

    @Test
    void shouldUseTheTypicalReferenceInEveryBatchWhenChosen() {
        List<TrainingSample> samples =
                List.of(sample("nothing was modified", "there is no change", "there is no change"));
        BatchSampler typical = new BatchSampler(samples, 4, 1, CaptionChoice.TYPICAL);
        BatchSampler random = new BatchSampler(samples, 4, 1, CaptionChoice.RANDOM);
        for (int step = 0; step < 3; step++) {
            assertEquals("there is no change", typical.batch(step).captions().get(step));
        }
        long distinct =
                java.util.stream.IntStream.range(0, 8)
                        .mapToObj(step -> random.batch(step).captions())
                        .flatMap(List::stream)
                        .distinct()
                        .count();
        assertEquals(2, distinct);
    }
}
