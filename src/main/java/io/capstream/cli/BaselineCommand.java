package io.capstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capstream.eval.CaptionFiles;
import io.capstream.eval.baseline.MostFrequentCaption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capstream baseline}: the trivial most-frequent-caption captioner, the yardstick for
 * models.
 */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description =
                "Caption every id of REFS.json with the caption most frequent among the training"
                        + " references (ignores the pictures). Writes HYPS.json for 'capstream eval'.")
public final class BaselineCommand implements Callable<Integer> {
    @Option(
            names = "--train-refs",
            required = true,
            paramLabel = "TRAIN_REFS.json",
            description = "training references {id: [captions]}")
    Path trainRefs;

    @Option(
            names = "--refs",
            required = true,
            paramLabel = "REFS.json",
            description = "the ids to caption, as references {id: [captions]}")
    Path refs;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "HYPS.json",
            description = "where to write {id: caption}")
    Path out;

    @Override
    public Integer call() throws Exception {
        MostFrequentCaption model = MostFrequentCaption.fit(CaptionFiles.readReferences(trainRefs));
        var hyps =
                model.captionAll(new LinkedHashSet<>(CaptionFiles.readReferences(refs).keySet()));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.toFile(), hyps);
        System.err.println(
                "baseline caption \""
                        + model.caption()
                        + "\" for "
                        + hyps.size()
                        + " ids -> "
                        + out);
        return 0;
    }
}
