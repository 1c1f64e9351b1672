package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The learned part of the quality prediction: for each tier, the probability that a model of that tier
 * answers the prompt correctly, from the {@link PromptFeatures} and the prompt's embedding. Prompts fall
 * in one of two segments with models of their own: {@value #OPTIONS} (multiple-choice questions, whose
 * difficulty the embedding's neighbourhood tells well) and {@value #FREE} (everything else, where a
 * free-form word problem's difficulty is in its arithmetic rather than its topic). Each segment reads the
 * features it names, the embedding if it says so, standardised, into two heads (logistic regression, or
 * one ReLU hidden layer): local and cloud tier. A segment may also carry a learned {@link Combiner} of its
 * prior with the labelled history ({@link #combine}). Fitted by {@code bench/route-train} on labelled
 * development prompts (a small local model against a large cloud model) and shipped as {@value #RESOURCE}.
 * It is a starting point: the labelled history of the real backends corrects it ({@link QualityBlend}).
 */
public final class QualityPrior {

    static final String RESOURCE = "quality-prior.properties";
    static final String OPTIONS = "options";
    static final String FREE = "free";
    static final String ALL = "all";

    private static final int HAS_OPTIONS = PromptFeatures.NAMES.indexOf("has_options");

    private final int dimensions;
    private final Segment options;
    private final Segment free;

    /** One segment for every prompt. */
    QualityPrior(int dimensions, Segment all) {
        this(dimensions, all, all);
    }

    QualityPrior(int dimensions, Segment options, Segment free) {
        options.check(dimensions);
        free.check(dimensions);
        this.dimensions = dimensions;
        this.options = options;
        this.free = free;
    }

    /**
     * The model of a segment: which features it reads (indexes into {@link PromptFeatures#NAMES}), whether
     * it reads the embedding after them, the standardisation of that input, and one head per tier.
     */
    record Segment(int[] features, boolean embedding, double[] mean, double[] scale, Head local, Head cloud,
                   Combiner combiner) {

        Segment {
            features = features.clone();
            mean = mean.clone();
            scale = scale.clone();
        }

        /** A segment whose prior the history corrects by the fixed {@link QualityBlend} formula alone. */
        Segment(int[] features, boolean embedding, double[] mean, double[] scale, Head local, Head cloud) {
            this(features, embedding, mean, scale, local, cloud, null);
        }

        int inputs(int dimensions) {
            return features.length + (embedding ? dimensions : 0);
        }

        void check(int dimensions) {
            int n = inputs(dimensions);
            if (mean.length != n || scale.length != n) {
                throw new IllegalArgumentException("expected " + n + " input means and scales, got " + mean.length
                        + " and " + scale.length);
            }
            for (int f : features) {
                if (f < 0 || f >= PromptFeatures.NAMES.size()) {
                    throw new IllegalArgumentException("no such feature: " + f);
                }
            }
            for (double s : scale) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("input scales must be positive");
                }
            }
            local.check(n);
            cloud.check(n);
        }

        /**
         * The unstandardised input: the segment's features, then the embedding if it reads one. Unknown
         * parts are NaN.
         */
        double[] raw(double[] all, float[] vector, int dimensions) {
            double[] x = new double[inputs(dimensions)];
            boolean hasFeatures = all != null && all.length == PromptFeatures.NAMES.size();
            for (int i = 0; i < features.length; i++) {
                x[i] = hasFeatures ? all[features[i]] : Double.NaN;
            }
            if (embedding) {
                boolean hasEmbedding = vector != null && vector.length == dimensions;
                for (int i = 0; i < dimensions; i++) {
                    x[features.length + i] = hasEmbedding ? vector[i] : Double.NaN;
                }
            }
            return x;
        }

        double[] standardised(double[] all, float[] vector, int dimensions) {
            double[] x = raw(all, vector, dimensions);
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.isNaN(x[i]) ? 0 : (x[i] - mean[i]) / scale[i];
            }
            return x;
        }
    }

    /**
     * The segment of a prompt: {@value #OPTIONS} when it lists answer options, {@value #FREE} otherwise
     * (also when its features are unknown).
     */
    static boolean isMultipleChoice(double[] features) {
        return features != null && features.length == PromptFeatures.NAMES.size() && features[HAS_OPTIONS] > 0;
    }

    /**
     * What the labelled neighbours of a prompt say, as the learned combiner reads it: the similarity-weighted
     * mean score of the local tier's and of the cloud tier's examples, their weight (sum of similarities),
     * and the highest and mean similarity.
     */
    public record History(double local, double cloud, double weight, double maxSimilarity, double meanSimilarity) {
    }

    /**
     * Whether this prompt's segment has a learned combiner of prior and history (boosted trees over both
     * tiers' priors, both tiers' neighbour scores and the text features), fitted on out-of-fold priors.
     */
    public boolean combines(double[] features) {
        return segment(features).combiner() != null;
    }

    /**
     * Probability of a correct answer from a model of the tier, the prior corrected by the history through
     * the segment's learned combiner. Only for a segment that {@link #combines(double[]) combines}.
     */
    public double combine(Tier tier, double[] features, float[] embedding, History history) {
        Segment s = segment(features);
        if (s.combiner() == null) {
            throw new IllegalStateException("this prompt's segment has no learned combiner");
        }
        double[] x = s.standardised(features, embedding, dimensions);
        double[] in = Combiner.inputs(s.local().score(x), s.cloud().score(x), history, features);
        return (tier == Tier.CLOUD ? s.combiner().cloud() : s.combiner().local()).score(in);
    }

    private Segment segment(double[] features) {
        return isMultipleChoice(features) ? options : free;
    }

    /**
     * Boosted trees per tier over {@link #INPUTS}: the logits of both tiers' priors, the {@link History}, then
     * every {@link PromptFeatures} value. The tiers are read together because where the weak model fails and
     * the strong one does not is what a router needs to find.
     */
    record Combiner(Trees local, Trees cloud) {

        static final List<String> HISTORY_INPUTS = List.of("prior_local_logit", "prior_cloud_logit", "history_local",
                "history_cloud", "history_weight", "similarity_max", "similarity_mean");
        static final List<String> INPUTS = concat(HISTORY_INPUTS, PromptFeatures.NAMES);

        static double[] inputs(double priorLocal, double priorCloud, History h, double[] features) {
            double[] in = new double[INPUTS.size()];
            in[0] = logit(priorLocal);
            in[1] = logit(priorCloud);
            in[2] = h.local();
            in[3] = h.cloud();
            in[4] = h.weight();
            in[5] = h.maxSimilarity();
            in[6] = h.meanSimilarity();
            for (int i = 0; i < PromptFeatures.NAMES.size(); i++) {
                in[HISTORY_INPUTS.size() + i] = features != null && features.length == PromptFeatures.NAMES.size()
                        ? features[i] : Double.NaN;
            }
            return in;
        }

        private static double logit(double p) {
            double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
            return Math.log(q / (1 - q));
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }
    }

    /**
     * Complete binary trees of one depth on the log-odds scale: each lists its {@code 2^depth - 1} internal
     * nodes in heap order (input index, threshold: {@code x < threshold} goes left, index -1 always left),
     * then its {@code 2^depth} leaf values; the score is {@code sigmoid(base + rate x sum of leaves)}.
     */
    record Trees(double base, double rate, int depth, double[][] trees) {

        Trees {
            if (depth < 1 || depth > 8) {
                throw new IllegalArgumentException("tree depth must be 1..8: " + depth);
            }
            int size = 3 * (1 << depth) - 2;
            int internal = (1 << depth) - 1;
            for (double[] t : trees) {
                if (t.length != size) {
                    throw new IllegalArgumentException("a tree of depth " + depth + " needs " + size + " numbers");
                }
                for (int node = 0; node < internal; node++) {
                    int input = (int) t[2 * node];
                    if (input != t[2 * node] || input < -1 || input >= Combiner.INPUTS.size()) {
                        throw new IllegalArgumentException("no such combiner input: " + t[2 * node]);
                    }
                }
            }
        }

        double score(double[] x) {
            int internal = (1 << depth) - 1;
            double z = base;
            for (double[] t : trees) {
                int node = 0;
                while (node < internal) {
                    int input = (int) t[2 * node];
                    node = 2 * node + (input < 0 || x[input] < t[2 * node + 1] ? 1 : 2);
                }
                z += rate * t[2 * internal + node - internal];
            }
            return 1.0 / (1.0 + Math.exp(-z));
        }

        static Trees from(Properties p, String name) {
            int count = Integer.parseInt(required(p, name + ".trees"));
            double[][] trees = new double[count][];
            for (int i = 0; i < count; i++) {
                trees[i] = numbers(p, name + ".tree." + i);
            }
            return new Trees(Double.parseDouble(required(p, name + ".base")),
                    Double.parseDouble(required(p, name + ".rate")), Integer.parseInt(required(p, name + ".depth")),
                    trees);
        }
    }

    /** The shipped parameters, read once. */
    public static QualityPrior shipped() {
        return Shipped.PRIOR;
    }

    /**
     * Reads {@code dimensions}, {@code segments} ({@value #ALL}, or {@value #OPTIONS} and {@value #FREE}) and
     * per segment {@code S.features} (names of {@link PromptFeatures}, any order, may be empty),
     * {@code S.embedding}, {@code S.input.mean}, {@code S.input.scale}, {@code S.local.*} and
     * {@code S.cloud.*}. Refuses parameters fitted on a feature this build does not compute.
     */
    static QualityPrior from(Properties p) {
        int dimensions = Integer.parseInt(required(p, "dimensions"));
        List<String> segments = List.of(required(p, "segments").split("\\s*,\\s*"));
        if (segments.equals(List.of(ALL))) {
            return new QualityPrior(dimensions, segment(p, ALL));
        }
        if (segments.size() != 2 || !segments.containsAll(List.of(OPTIONS, FREE))) {
            throw new IllegalStateException(RESOURCE + ": segments must be '" + ALL + "' or '" + OPTIONS + "," + FREE
                    + "', not " + segments);
        }
        return new QualityPrior(dimensions, segment(p, OPTIONS), segment(p, FREE));
    }

    private static Segment segment(Properties p, String name) {
        String list = required(p, name + ".features");
        List<Integer> indexes = new ArrayList<>();
        for (String feature : list.isEmpty() ? new String[0] : list.split("\\s*,\\s*")) {
            int i = PromptFeatures.NAMES.indexOf(feature);
            if (i < 0) {
                throw new IllegalStateException(RESOURCE + " was trained on a feature this build does not compute: "
                        + feature);
            }
            indexes.add(i);
        }
        String embedding = required(p, name + ".embedding");
        if (!embedding.equals("true") && !embedding.equals("false")) {
            throw new IllegalStateException(RESOURCE + ": " + name + ".embedding must be true or false");
        }
        Combiner combiner = null;
        if (p.getProperty(name + ".combiner.inputs") != null) {
            List<String> inputs = List.of(required(p, name + ".combiner.inputs").split("\\s*,\\s*"));
            if (!inputs.equals(Combiner.INPUTS)) {
                throw new IllegalStateException(RESOURCE + ": " + name + "'s combiner was trained on other inputs: "
                        + inputs);
            }
            combiner = new Combiner(Trees.from(p, name + ".combiner.local"), Trees.from(p, name + ".combiner.cloud"));
        }
        return new Segment(indexes.stream().mapToInt(Integer::intValue).toArray(), Boolean.parseBoolean(embedding),
                numbers(p, name + ".input.mean"), numbers(p, name + ".input.scale"), Head.from(p, name + ".local"),
                Head.from(p, name + ".cloud"), combiner);
    }

    /**
     * Probability of a correct answer from a model of the tier. Missing features or embedding count as
     * the training average, so the prediction degrades towards the tier's base rate instead of failing.
     */
    public double predict(Tier tier, double[] features, float[] embedding) {
        Segment s = segment(features);
        double[] x = s.standardised(features, embedding, dimensions);
        return (tier == Tier.CLOUD ? s.cloud() : s.local()).score(x);
    }

    int dimensions() {
        return dimensions;
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        return value.trim();
    }

    private static double[] numbers(Properties p, String key) {
        String value = required(p, key);
        if (value.isEmpty()) {
            return new double[0];
        }
        try {
            return Arrays.stream(value.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + ": " + key + " is not a list of numbers", e);
        }
    }

    /** One output: logistic regression ({@code hidden} empty) or one ReLU hidden layer, on standardised input. */
    record Head(double[][] hidden, double[] output) {

        static Head from(Properties p, String name) {
            int units = Integer.parseInt(required(p, name + ".hidden"));
            double[][] hidden = new double[units][];
            for (int j = 0; j < units; j++) {
                hidden[j] = numbers(p, name + ".hidden." + j);
            }
            return new Head(hidden, numbers(p, name + ".output"));
        }

        void check(int inputs) {
            for (double[] row : hidden) {
                if (row.length != inputs + 1) {
                    throw new IllegalArgumentException("hidden row needs " + (inputs + 1) + " numbers");
                }
            }
            int fanIn = hidden.length == 0 ? inputs : hidden.length;
            if (output.length != fanIn + 1) {
                throw new IllegalArgumentException("output needs " + (fanIn + 1) + " numbers, has " + output.length);
            }
        }

        double score(double[] x) {
            double z = output[0];
            if (hidden.length == 0) {
                for (int i = 0; i < x.length; i++) {
                    z += output[i + 1] * x[i];
                }
            } else {
                for (int j = 0; j < hidden.length; j++) {
                    double[] row = hidden[j];
                    double h = row[0];
                    for (int i = 0; i < x.length; i++) {
                        h += row[i + 1] * x[i];
                    }
                    if (h > 0) {
                        z += output[j + 1] * h;
                    }
                }
            }
            return 1.0 / (1.0 + Math.exp(-z));
        }
    }

    /** Lazy holder: parameters are read on first use, once per class loader. */
    private static final class Shipped {
        static final QualityPrior PRIOR = from(load());

        private static Properties load() {
            try (InputStream in = QualityPrior.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource dev/llmrouter/classify/" + RESOURCE);
                }
                Properties p = new Properties();
                p.load(in);
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + RESOURCE, e);
            }
        }
    }
}
