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
 * one ReLU hidden layer): local and cloud tier. Fitted by {@code bench/route-train} on labelled
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
    record Segment(int[] features, boolean embedding, double[] mean, double[] scale, Head local, Head cloud) {

        Segment {
            features = features.clone();
            mean = mean.clone();
            scale = scale.clone();
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
        return new Segment(indexes.stream().mapToInt(Integer::intValue).toArray(), Boolean.parseBoolean(embedding),
                numbers(p, name + ".input.mean"), numbers(p, name + ".input.scale"), Head.from(p, name + ".local"),
                Head.from(p, name + ".cloud"));
    }

    /**
     * Probability of a correct answer from a model of the tier. Missing features or embedding count as
     * the training average, so the prediction degrades towards the tier's base rate instead of failing.
     */
    public double predict(Tier tier, double[] features, float[] embedding) {
        Segment s = isMultipleChoice(features) ? options : free;
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
