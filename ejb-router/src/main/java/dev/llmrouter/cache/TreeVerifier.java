package dev.llmrouter.cache;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Gradient-boosted trees over the {@link PairFeatures}, blended with the {@link EmbeddingVerifier}'s
 * probability. The network sees the embeddings whole but draws smooth boundaries over standardised
 * inputs; trees cut features at thresholds and combine them, which suits lexical evidence such as
 * "one long word only one side has, at a high cosine" or "a how-question against a what-question".
 * Each errs where the other does not, so their mean probability ranks pairs better than either.
 * Trees, blend weight and acceptance threshold are learned by {@code bench/train-verifier} and
 * shipped as {@value #RESOURCE}.
 */
final class TreeVerifier {

    static final String RESOURCE = "tree-verifier.properties";

    /**
     * One tree in flat arrays: node n is a leaf when {@code feature[n] < 0}, otherwise the walk goes to
     * {@code left[n]} when the feature is at most {@code threshold[n]}, else to {@code right[n]}.
     */
    record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    }

    private final double base;
    private final Tree[] trees;
    /** Share of the trees' probability in the blend; the rest is the embedding verifier's. */
    private final double weight;
    private final double threshold;

    TreeVerifier(double base, List<Tree> trees, double weight, double threshold) {
        int n = PairFeatures.NAMES.size();
        for (Tree t : trees) {
            for (int i = 0; i < t.feature.length; i++) {
                if (t.feature[i] >= n || t.feature[i] >= 0 && (t.left[i] <= i || t.right[i] <= i
                        || t.left[i] >= t.feature.length || t.right[i] >= t.feature.length)) {
                    throw new IllegalArgumentException("malformed tree node " + i);
                }
            }
        }
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("blend weight must be within 0..1: " + weight);
        }
        this.base = base;
        this.trees = trees.toArray(Tree[]::new);
        this.weight = weight;
        this.threshold = threshold;
    }

    static TreeVerifier shipped() {
        return from(ShippedParameters.load(RESOURCE));
    }

    /**
     * Reads {@code features} (the feature names the trees were fitted on, which must be today's
     * {@link PairFeatures#NAMES}), {@code base}, {@code trees}, {@code weight}, {@code threshold} and
     * one line {@code tree.K} per tree: nodes separated by spaces, a split as
     * {@code feature/threshold/left/right}, a leaf as {@code =value}.
     */
    static TreeVerifier from(Properties p) {
        List<String> names = Arrays.asList(ShippedParameters.required(p, RESOURCE, "features").split(","));
        if (!names.equals(PairFeatures.NAMES)) {
            throw new IllegalStateException(RESOURCE + " was fitted on other features: retrain with bench/train-verifier");
        }
        int count = Integer.parseInt(ShippedParameters.required(p, RESOURCE, "trees"));
        Tree[] trees = new Tree[count];
        for (int k = 0; k < count; k++) {
            trees[k] = tree(ShippedParameters.required(p, RESOURCE, "tree." + k));
        }
        return new TreeVerifier(Double.parseDouble(ShippedParameters.required(p, RESOURCE, "base")), List.of(trees),
                Double.parseDouble(ShippedParameters.required(p, RESOURCE, "weight")), Double.parseDouble(ShippedParameters.required(p, RESOURCE, "threshold")));
    }

    private static Tree tree(String line) {
        String[] nodes = line.trim().split(" +");
        int n = nodes.length;
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            if (nodes[i].startsWith("=")) {
                feature[i] = -1;
                value[i] = Double.parseDouble(nodes[i].substring(1));
            } else {
                String[] parts = nodes[i].split("/");
                feature[i] = Integer.parseInt(parts[0]);
                threshold[i] = Double.parseDouble(parts[1]);
                left[i] = Integer.parseInt(parts[2]);
                right[i] = Integer.parseInt(parts[3]);
            }
        }
        return new Tree(feature, threshold, left, right, value);
    }

    /** Acceptance threshold of the blended probability. */
    double threshold() {
        return threshold;
    }

    /** Probability from the trees alone. */
    double probability(double[] features) {
        double z = base;
        for (Tree t : trees) {
            int n = 0;
            while (t.feature[n] >= 0) {
                n = features[t.feature[n]] <= t.threshold[n] ? t.left[n] : t.right[n];
            }
            z += t.value[n];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The shipped decision score: the embedding verifier's probability blended with the trees'. */
    double blend(double networkProbability, double[] features) {
        return (1 - weight) * networkProbability + weight * probability(features);
    }
}
