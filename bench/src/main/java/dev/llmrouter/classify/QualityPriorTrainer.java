package dev.llmrouter.classify;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.RoutePrompt;
import dev.llmrouter.bench.TinyNet;
import dev.llmrouter.embed.DjlEmbedder;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Fits the {@link QualityPrior}'s two heads (local model correct, cloud model correct) on a routing eval
 * file: every prompt's {@link PromptFeatures} and embedding, standardised. One prompt in ten (by a hash of
 * its text) is kept aside to stop training at the epoch that generalises best. Lives in the classifier's
 * package to use its feature code exactly.
 */
public final class QualityPriorTrainer {

    private QualityPriorTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("/work/shared/eval/routing/weak-strong-correctness.tsv");
        Path cache = null;
        Path out = null;
        int hidden = 0;
        double l2 = 0.06;
        double rate = 1e-3;
        int epochs = 40;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--hidden" -> hidden = Integer.parseInt(args[++i]);
                case "--l2" -> l2 = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                default -> data = Path.of(args[i]);
            }
        }
        List<RoutePrompt> rows = RoutePrompt.read(data);
        EmbeddingStore store = new EmbeddingStore(cache);
        store.embedMissingTexts(rows.stream().map(RoutePrompt::prompt).toList());

        int n = QualityPrior.inputs(DjlEmbedder.DIMENSIONS);
        List<double[]> raw = new ArrayList<>();
        for (RoutePrompt r : rows) {
            double[] x = QualityPrior.raw(PromptFeatures.of(r.prompt()), store.get(r.prompt()), DjlEmbedder.DIMENSIONS);
            raw.add(x);
        }
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (double[] x : raw) {
            for (int i = 0; i < n; i++) {
                mean[i] += x[i] / raw.size();
            }
        }
        for (double[] x : raw) {
            for (int i = 0; i < n; i++) {
                scale[i] += Math.pow(x[i] - mean[i], 2) / raw.size();
            }
        }
        for (int i = 0; i < n; i++) {
            scale[i] = Math.max(Math.sqrt(scale[i]), 1e-6);
        }
        List<Integer> fit = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            (rows.get(r).bucket() % 10 == 3 ? valid : fit).add(r);
        }
        System.err.printf(Locale.ROOT, "fitting on %d prompts, validating on %d%n", fit.size(), valid.size());
        TinyNet local = head(rows, raw, mean, scale, fit, valid, true, hidden, l2, rate, epochs);
        TinyNet cloud = head(rows, raw, mean, scale, fit, valid, false, hidden, l2, rate, epochs);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# Quality prior: P(correct) of a local-tier and a cloud-tier model from PromptFeatures and the\n");
            w.write("# prompt embedding (standardised). Each row lists the bias first. Written by bench/route-train\n");
            w.write("# from " + rows.size() + " labelled prompts (" + data.getFileName() + "); do not edit by hand.\n");
            w.write("features=" + String.join(",", PromptFeatures.NAMES) + "\n");
            w.write("dimensions=" + DjlEmbedder.DIMENSIONS + "\n");
            w.write("input.mean=" + join(mean) + "\n");
            w.write("input.scale=" + join(scale) + "\n");
            write(w, "local", local);
            write(w, "cloud", cloud);
        }
        System.err.println("wrote " + out);
    }

    private static TinyNet head(List<RoutePrompt> rows, List<double[]> raw, double[] mean, double[] scale,
                                List<Integer> fit, List<Integer> valid, boolean local, int hidden, double l2,
                                double rate, int epochs) {
        System.err.println((local ? "local" : "cloud") + " head:");
        float[][] x = matrix(raw, mean, scale, fit);
        boolean[] y = labels(rows, fit, local);
        double[] weight = new double[x.length];
        java.util.Arrays.fill(weight, 1);
        return TinyNet.fit(x, y, weight, matrix(raw, mean, scale, valid), labels(rows, valid, local), hidden, l2, rate,
                epochs, local ? 1 : 2);
    }

    private static float[][] matrix(List<double[]> raw, double[] mean, double[] scale, List<Integer> which) {
        float[][] out = new float[which.size()][];
        for (int r = 0; r < out.length; r++) {
            double[] x = raw.get(which.get(r));
            out[r] = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[r][i] = (float) ((x[i] - mean[i]) / scale[i]);
            }
        }
        return out;
    }

    private static boolean[] labels(List<RoutePrompt> rows, List<Integer> which, boolean local) {
        boolean[] y = new boolean[which.size()];
        for (int r = 0; r < y.length; r++) {
            RoutePrompt p = rows.get(which.get(r));
            y[r] = local ? p.weakCorrect() : p.strongCorrect();
        }
        return y;
    }

    private static void write(Writer w, String name, TinyNet net) throws java.io.IOException {
        w.write(name + ".hidden=" + net.hidden().length + "\n");
        for (int j = 0; j < net.hidden().length; j++) {
            w.write(name + ".hidden." + j + "=" + join(net.hidden()[j]) + "\n");
        }
        w.write(name + ".output=" + join(net.output()) + "\n");
    }

    private static String join(double[] values) {
        StringJoiner j = new StringJoiner(",");
        for (double v : values) {
            j.add(String.format(Locale.ROOT, "%.6g", v));
        }
        return j.toString();
    }
}
