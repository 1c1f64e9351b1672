package dev.llmrouter.cache;

import java.util.Properties;

/**
 * Logistic regression over {@link PairFeatures}: standardise, weigh, squash. The parameters are
 * learned by {@code bench/train-verifier} and shipped as {@code verifier.properties}.
 */
final class VerifierModel {

    static final String RESOURCE = "verifier.properties";

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;
    private final double threshold;

    VerifierModel(double[] mean, double[] scale, double[] weights, double bias, double threshold) {
        int n = PairFeatures.NAMES.size();
        if (mean.length != n || scale.length != n || weights.length != n) {
            throw new IllegalArgumentException("expected " + n + " features");
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
    }

    static VerifierModel shipped() {
        return from(ShippedParameters.load(RESOURCE));
    }

    static VerifierModel from(Properties p) {
        int n = PairFeatures.NAMES.size();
        double[] mean = new double[n];
        double[] scale = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            String name = PairFeatures.NAMES.get(i);
            mean[i] = number(p, "mean." + name);
            scale[i] = number(p, "scale." + name);
            weights[i] = number(p, "weight." + name);
        }
        return new VerifierModel(mean, scale, weights, number(p, "bias"), number(p, "threshold"));
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        return Double.parseDouble(value.trim());
    }

    /** Probability that the two questions are the same question. */
    double score(double[] features) {
        double z = bias;
        for (int i = 0; i < features.length; i++) {
            z += weights[i] * (features[i] - mean[i]) / scale[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    double threshold() {
        return threshold;
    }
}
