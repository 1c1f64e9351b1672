package dev.llmrouter.cache;

import java.util.Properties;

/**
 * The verifier that also sees both embeddings. A cosine folds 384 coordinates into one number, so
 * "learn Python" versus "learn Java" and a true rewording can score alike; the per-dimension
 * distance |u−v| and agreement u⊙v keep which directions differ, the standard input for
 * paraphrase identification over sentence embeddings. Inputs are the {@link PairFeatures}
 * followed by |u−v| and u⊙v; they are standardised, then fed to logistic regression
 * ({@code hidden=0}) or one ReLU hidden layer. Parameters are learned by
 * {@code bench/train-verifier} and shipped as {@value #RESOURCE}.
 */
final class EmbeddingVerifier {

    static final String RESOURCE = "embedding-verifier.properties";

    private final int dimensions;
    private final double[] mean;
    private final double[] scale;
    /** One row per hidden unit: bias, then one weight per input. Empty for logistic regression. */
    private final double[][] hidden;
    /** Bias, then one weight per hidden unit (or per input when there is no hidden layer). */
    private final double[] output;
    private final double threshold;

    EmbeddingVerifier(int dimensions, double[] mean, double[] scale, double[][] hidden, double[] output,
                      double threshold) {
        int n = inputs(dimensions);
        if (mean.length != n || scale.length != n) {
            throw new IllegalArgumentException("expected " + n + " inputs for " + dimensions + " dimensions");
        }
        for (double[] row : hidden) {
            if (row.length != n + 1) {
                throw new IllegalArgumentException("hidden row needs " + (n + 1) + " numbers, has " + row.length);
            }
        }
        int fanIn = hidden.length == 0 ? n : hidden.length;
        if (output.length != fanIn + 1) {
            throw new IllegalArgumentException("output needs " + (fanIn + 1) + " numbers, has " + output.length);
        }
        this.dimensions = dimensions;
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.hidden = hidden.clone();
        this.output = output.clone();
        this.threshold = threshold;
    }

    static int inputs(int dimensions) {
        return PairFeatures.NAMES.size() + 2 * dimensions;
    }

    /** Scalar features, then |u−v|, then u⊙v: the unstandardised input the model was fitted on. */
    static double[] input(double[] scalar, float[] u, float[] v) {
        int s = scalar.length;
        int d = u.length;
        double[] x = new double[s + 2 * d];
        System.arraycopy(scalar, 0, x, 0, s);
        for (int i = 0; i < d; i++) {
            x[s + i] = Math.abs(u[i] - v[i]);
            x[s + d + i] = u[i] * v[i];
        }
        return x;
    }

    static EmbeddingVerifier shipped() {
        return from(ShippedParameters.load(RESOURCE));
    }

    static EmbeddingVerifier from(Properties p) {
        int dimensions = Integer.parseInt(ShippedParameters.required(p, RESOURCE, "dimensions"));
        int units = Integer.parseInt(ShippedParameters.required(p, RESOURCE, "hidden"));
        double[][] hidden = new double[units][];
        for (int j = 0; j < units; j++) {
            hidden[j] = numbers(p, "hidden." + j);
        }
        return new EmbeddingVerifier(dimensions, numbers(p, "input.mean"), numbers(p, "input.scale"), hidden,
                numbers(p, "output"), Double.parseDouble(ShippedParameters.required(p, RESOURCE, "threshold")));
    }

    private static double[] numbers(Properties p, String key) {
        String[] parts = ShippedParameters.required(p, RESOURCE, key).split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }

    int dimensions() {
        return dimensions;
    }

    double threshold() {
        return threshold;
    }

    /** Probability that the two questions are the same question, from {@link #input} output. */
    double score(double[] raw) {
        int n = raw.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (raw[i] - mean[i]) / scale[i];
        }
        double z = output[0];
        if (hidden.length == 0) {
            for (int i = 0; i < n; i++) {
                z += output[i + 1] * x[i];
            }
        } else {
            for (int j = 0; j < hidden.length; j++) {
                double[] row = hidden[j];
                double h = row[0];
                for (int i = 0; i < n; i++) {
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
