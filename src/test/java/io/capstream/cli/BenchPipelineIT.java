package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.worker.TestModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(EmbeddedServersExtension.class)
class BenchPipelineIT {
    @Test
    void shouldPrintThroughputAndLatencyTableForBothModelsWhenBenchRuns(
            EmbeddedKafka kafka, ApicurioRegistry registry) {
        BenchPipelineCommand command = new BenchPipelineCommand();
        // 20 ms per model call: a batch of 8 is up to 8 times faster than 8 calls of one.
        command.models = c -> TestModels.create(20);
        CommandLine cl = new CommandLine(command);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int rc =
                cl.execute(
                        "--set", "bootstrap.servers=" + kafka.bootstrapServers(),
                        "--set", "schema.registry.url=" + registry.url(),
                        "--events", "48",
                        "--batch", "8",
                        "--latency-seconds", "2");
        String table = out.toString();
        System.out.println(table);
        assertEquals(0, rc, table);
        assertTrue(
                table.contains("| measurement | pairs (decider v1) | toons (iba-cd v1) |"), table);
        assertTrue(table.contains(" cores, "), table);
        double alone8 = cell(table, "model alone, batch 8 \\(captions/s\\)");
        double alone1 = cell(table, "model alone, batch 1 \\(captions/s\\)");
        double pipe8 = cell(table, "pipeline, worker.max.batch.size 8 \\(captions/s\\)");
        double pipe1 = cell(table, "pipeline, worker.max.batch.size 1 \\(captions/s\\)");
        // A 20 ms model call bounds batch-1 throughput at 50/s; batching must beat that.
        assertTrue(alone1 <= 50.5 && alone8 > 2 * alone1, table);
        assertTrue(pipe1 <= 50.5 && pipe8 > pipe1, table);
        assertTrue(table.contains("latency at 90% of saturation"), table);
    }

    /** The first number of the row's first data cell. */
    private static double cell(String table, String label) {
        Matcher m = Pattern.compile("\\| " + label + " \\| ([0-9.]+) \\|").matcher(table);
        assertTrue(m.find(), label + " in\n" + table);
        return Double.parseDouble(m.group(1));
    }
}
