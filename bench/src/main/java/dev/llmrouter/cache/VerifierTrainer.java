package dev.llmrouter.cache;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.Pair;
import dev.llmrouter.bench.Tally;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the verifier's logistic regression on the training half of the development pairs (only
 * pairs that pass the cosine floor and the guards, where the verifier actually runs), picks the
 * lowest threshold whose training precision on Quora reaches the target, and reports the other
 * half. Lives in the matcher's package to reuse its package-private feature code exactly.
 */
public final class VerifierTrainer {

    private record Example(boolean same, boolean paraphrase, boolean training, boolean eligible, double[] x) {
    }

    private VerifierTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Path qqp = Path.of("/work/shared/eval/semantic-cache/qqp-pairs.tsv");
        Path paraphrase = Path.of("/work/shared/eval/semantic-cache/paraphrase-pairs.tsv");
        Path cache = null;
        Path out = null;
        int limit = 30_000;
        double targetPrecision = 0.93;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--qqp" -> qqp = Path.of(args[++i]);
                case "--paraphrase" -> paraphrase = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--precision" -> targetPrecision = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Pair> quora = Pair.read(qqp, limit);
        List<Pair> para = Pair.read(paraphrase, Integer.MAX_VALUE);
        EmbeddingStore store = new EmbeddingStore(cache);
        List<Pair> all = new ArrayList<>(quora);
        all.addAll(para);
        store.embedMissing(all);

        QuestionGuards guards = new QuestionGuards();
        List<Example> examples = new ArrayList<>();
        for (Pair p : all) {
            boolean isParaphrase = examples.size() >= quora.size();
            double cosine = store.cosine(p);
            QuestionText a = new QuestionText(p.a());
            QuestionText b = new QuestionText(p.b());
            boolean eligible = cosine >= SemanticMatcher.MIN_COSINE && guards.refusal(a, b).isEmpty();
            examples.add(new Example(p.same(), isParaphrase, p.inTrainingHalf(), eligible, PairFeatures.of(a, b, cosine)));
        }
        List<Example> fit = examples.stream().filter(e -> e.training && e.eligible).toList();
        int n = PairFeatures.NAMES.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        standardisation(fit, mean, scale);
        double[] w = new double[n + 1];
        fitLogistic(fit, mean, scale, w);
        VerifierModel trained = new VerifierModel(mean, scale, java.util.Arrays.copyOf(w, n), w[n], 0.5);

        double threshold = chooseThreshold(examples, trained, targetPrecision);
        System.out.printf(Locale.ROOT, "training pairs: %d quora + %d paraphrase; fitted on %d eligible%n",
                examples.stream().filter(e -> e.training && !e.paraphrase).count(),
                examples.stream().filter(e -> e.training && e.paraphrase).count(), fit.size());
        System.out.printf(Locale.ROOT, "chosen threshold %.3f (training Quora precision >= %.2f)%n", threshold, targetPrecision);
        System.out.println("held-out half (threshold: quora precision recall false_hit_rate | paraphrase recall)");
        for (double t = 0.30; t <= 0.951; t += 0.05) {
            System.out.println(line(examples, trained, t, false));
        }
        System.out.println("at chosen: " + line(examples, trained, threshold, false));
        System.out.println("training half at chosen: " + line(examples, trained, threshold, true));
        write(out, mean, scale, w, threshold, fit.size(), line(examples, trained, threshold, false));
        System.out.println("wrote " + out);
    }

    private static void standardisation(List<Example> fit, double[] mean, double[] scale) {
        int n = mean.length;
        for (Example e : fit) {
            for (int i = 0; i < n; i++) {
                mean[i] += e.x[i] / fit.size();
            }
        }
        for (Example e : fit) {
            for (int i = 0; i < n; i++) {
                scale[i] += Math.pow(e.x[i] - mean[i], 2) / fit.size();
            }
        }
        for (int i = 0; i < n; i++) {
            scale[i] = Math.max(Math.sqrt(scale[i]), 1e-6);
        }
    }

    /** Full-batch gradient descent with a little L2; the data is small and the problem convex. */
    private static void fitLogistic(List<Example> fit, double[] mean, double[] scale, double[] w) {
        int n = mean.length;
        double lambda = 1e-3;
        double rate = 0.5;
        for (int iter = 0; iter < 3000; iter++) {
            double[] grad = new double[n + 1];
            for (Example e : fit) {
                double z = w[n];
                for (int i = 0; i < n; i++) {
                    z += w[i] * (e.x[i] - mean[i]) / scale[i];
                }
                double err = 1 / (1 + Math.exp(-z)) - (e.same ? 1 : 0);
                for (int i = 0; i < n; i++) {
                    grad[i] += err * (e.x[i] - mean[i]) / scale[i];
                }
                grad[n] += err;
            }
            for (int i = 0; i <= n; i++) {
                double reg = i < n ? lambda * w[i] : 0;
                w[i] -= rate * (grad[i] / fit.size() + reg);
            }
        }
    }

    /**
     * The lowest threshold reaching the target precision on training Quora pairs, but never so
     * high that training recall drops below 0.40 (Quora) or 0.85 (paraphrases): a cache that
     * almost never hits saves nothing.
     */
    private static double chooseThreshold(List<Example> examples, VerifierModel model, double target) {
        double best = 0.30;
        for (double t = 0.30; t < 0.99; t += 0.005) {
            Tally quora = tally(examples, model, t, true, false);
            Tally para = tally(examples, model, t, true, true);
            if (quora.recall() < 0.40 || para.recall() < 0.85) {
                break;
            }
            best = t;
            if (quora.precision() >= target) {
                break;
            }
        }
        return Math.round(best * 1000) / 1000.0;
    }

    private static Tally tally(List<Example> examples, VerifierModel model, double t, boolean training, boolean paraphrase) {
        Tally tally = new Tally();
        for (Example e : examples) {
            if (e.training == training && e.paraphrase == paraphrase) {
                tally.add(e.same, e.eligible && model.score(e.x) >= t);
            }
        }
        return tally;
    }

    private static String line(List<Example> examples, VerifierModel model, double t, boolean training) {
        Tally q = tally(examples, model, t, training, false);
        Tally p = tally(examples, model, t, training, true);
        return String.format(Locale.ROOT, "t=%.3f quora precision=%.4f recall=%.4f false_hit_rate=%.4f hits=%d/%d | paraphrase recall=%.4f (%d)",
                t, q.precision(), q.recall(), q.falseHitRate(), q.hits(), q.pairs(), p.recall(), p.pairs());
    }

    private static void write(Path out, double[] mean, double[] scale, double[] w, double threshold,
                              int fitted, String heldOut) throws IOException {
        int n = mean.length;
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# Match verifier: logistic regression over standardised PairFeatures.\n");
            writer.write("# Written by bench/train-verifier; do not edit by hand. Fitted on " + fitted + " pairs.\n");
            writer.write("# Held-out: " + heldOut + "\n");
            writer.write(String.format(Locale.ROOT, "threshold=%.3f%n", threshold));
            writer.write(String.format(Locale.ROOT, "bias=%.6f%n", w[n]));
            for (int i = 0; i < n; i++) {
                String name = PairFeatures.NAMES.get(i);
                writer.write(String.format(Locale.ROOT, "mean.%s=%.6f%nscale.%s=%.6f%nweight.%s=%.6f%n",
                        name, mean[i], name, scale[i], name, w[i]));
            }
        }
    }
}
