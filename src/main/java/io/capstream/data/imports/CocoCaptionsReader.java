package io.capstream.data.imports;

import io.capstream.data.CaptionedImage;
import io.capstream.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads COCO-format caption datasets. Three layouts are accepted, tried in this order:
 *
 * <ol>
 *   <li>{@code annotations/captions_{train,val,test}.json} with the images under {@code images/}
 *       (or {@code images/<split>/});
 *   <li>COCO's own names, {@code annotations/captions_{train,val}{2014,2017}.json}, with the images
 *       under {@code train2014/} etc. (also {@code images/train2014/} or {@code images/});
 *   <li>Karpathy's split file {@code dataset_coco.json} (in the root or {@code annotations/}).
 * </ol>
 *
 * A COCO caption file is {@code {"images": [{"id", "file_name"}], "annotations": [{"image_id",
 * "caption"}]}}; the sample id is the image id as a string.
 */
public final class CocoCaptionsReader implements DatasetReader<CaptionedImage> {
    static final List<String> KARPATHY =
            List.of("dataset_coco.json", "annotations/dataset_coco.json");

    static List<String> plainFiles(Split s) {
        return List.of("annotations/captions_" + s.id() + ".json");
    }

    static List<String> cocoFiles(Split s) {
        switch (s) {
            case TRAIN:
                return List.of(
                        "annotations/captions_train2014.json",
                        "annotations/captions_train2017.json");
            case VAL:
                return List.of(
                        "annotations/captions_val2014.json", "annotations/captions_val2017.json");
            default:
                return List.of(); // COCO publishes no test captions
        }
    }

    static boolean isRoot(Path dir) {
        List<String> all = new ArrayList<>(KARPATHY);
        for (Split s : Split.values()) {
            all.addAll(plainFiles(s));
            all.addAll(cocoFiles(s));
        }
        return all.stream().anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.COCO;
    }

    @Override
    public ImportResult<CaptionedImage> read(Path dir, ImportOptions opts) {
        DatasetDir d = DatasetDir.locate(dir, CocoCaptionsReader::isRoot);
        ProblemLog log = new ProblemLog(opts);
        List<CaptionedImage> images = new ArrayList<>();
        Optional<Path> karpathy = d.firstFile(KARPATHY.toArray(String[]::new));
        if (hasAny(d, CocoCaptionsReader::plainFiles)) {
            for (Map.Entry<Split, Path> f :
                    SplitFiles.present(d, opts, CocoCaptionsReader::plainFiles).entrySet()) {
                List<String> imageDirs = List.of("images", "images/" + f.getKey().id());
                CocoCaptionFile.read(d, f.getValue(), f.getKey(), imageDirs, log, images);
            }
        } else if (hasAny(d, CocoCaptionsReader::cocoFiles)) {
            for (Map.Entry<Split, Path> f :
                    SplitFiles.present(d, opts, CocoCaptionsReader::cocoFiles).entrySet()) {
                // captions_train2014.json -> train2014/
                String folder =
                        f.getValue().getFileName().toString().replaceAll("^captions_|\\.json$", "");
                List<String> imageDirs = List.of(folder, "images/" + folder, "images");
                CocoCaptionFile.read(d, f.getValue(), f.getKey(), imageDirs, log, images);
            }
        } else if (karpathy.isPresent()) {
            images.addAll(KarpathySplitFile.read(d, karpathy.get(), opts, log));
        } else {
            // reports the missing files of the first layout
            SplitFiles.present(d, opts, CocoCaptionsReader::plainFiles);
        }
        return log.result(images, format());
    }

    private static boolean hasAny(DatasetDir d, Function<Split, List<String>> files) {
        for (Split s : Split.values()) {
            if (d.firstFile(files.apply(s).toArray(String[]::new)).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
