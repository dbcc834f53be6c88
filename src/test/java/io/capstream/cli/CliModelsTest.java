package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.capstream.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** model.threads reaches PyTorch through the one place the model commands share. */
class CliModelsTest {
    private int before;

    @AfterEach
    void restore() {
        JniUtils.setNumThreads(before);
    }

    @Test
    void shouldSetPyTorchThreadsWhenModelThreadsIsSetAndKeepThemWhenZero() {
        Engine.getInstance();
        before = JniUtils.getNumThreads();
        int other = before == 2 ? 3 : 2;
        CliModels.threads(ConfigLoader.builder().optOverride("model.threads=" + other).build());
        assertEquals(other, JniUtils.getNumThreads());
        CliModels.threads(ConfigLoader.builder().optOverride("model.threads=0").build());
        assertEquals(other, JniUtils.getNumThreads(), "0 keeps what is set");
    }
}
