package dev.llmrouter.classify;

import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.LogisticFit;
import dev.llmrouter.bench.RoutePrompt;
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
 * Fits the {@link QualityPrior} on a routing eval file: per segment (multiple-choice prompts, free-form
 * prompts) two L2-regularised logistic heads, local model correct and cloud model correct, on the
 * segment's standardised input. The multiple-choice segment reads every {@link PromptFeatures} and the
 * embedding; the free-form one (arithmetic word problems in the development file) reads the length and
 * word-problem features only: on 700-odd such prompts the embedding's 384 weights fit topic noise, not
 * difficulty. The penalties were chosen on held-out splits ({@code bench/route-eval --split --seed N}).
 * Lives in the classifier's package to use its feature code exactly.
 */
public final class QualityPriorTrainer {

    /** What the free-form segment reads: length and structure, then the word-problem features. */
    static final List<String> FREE_FEATURES = List.of("log_chars", "log_words", "log_numbers", "sentences",
            "log_longest_number", "distinct_numbers", "decimal_numbers", "percents", "slash_fractions", "dollars",
            "cents", "number_magnitude", "capitalised_count", "distinct_names", "commas", "how_much", "how_many",
            "last_sentence_chars", "fraction_words", "time_units", "number_words", "each_every_per", "comparatives",
            "remaining", "conditions", "money_words", "ages", "sequence_words", "totals");

    private QualityPriorTrainer() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("/work/shared/eval/routing/weak-strong-correctness.tsv");
        Path cache = null;
        Path out = null;
        double optionsL2 = 3000;
        double freeL2 = 100;
        boolean freeEmbedding = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--options-l2" -> optionsL2 = Double.parseDouble(args[++i]);
                case "--free-l2" -> freeL2 = Double.parseDouble(args[++i]);
                case "--free-embedding" -> freeEmbedding = true;
                default -> data = Path.of(args[i]);
            }
        }
        List<RoutePrompt> rows = RoutePrompt.read(data);
        EmbeddingStore store = new EmbeddingStore(cache);
        store.embedMissingTexts(rows.stream().map(RoutePrompt::prompt).toList());

        List<RoutePrompt> options = new ArrayList<>();
        List<RoutePrompt> free = new ArrayList<>();
        for (RoutePrompt r : rows) {
            (QualityPrior.isMultipleChoice(PromptFeatures.of(r.prompt())) ? options : free).add(r);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# Quality prior: P(correct) of a local-tier and a cloud-tier model per prompt segment, from\n");
            w.write("# PromptFeatures (and the embedding where a segment reads it), standardised; each output lists\n");
            w.write("# the bias first. Written by bench/route-train from " + rows.size() + " labelled prompts ("
                    + data.getFileName() + ");\n# do not edit by hand.\n");
            w.write("dimensions=" + DjlEmbedder.DIMENSIONS + "\n");
            w.write("segments=" + QualityPrior.OPTIONS + "," + QualityPrior.FREE + "\n");
            segment(w, QualityPrior.OPTIONS, options, store, PromptFeatures.NAMES, true, optionsL2);
            segment(w, QualityPrior.FREE, free, store, FREE_FEATURES, freeEmbedding, freeL2);
        }
        System.err.println("wrote " + out);
    }

    private static void segment(Writer w, String name, List<RoutePrompt> rows, EmbeddingStore store,
                                List<String> features, boolean embedding, double l2) throws java.io.IOException {
        int[] index = features.stream().mapToInt(PromptFeatures.NAMES::indexOf).toArray();
        QualityPrior.Segment layout = new QualityPrior.Segment(index, embedding, new double[0], new double[0],
                null, null);
        int n = layout.inputs(DjlEmbedder.DIMENSIONS);
        double[][] x = new double[rows.size()][];
        boolean[] local = new boolean[rows.size()];
        boolean[] cloud = new boolean[rows.size()];
        for (int r = 0; r < x.length; r++) {
            RoutePrompt p = rows.get(r);
            x[r] = layout.raw(PromptFeatures.of(p.prompt()), store.get(p.prompt()), DjlEmbedder.DIMENSIONS);
            local[r] = p.weakCorrect();
            cloud[r] = p.strongCorrect();
        }
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i] / x.length;
            }
        }
        for (double[] row : x) {
            for (int i = 0; i < n; i++) {
                scale[i] += Math.pow(row[i] - mean[i], 2) / x.length;
            }
        }
        for (int i = 0; i < n; i++) {
            scale[i] = Math.sqrt(scale[i]);
            scale[i] = scale[i] < 1e-6 ? 1 : scale[i];
        }
        double[][] z = new double[x.length][n];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < n; i++) {
                z[r][i] = (x[r][i] - mean[i]) / scale[i];
            }
        }
        System.err.printf(Locale.ROOT, "%s segment: %d prompts, %d inputs, l2 %.0f%n", name, rows.size(), n, l2);
        double[] localHead = LogisticFit.fit(z, local, l2);
        double[] cloudHead = LogisticFit.fit(z, cloud, l2);
        w.write(name + ".features=" + String.join(",", features) + "\n");
        w.write(name + ".embedding=" + embedding + "\n");
        w.write(name + ".input.mean=" + join(mean) + "\n");
        w.write(name + ".input.scale=" + join(scale) + "\n");
        w.write(name + ".local.hidden=0\n");
        w.write(name + ".local.output=" + join(localHead) + "\n");
        w.write(name + ".cloud.hidden=0\n");
        w.write(name + ".cloud.output=" + join(cloudHead) + "\n");
    }

    private static String join(double[] values) {
        StringJoiner j = new StringJoiner(",");
        for (double v : values) {
            j.add(String.format(Locale.ROOT, "%.6g", v));
        }
        return j.toString();
    }
}
