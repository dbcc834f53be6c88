package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.training.TrainingSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeldOutFileTest {
    @TempDir Path store;

    private static TrainingSample sample(String id, int images, byte fill) {
        byte[] px = new byte[3 * 2 * 2];
        java.util.Arrays.fill(px, fill);
        return new TrainingSample(
                id,
                2,
                images == 1 ? List.of(px) : List.of(px, px.clone()),
                List.of("a caption", "ünïcode caption"));
    }

    @Test
    void shouldReadBackWhatWasWritten() throws IOException {
        HeldOutFile f = new HeldOutFile(store, "decider");
        List<TrainingSample> in = List.of(sample("a", 2, (byte) 7), sample("b", 1, (byte) -3));
        f.write(in);
        assertEquals(store.resolve("decider/trainer/held-out.bin"), f.path());
        List<TrainingSample> out = new HeldOutFile(store, "decider").read();
        assertEquals(2, out.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(in.get(i).id(), out.get(i).id());
            assertEquals(in.get(i).captions(), out.get(i).captions());
            assertEquals(in.get(i).images().size(), out.get(i).images().size());
            assertArrayEquals(in.get(i).images().get(0), out.get(i).images().get(0));
        }
        try (var files = Files.list(f.path().getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test
    void shouldBeEmptyWhenNothingWasSaved() throws IOException {
        assertEquals(List.of(), new HeldOutFile(store, "iba-cd").read());
    }

    @Test
    void shouldNameFileWhenItIsCorrupt() throws IOException {
        HeldOutFile f = new HeldOutFile(store, "decider");
        f.write(List.of(sample("a", 2, (byte) 1)));
        byte[] bytes = Files.readAllBytes(f.path());
        bytes[20] ^= 0x55;
        Files.write(f.path(), bytes);
        IOException e = assertThrows(IOException.class, f::read);
        assertTrue(e.getMessage().contains(f.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        Files.write(f.path(), new byte[] {1, 2, 3});
        assertTrue(assertThrows(IOException.class, f::read).getMessage().contains("truncated"));
    }
}
