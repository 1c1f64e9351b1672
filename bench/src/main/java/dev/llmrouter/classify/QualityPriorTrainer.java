package dev.llmrouter.classify;

import dev.llmrouter.bench.DepthBoostedTrees;
import dev.llmrouter.bench.EmbeddingStore;
import dev.llmrouter.bench.EvalData;
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
        Path data = EvalData.weakStrongCorrectness();
        Path cache = null;
        Path out = null;
        double optionsL2 = 3000;
        double freeL2 = 100;
        boolean freeEmbedding = false;
        boolean combiner = true;
        int trees = 150;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cache" -> cache = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--options-l2" -> optionsL2 = Double.parseDouble(args[++i]);
                case "--free-l2" -> freeL2 = Double.parseDouble(args[++i]);
                case "--free-embedding" -> freeEmbedding = true;
                case "--no-combiner" -> combiner = false;
                case "--trees" -> trees = Integer.parseInt(args[++i]);
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
            Fitted fitted = fit(options, store, PromptFeatures.NAMES, true, optionsL2);
            write(w, QualityPrior.OPTIONS, fitted);
            if (combiner) {
                writeCombiner(w, QualityPrior.OPTIONS, combiner(options, rows, store, PromptFeatures.NAMES, optionsL2,
                        trees));
            }
            write(w, QualityPrior.FREE, fit(free, store, FREE_FEATURES, freeEmbedding, freeL2));
        }
        System.err.println("wrote " + out);
    }

    /** One segment's fitted heads and the layout and standardisation of its input. */
    record Fitted(List<String> features, QualityPrior.Segment segment) {
    }

    private static Fitted fit(List<RoutePrompt> rows, EmbeddingStore store, List<String> features, boolean embedding,
                              double l2) {
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
        System.err.printf(Locale.ROOT, "segment of %d prompts, %d inputs, l2 %.0f%n", rows.size(), n, l2);
        QualityPrior.Head localHead = new QualityPrior.Head(new double[0][], LogisticFit.fit(z, local, l2));
        QualityPrior.Head cloudHead = new QualityPrior.Head(new double[0][], LogisticFit.fit(z, cloud, l2));
        return new Fitted(features, new QualityPrior.Segment(index, embedding, mean, scale, localHead, cloudHead));
    }

    /**
     * The learned combiner of the segment: boosted trees per tier over {@link QualityPrior.Combiner#INPUTS}.
     * The priors it reads are out-of-fold (five folds by a hash of the prompt), as they will be for unseen
     * prompts; the history it reads is what {@link QualityBlend#DEFAULT} collects for a prompt: the nearest
     * labelled prompts of the whole file (the prompt itself left out) above the minimum similarity.
     */
    private static QualityPrior.Combiner combiner(List<RoutePrompt> segment, List<RoutePrompt> all,
                                                   EmbeddingStore store, List<String> features, double l2,
                                                   int trees) {
        int folds = 5;
        double[][] prior = new double[segment.size()][2];
        for (int k = 0; k < folds; k++) {
            List<RoutePrompt> train = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int r = 0; r < segment.size(); r++) {
                if (segment.get(r).bucket(77) % folds == k) {
                    held.add(r);
                } else {
                    train.add(segment.get(r));
                }
            }
            QualityPrior.Segment s = fit(train, store, features, true, l2).segment();
            for (int r : held) {
                RoutePrompt p = segment.get(r);
                double[] x = s.standardised(PromptFeatures.of(p.prompt()), store.get(p.prompt()),
                        DjlEmbedder.DIMENSIONS);
                prior[r][0] = s.local().score(x);
                prior[r][1] = s.cloud().score(x);
            }
        }
        float[][] reference = new float[all.size()][];
        for (int i = 0; i < reference.length; i++) {
            reference[i] = store.get(all.get(i).prompt());
        }
        QualityBlend blend = QualityBlend.DEFAULT;
        double[][] x = new double[segment.size()][];
        boolean[] local = new boolean[segment.size()];
        boolean[] cloud = new boolean[segment.size()];
        java.util.stream.IntStream.range(0, segment.size()).parallel().forEach(r -> {
            RoutePrompt p = segment.get(r);
            float[] e = store.get(p.prompt());
            double[] sims = new double[reference.length];
            for (int i = 0; i < reference.length; i++) {
                float[] v = reference[i];
                double dot = 0;
                for (int j = 0; j < v.length; j++) {
                    dot += e[j] * v[j];
                }
                sims[i] = all.get(i).prompt().equals(p.prompt()) ? Double.NEGATIVE_INFINITY : dot;
            }
            Integer[] order = new Integer[sims.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
            double weight = 0;
            double weak = 0;
            double strong = 0;
            double sum = 0;
            double max = 0;
            int count = 0;
            for (int i = 0; i < order.length && count < blend.perBackend(); i++) {
                double sim = sims[order[i]];
                if (sim < blend.minSimilarity()) {
                    break;
                }
                double w = Math.pow(sim, blend.similarityPower());
                RoutePrompt n = all.get(order[i]);
                weight += w;
                weak += w * (n.weakCorrect() ? 1 : 0);
                strong += w * (n.strongCorrect() ? 1 : 0);
                sum += sim;
                max = Math.max(max, sim);
                count++;
            }
            QualityPrior.History h = count == 0 ? new QualityPrior.History(Double.NaN, Double.NaN, 0, 0, 0)
                    : new QualityPrior.History(weak / weight, strong / weight, weight, max, sum / count);
            x[r] = QualityPrior.Combiner.inputs(prior[r][0], prior[r][1], h, PromptFeatures.of(p.prompt()));
            local[r] = p.weakCorrect();
            cloud[r] = p.strongCorrect();
        });
        System.err.printf(Locale.ROOT, "combiner: %d prompts, %d inputs, %d trees per tier%n", x.length, x[0].length,
                trees);
        return new QualityPrior.Combiner(trees(DepthBoostedTrees.fit(x, local, trees, 2, 0.05, 50, 10, 0.8, 1)),
                trees(DepthBoostedTrees.fit(x, cloud, trees, 2, 0.05, 50, 10, 0.8, 2)));
    }

    private static QualityPrior.Trees trees(DepthBoostedTrees.Model m) {
        return new QualityPrior.Trees(m.base(), m.rate(), m.depth(), m.trees().toArray(new double[0][]));
    }

    private static void write(Writer w, String name, Fitted f) throws java.io.IOException {
        QualityPrior.Segment s = f.segment();
        w.write(name + ".features=" + String.join(",", f.features()) + "\n");
        w.write(name + ".embedding=" + s.embedding() + "\n");
        w.write(name + ".input.mean=" + join(s.mean()) + "\n");
        w.write(name + ".input.scale=" + join(s.scale()) + "\n");
        w.write(name + ".local.hidden=0\n");
        w.write(name + ".local.output=" + join(s.local().output()) + "\n");
        w.write(name + ".cloud.hidden=0\n");
        w.write(name + ".cloud.output=" + join(s.cloud().output()) + "\n");
    }

    private static void writeCombiner(Writer w, String name, QualityPrior.Combiner c) throws java.io.IOException {
        w.write(name + ".combiner.inputs=" + String.join(",", QualityPrior.Combiner.INPUTS) + "\n");
        for (var e : java.util.Map.of("local", c.local(), "cloud", c.cloud()).entrySet()) {
            String key = name + ".combiner." + e.getKey();
            QualityPrior.Trees t = e.getValue();
            w.write(key + ".base=" + String.format(Locale.ROOT, "%.9g", t.base()) + "\n");
            w.write(key + ".rate=" + t.rate() + "\n");
            w.write(key + ".depth=" + t.depth() + "\n");
            w.write(key + ".trees=" + t.trees().length + "\n");
            for (int i = 0; i < t.trees().length; i++) {
                // Thresholds are data quantiles: written exactly, or a value equal to one would change side.
                StringJoiner exact = new StringJoiner(",");
                for (double v : t.trees()[i]) {
                    exact.add(Double.toString(v));
                }
                w.write(key + ".tree." + i + "=" + exact + "\n");
            }
        }
    }

    private static String join(double[] values) {
        StringJoiner j = new StringJoiner(",");
        for (double v : values) {
            j.add(String.format(Locale.ROOT, "%.6g", v));
        }
        return j.toString();
    }
}
