package io.capstream.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.capstream.eval.Bleu;
import io.capstream.eval.CaptionScorer;
import io.capstream.eval.CiderD;
import io.capstream.eval.RougeL;
import io.capstream.eval.TokenizedCorpus;
import io.capstream.model.CaptioningModel;
import io.capstream.model.Captions;
import io.capstream.model.text.Vocabulary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captions the validation samples with a model and scores them against all their references with
 * the COCO metrics (BLEU-4, ROUGE-L, CIDEr-D; METEOR is left out to keep validation fast).
 */
final class Validator {
    private static final int BATCH = 64;
    private static final int NOISE_SEED = 1234;

    private final List<TrainingSample> samples;
    private final Map<String, List<String>> references = new LinkedHashMap<>();
    private final CaptionScorer tokenizer = new CaptionScorer();

    /**
     * @param samples the validation samples (ids must be unique)
     * @param max at most this many, the first ones (0 = all)
     */
    Validator(List<TrainingSample> samples, int max) {
        this.samples = max > 0 && samples.size() > max ? samples.subList(0, max) : samples;
        for (TrainingSample s : this.samples) {
            if (references.put(s.id(), s.captions()) != null) {
                throw new IllegalArgumentException("duplicate validation id " + s.id());
            }
        }
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    /**
     * Captions and scores.
     *
     * @param step the step number to record
     * @param model the model (the EMA weights)
     * @param ps the parameter store
     * @param parent the manager under which per-batch scopes are opened
     * @param vocabulary the model's vocabulary
     * @return the scores
     */
    Validation run(
            int step,
            CaptioningModel model,
            ParameterStore ps,
            NDManager parent,
            Vocabulary vocabulary) {
        // Fixed sampling noise: passes over the same samples differ only by the weights.
        Engine.getInstance().setRandomSeed(NOISE_SEED);
        Map<String, String> hyps = new LinkedHashMap<>();
        for (int from = 0; from < samples.size(); from += BATCH) {
            List<TrainingSample> batch =
                    samples.subList(from, Math.min(samples.size(), from + BATCH));
            try (NDManager scope = parent.newSubManager()) {
                NDList images = Batches.images(scope, batch, model.imagesPerSample());
                Captions out = model.caption(ps, images);
                List<String> text = out.decode(vocabulary);
                for (int i = 0; i < batch.size(); i++) {
                    hyps.put(batch.get(i).id(), text.get(i));
                }
            }
        }
        TokenizedCorpus corpus = tokenizer.tokenize(references, hyps);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("BLEU-4", new Bleu().score(corpus).get(3).corpus());
        scores.put("ROUGE-L", new RougeL().score(corpus).corpus());
        scores.put("CIDEr-D", new CiderD().score(corpus).corpus());
        String firstId = hyps.keySet().iterator().next();
        return new Validation(
                step,
                hyps.size(),
                scores,
                new HashSet<>(hyps.values()).size(),
                firstId + ": " + hyps.get(firstId));
    }
}
