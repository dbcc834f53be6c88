package io.capstream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        CapstreamConfig c = CapstreamConfig.defaults();
        assertEquals(32, c.get(ConfigKeys.MAX_BATCH_SIZE));
        assertEquals(50L, c.get(ConfigKeys.MAX_BATCH_DELAY_MS));
        assertEquals("capstream.", c.get(ConfigKeys.TOPIC_PREFIX));
    }

    @Test
    void shouldApplyFileThenEnvironmentThenCommandLineWhenAllSetOneKey() throws IOException {
        Path file =
                write("worker.max.batch.size=8\nworker.max.batch.delay.ms=20\ntopic.prefix=a.\n");
        CapstreamConfig c =
                ConfigLoader.builder()
                        .optFile(file)
                        .optEnvironment(
                                Map.of(
                                        "CAPSTREAM_WORKER_MAX_BATCH_SIZE", "16",
                                        "CAPSTREAM_TOPIC_PREFIX", "b.",
                                        "HOME", "/root"))
                        .optOverride("worker.max.batch.size=64")
                        .build();
        assertEquals(64, c.get(ConfigKeys.MAX_BATCH_SIZE));
        assertEquals(20L, c.get(ConfigKeys.MAX_BATCH_DELAY_MS));
        assertEquals("b.", c.get(ConfigKeys.TOPIC_PREFIX));
    }

    @Test
    void shouldIgnoreWrapperJvmFlagsWhenReadingEnvironment() {
        CapstreamConfig c =
                ConfigLoader.builder()
                        .optEnvironment(
                                Map.of(
                                        "CAPSTREAM_JAVA_OPTS", "-Xmx2g",
                                        "CAPSTREAM_TOPIC_PREFIX", "b."))
                        .build();
        assertEquals("b.", c.get(ConfigKeys.TOPIC_PREFIX));
    }

    @Test
    void shouldNameKeyAndSuggestWhenKeyIsUnknown() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ConfigLoader.builder()
                                        .optOverride("worker.max.batch.sise=3")
                                        .build());
        assertEquals(
                "unknown config key 'worker.max.batch.sise' (from command line); did you mean"
                        + " 'worker.max.batch.size'?",
                e.getMessage());
    }

    @Test
    void shouldNameKeyFileAndProblemWhenValueIsBad() throws IOException {
        Path file = write("worker.max.batch.size=zero\n");
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> ConfigLoader.builder().optFile(file).build());
        assertEquals(
                "config key 'worker.max.batch.size' (from file "
                        + file
                        + "): expected an integer, got 'zero'",
                e.getMessage());
    }

    @Test
    void shouldRejectOutOfRangeAndUnknownChoiceWhenValidating() {
        assertTrue(
                assertThrows(
                                UserInputException.class,
                                () ->
                                        ConfigLoader.builder()
                                                .optOverride("worker.max.batch.size=0")
                                                .build())
                        .getMessage()
                        .contains("expected an integer in [1, 4096], got 0"));
        assertTrue(
                assertThrows(
                                UserInputException.class,
                                () ->
                                        ConfigLoader.builder()
                                                .optOverride("model.device=tpu")
                                                .build())
                        .getMessage()
                        .contains("expected one of [auto, cpu, gpu], got 'tpu'"));
    }

    @Test
    void shouldPassKafkaSettingsThroughWhenPrefixed() {
        CapstreamConfig c =
                ConfigLoader.builder()
                        .optOverride("kafka.common.security.protocol=SASL_SSL")
                        .optOverride("kafka.producer.linger.ms=20")
                        .optOverride("kafka.consumer.security.protocol=SSL")
                        .build();
        Properties producer = c.kafkaProperties("producer");
        assertEquals("SASL_SSL", producer.getProperty("security.protocol"));
        assertEquals("20", producer.getProperty("linger.ms"));
        assertEquals("SSL", c.kafkaProperties("consumer").getProperty("security.protocol"));
    }

    @Test
    void shouldHideSecretsWhenDescribing() {
        CapstreamConfig c =
                ConfigLoader.builder()
                        .optOverride("schema.registry.basic.auth.user.info=me:s3cret")
                        .optOverride("kafka.common.sasl.jaas.config=x")
                        .build();
        assertEquals("[hidden]", c.describe().get("schema.registry.basic.auth.user.info"));
        assertEquals("[hidden]", c.describe().get("kafka.common.sasl.jaas.config"));
        assertEquals("me:s3cret", c.get(ConfigKeys.REGISTRY_USER_INFO));
    }

    @Test
    void shouldNameFileWhenItDoesNotExist() {
        Path missing = dir.resolve("nope.properties");
        assertEquals(
                "config file " + missing + " does not exist",
                assertThrows(
                                UserInputException.class,
                                () -> ConfigLoader.builder().optFile(missing))
                        .getMessage());
    }

    @Test
    void shouldRejectOverrideWhenItHasNoEqualsSign() {
        assertThrows(
                UserInputException.class, () -> ConfigLoader.builder().optOverride("worker.id"));
    }

    private Path write(String content) throws IOException {
        Path f = dir.resolve("capstream.properties");
        Files.writeString(f, content);
        return f;
    }
}
