package dev.llmrouter.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gradient-boosted regression trees for a binary label (log-loss), grown leaf by leaf on
 * per-feature histograms, in the manner of LightGBM and scikit-learn's HistGradientBoosting.
 * Trees split on thresholds of single features, so they use what a linear model or a small
 * network over standardised inputs finds hard: interactions and sharp cut-offs (a long unshared
 * word matters only when the cosine is high, two "what" questions differ from a "what" and a "how").
 * Only the thresholds and leaf values are kept; they ship as text.
 */
public final class BoostedTrees {

    /** One tree: a node is a leaf when {@code feature[n] < 0}; go left when {@code x <= threshold[n]}. */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    }

    private final double base;
    private final List<Tree> trees;

    private BoostedTrees(double base, List<Tree> trees) {
        this.base = base;
        this.trees = trees;
    }

    public double base() {
        return base;
    }

    public List<Tree> trees() {
        return trees;
    }

    public double logit(double[] x) {
        double z = base;
        for (Tree t : trees) {
            int n = 0;
            while (t.feature[n] >= 0) {
                n = x[t.feature[n]] <= t.threshold[n] ? t.left[n] : t.right[n];
            }
            z += t.value[n];
        }
        return z;
    }

    public double probability(double[] x) {
        return 1.0 / (1.0 + Math.exp(-logit(x)));
    }

    /**
     * Several ensembles as one whose logit is the mean of theirs: every member's trees, each leaf
     * divided by the member count.
     */
    public static BoostedTrees average(List<BoostedTrees> members) {
        int k = members.size();
        double base = 0;
        List<Tree> trees = new ArrayList<>();
        for (BoostedTrees m : members) {
            base += m.base / k;
            for (Tree t : m.trees) {
                double[] value = t.value.clone();
                for (int n = 0; n < value.length; n++) {
                    value[n] /= k;
                }
                trees.add(new Tree(t.feature, t.threshold, t.left, t.right, value));
            }
        }
        return new BoostedTrees(base, trees);
    }

    /**
     * Fits on (x, y) with row weights; after every tree the validation log-loss is checked, and the
     * ensemble is cut back to the round where it was lowest (stopping after {@code patience} rounds
     * without a new low).
     */
    public static BoostedTrees fit(double[][] x, boolean[] y, double[] w, double[][] validX, boolean[] validY,
                                   int maxRounds, double rate, int maxLeaves, int minLeaf, double l2, int bins,
                                   int patience) {
        int rows = x.length;
        int features = x[0].length;
        double[][] cuts = new double[features][];
        int[][] binned = new int[features][rows];
        for (int f = 0; f < features; f++) {
            cuts[f] = cuts(x, f, bins);
            for (int r = 0; r < rows; r++) {
                binned[f][r] = bin(cuts[f], x[r][f]);
            }
        }
        double positive = 0;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            total += w[r];
            positive += y[r] ? w[r] : 0;
        }
        double base = Math.log(positive / (total - positive));
        double[] margin = new double[rows];
        Arrays.fill(margin, base);
        double[] validMargin = new double[validX.length];
        Arrays.fill(validMargin, base);
        List<Tree> trees = new ArrayList<>();
        double bestLoss = logLoss(validMargin, validY);
        int bestRounds = 0;
        double[] g = new double[rows];
        double[] h = new double[rows];
        for (int round = 0; round < maxRounds && round - bestRounds < patience; round++) {
            for (int r = 0; r < rows; r++) {
                double p = 1.0 / (1.0 + Math.exp(-margin[r]));
                g[r] = w[r] * (p - (y[r] ? 1 : 0));
                h[r] = w[r] * Math.max(p * (1 - p), 1e-6);
            }
            Tree tree = grow(binned, cuts, g, h, maxLeaves, minLeaf, l2, rate);
            trees.add(tree);
            for (int r = 0; r < rows; r++) {
                margin[r] += leafValue(tree, binned, cuts, r);
            }
            for (int r = 0; r < validX.length; r++) {
                validMargin[r] += new BoostedTrees(0, List.of(tree)).logit(validX[r]);
            }
            double loss = logLoss(validMargin, validY);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestRounds = round + 1;
            }
            if ((round + 1) % 50 == 0) {
                System.out.printf(Locale.ROOT, "  round %d valid log-loss %.4f (best %.4f at %d)%n", round + 1, loss,
                        bestLoss, bestRounds);
            }
        }
        System.out.printf(Locale.ROOT, "  kept %d trees, valid log-loss %.4f%n", bestRounds, bestLoss);
        return new BoostedTrees(base, new ArrayList<>(trees.subList(0, bestRounds)));
    }

    /** Up to {@code bins - 1} cut points at quantiles of the feature's distinct values. */
    private static double[] cuts(double[][] x, int f, int bins) {
        double[] values = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            values[r] = x[r][f];
        }
        Arrays.sort(values);
        List<Double> out = new ArrayList<>();
        for (int b = 1; b < bins; b++) {
            double q = values[(int) ((long) b * (values.length - 1) / bins)];
            // the cut lies halfway to the next distinct value, so unseen values in between split sensibly
            int next = Arrays.binarySearch(values, Math.nextUp(q));
            int at = next >= 0 ? next : -next - 1;
            if (at >= values.length) {
                continue;
            }
            double cut = (q + values[at]) / 2;
            if (out.isEmpty() || cut > out.get(out.size() - 1)) {
                out.add(cut);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Index of the first cut at or above the value: bin b holds cuts[b-1] < x <= cuts[b]. */
    private static int bin(double[] cuts, double value) {
        int at = Arrays.binarySearch(cuts, value);
        return at >= 0 ? at : -at - 1;
    }

    private static double leafValue(Tree t, int[][] binned, double[][] cuts, int r) {
        int n = 0;
        while (t.feature[n] >= 0) {
            // threshold = cuts[f][b]: bins <= b go left
            int f = t.feature[n];
            n = binned[f][r] <= bin(cuts[f], t.threshold[n]) ? t.left[n] : t.right[n];
        }
        return t.value[n];
    }

    private record Split(double gain, int feature, int bin) {
    }

    private static final class Leaf {
        int[] rows;
        int node;
        Split best;
    }

    private static Tree grow(int[][] binned, double[][] cuts, double[] g, double[] h, int maxLeaves, int minLeaf,
                             double l2, double rate) {
        List<int[]> nodes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        // node arrays grow as we split: {feature, bin, left, right}
        int[] all = new int[g.length];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        List<Leaf> leaves = new ArrayList<>();
        Leaf root = new Leaf();
        root.rows = all;
        root.node = 0;
        nodes.add(new int[] {-1, 0, -1, -1});
        values.add(0.0);
        root.best = bestSplit(binned, cuts, g, h, all, minLeaf, l2);
        leaves.add(root);
        while (leaves.size() < maxLeaves) {
            Leaf pick = null;
            for (Leaf leaf : leaves) {
                if (leaf.best != null && (pick == null || leaf.best.gain > pick.best.gain)) {
                    pick = leaf;
                }
            }
            if (pick == null) {
                break;
            }
            int f = pick.best.feature;
            int b = pick.best.bin;
            int leftCount = 0;
            for (int r : pick.rows) {
                if (binned[f][r] <= b) {
                    leftCount++;
                }
            }
            int[] leftRows = new int[leftCount];
            int[] rightRows = new int[pick.rows.length - leftCount];
            int li = 0;
            int ri = 0;
            for (int r : pick.rows) {
                if (binned[f][r] <= b) {
                    leftRows[li++] = r;
                } else {
                    rightRows[ri++] = r;
                }
            }
            int leftNode = nodes.size();
            nodes.add(new int[] {-1, 0, -1, -1});
            values.add(0.0);
            int rightNode = nodes.size();
            nodes.add(new int[] {-1, 0, -1, -1});
            values.add(0.0);
            nodes.set(pick.node, new int[] {f, b, leftNode, rightNode});
            leaves.remove(pick);
            for (int side = 0; side < 2; side++) {
                Leaf child = new Leaf();
                child.rows = side == 0 ? leftRows : rightRows;
                child.node = side == 0 ? leftNode : rightNode;
                child.best = bestSplit(binned, cuts, g, h, child.rows, minLeaf, l2);
                leaves.add(child);
            }
        }
        for (Leaf leaf : leaves) {
            double sg = 0;
            double sh = 0;
            for (int r : leaf.rows) {
                sg += g[r];
                sh += h[r];
            }
            values.set(leaf.node, -rate * sg / (sh + l2));
        }
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            int[] node = nodes.get(i);
            feature[i] = node[0];
            threshold[i] = node[0] < 0 ? 0 : cuts[node[0]][node[1]];
            left[i] = node[2];
            right[i] = node[3];
            value[i] = node[0] < 0 ? values.get(i) : 0;
        }
        return new Tree(feature, threshold, left, right, value);
    }

    private static Split bestSplit(int[][] binned, double[][] cuts, double[] g, double[] h, int[] rows, int minLeaf,
                                   double l2) {
        if (rows.length < 2 * minLeaf) {
            return null;
        }
        double sg = 0;
        double sh = 0;
        for (int r : rows) {
            sg += g[r];
            sh += h[r];
        }
        double parent = sg * sg / (sh + l2);
        Split best = null;
        for (int f = 0; f < binned.length; f++) {
            int nb = cuts[f].length + 1;
            double[] hg = new double[nb];
            double[] hh = new double[nb];
            int[] hc = new int[nb];
            int[] col = binned[f];
            for (int r : rows) {
                int b = col[r];
                hg[b] += g[r];
                hh[b] += h[r];
                hc[b]++;
            }
            double lg = 0;
            double lh = 0;
            int lc = 0;
            for (int b = 0; b < nb - 1; b++) {
                lg += hg[b];
                lh += hh[b];
                lc += hc[b];
                int rc = rows.length - lc;
                if (lc < minLeaf || rc < minLeaf) {
                    continue;
                }
                double rg = sg - lg;
                double rh = sh - lh;
                double gain = lg * lg / (lh + l2) + rg * rg / (rh + l2) - parent;
                if (gain > 1e-9 && (best == null || gain > best.gain)) {
                    best = new Split(gain, f, b);
                }
            }
        }
        return best;
    }

    private static double logLoss(double[] margin, boolean[] y) {
        double sum = 0;
        for (int r = 0; r < margin.length; r++) {
            double p = Math.min(Math.max(1.0 / (1.0 + Math.exp(-margin[r])), 1e-7), 1 - 1e-7);
            sum -= y[r] ? Math.log(p) : Math.log(1 - p);
        }
        return margin.length == 0 ? 0 : sum / margin.length;
    }
}
