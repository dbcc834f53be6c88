package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The configuration options every Kafka-facing command shares: a properties file, then {@code
 * CAPSTREAM_*} environment variables, then {@code --set key=value} overrides.
 */
public final class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with capstream settings (see docs/streaming.md).")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Override one setting, e.g. --set bootstrap.servers=host:9092 (repeatable);"
                            + " kafka.producer.*, kafka.consumer.*, kafka.streams.*, kafka.admin.*,"
                            + " kafka.common.* pass client settings through.")
    List<String> overrides = new ArrayList<>();

    /**
     * The effective configuration. {@code commandDefaults} ({@code key=value}) replace the built-in
     * defaults; the file, the environment and --set still win over them.
     */
    public CapstreamConfig load(String... commandDefaults) {
        ConfigLoader l = ConfigLoader.builder();
        for (String d : commandDefaults) {
            l.optOverride(d);
        }
        return l.optFile(file).optEnvironment(System.getenv()).optOverrides(overrides).build();
    }

    /** The effective configuration with {@code forced} settings ({@code key=value}) on top. */
    public CapstreamConfig loadWith(List<String> forced) {
        return ConfigLoader.builder()
                .optFile(file)
                .optEnvironment(System.getenv())
                .optOverrides(overrides)
                .optOverrides(forced)
                .build();
    }
}
