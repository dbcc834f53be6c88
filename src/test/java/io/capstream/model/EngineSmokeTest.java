package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class EngineSmokeTest {

    @Test
    void shouldMultiplyArraysWhenPyTorchEngineLoadsOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            NDArray b = manager.create(new float[] {4f, 5f, 6f});
            assertArrayEquals(new float[] {4f, 10f, 18f}, a.mul(b).toFloatArray());
        }
    }
}
