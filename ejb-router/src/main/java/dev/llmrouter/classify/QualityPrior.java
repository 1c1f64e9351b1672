package dev.llmrouter.classify;

import dev.llmrouter.chat.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The learned part of the quality prediction: for each tier, the probability that a model of that tier
 * answers the prompt correctly, from the {@link PromptFeatures} and the prompt's embedding. Two heads
 * (logistic regression, or one ReLU hidden layer) on the same standardised input; fitted by
 * {@code bench/route-train} on labelled development prompts (a small local model against a large cloud
 * model) and shipped as {@value #RESOURCE}. It is a starting point: the labelled history of the real
 * backends corrects it ({@link QualityBlend}).
 */
public final class QualityPrior {

    static final String RESOURCE = "quality-prior.properties";

    private final int dimensions;
    private final double[] mean;
    private final double[] scale;
    private final Head local;
    private final Head cloud;

    QualityPrior(int dimensions, double[] mean, double[] scale, Head local, Head cloud) {
        int n = inputs(dimensions);
        if (mean.length != n || scale.length != n) {
            throw new IllegalArgumentException("expected " + n + " inputs for " + dimensions + " dimensions");
        }
        local.check(n);
        cloud.check(n);
        this.dimensions = dimensions;
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.local = local;
        this.cloud = cloud;
    }

    /** The text features, the same features again for free-form prompts only, then the embedding. */
    static int inputs(int dimensions) {
        return 2 * PromptFeatures.NAMES.size() + dimensions;
    }

    /**
     * The unstandardised input: features, features x (no answer options), embedding. The second copy lets a
     * linear model weigh length or numbers differently in a free-form word problem than in a multiple-choice
     * question, where they mean something else. Unknown parts are NaN.
     */
    static double[] raw(double[] features, float[] embedding, int dimensions) {
        int f = PromptFeatures.NAMES.size();
        double[] x = new double[2 * f + dimensions];
        boolean hasFeatures = features != null && features.length == f;
        boolean freeForm = hasFeatures && features[PromptFeatures.NAMES.indexOf("has_options")] == 0;
        for (int i = 0; i < f; i++) {
            x[i] = hasFeatures ? features[i] : Double.NaN;
            x[f + i] = hasFeatures ? (freeForm ? features[i] : 0) : Double.NaN;
        }
        boolean hasEmbedding = embedding != null && embedding.length == dimensions;
        for (int i = 0; i < dimensions; i++) {
            x[2 * f + i] = hasEmbedding ? embedding[i] : Double.NaN;
        }
        return x;
    }

    /** The shipped parameters, read once. */
    public static QualityPrior shipped() {
        return Shipped.PRIOR;
    }

    static QualityPrior from(Properties p) {
        List<String> names = List.of(required(p, "features").split(","));
        if (!names.equals(PromptFeatures.NAMES)) {
            throw new IllegalStateException(RESOURCE + " was trained on other features: " + names);
        }
        return new QualityPrior(Integer.parseInt(required(p, "dimensions")), numbers(p, "input.mean"),
                numbers(p, "input.scale"), Head.from(p, "local"), Head.from(p, "cloud"));
    }

    /**
     * Probability of a correct answer from a model of the tier. Missing features or embedding count as
     * the training average, so the prediction degrades towards the tier's base rate instead of failing.
     */
    public double predict(Tier tier, double[] features, float[] embedding) {
        double[] x = standardised(features, embedding);
        return (tier == Tier.CLOUD ? cloud : local).score(x);
    }

    double[] standardised(double[] features, float[] embedding) {
        double[] x = raw(features, embedding, dimensions);
        for (int i = 0; i < x.length; i++) {
            x[i] = Double.isNaN(x[i]) ? 0 : (x[i] - mean[i]) / scale[i];
        }
        return x;
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
        return Arrays.stream(required(p, key).split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
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
