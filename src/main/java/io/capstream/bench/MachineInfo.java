package io.capstream.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a benchmark ran on, so that numbers are never quoted without it.
 *
 * @param cpu CPU model name (from /proc/cpuinfo where readable) or "unknown CPU"
 * @param cores processors available to the JVM
 * @param os name, version and architecture
 * @param jvm JVM name and Java version
 * @param djl DJL version
 * @param engine engine name and version (e.g. PyTorch 2.7.1)
 * @param device the engine's default device (where the bench runs)
 * @param threads the engine's intra-op threads, or -1 when the engine does not say
 */
public record MachineInfo(
        String cpu,
        int cores,
        String os,
        String jvm,
        String djl,
        String engine,
        String device,
        int threads) {

    /** Describes the current process. */
    public static MachineInfo current() {
        Engine e = Engine.getInstance();
        int threads = -1;
        if ("PyTorch".equals(e.getEngineName())) {
            threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        }
        return new MachineInfo(
                cpuModel().orElse("unknown CPU"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Engine.getDjlVersion(),
                e.getEngineName() + " " + e.getVersion(),
                e.defaultDevice().toString(),
                threads);
    }

    private static Optional<String> cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        try {
            if (!Files.isReadable(info)) {
                return Optional.empty();
            }
            return Files.readAllLines(info).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One line naming the machine, e.g. for the top of a table. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d cores, %s, %s, DJL %s, %s, device %s, %s intra-op threads",
                cpu,
                cores,
                os,
                jvm,
                djl,
                engine,
                device,
                threads < 0 ? "?" : Integer.toString(threads));
    }
}
