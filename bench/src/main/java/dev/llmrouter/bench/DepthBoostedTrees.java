package dev.llmrouter.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Gradient-boosted regression trees for a logistic loss (second-order leaf values, L2 on the leaves),
 * on quantile bins of each input. Every tree is complete to its depth so that it ships as a flat list:
 * {@code 2^depth - 1} internal nodes in heap order (input index and threshold, {@code x < threshold}
 * goes left; index -1 sends everything left) then {@code 2^depth} leaf values.
 */
public final class DepthBoostedTrees {

    /** The fitted model: the log-odds start, the shrinkage and each tree flattened as described above. */
    public record Model(double base, double rate, int depth, List<double[]> trees) {
    }

    private DepthBoostedTrees() {
    }

    public static Model fit(double[][] x, boolean[] y, int trees, int depth, double rate, int minLeaf, double l2,
                            double subsample, long seed) {
        int n = x.length;
        int p = x[0].length;
        int bins = 32;
        double[][] edges = new double[p][];
        int[][] bin = new int[n][p];
        for (int j = 0; j < p; j++) {
            double[] column = new double[n];
            for (int r = 0; r < n; r++) {
                column[r] = x[r][j];
            }
            Arrays.sort(column);
            double[] e = new double[bins - 1];
            int k = 0;
            for (int b = 1; b < bins; b++) {
                double q = quantile(column, b / (double) bins);
                if (k == 0 || q > e[k - 1]) {
                    e[k++] = q;
                }
            }
            edges[j] = Arrays.copyOf(e, k);
            for (int r = 0; r < n; r++) {
                bin[r][j] = upperBound(edges[j], x[r][j]);
            }
        }
        double positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double prior = Math.min(Math.max(positives / n, 1e-3), 1 - 1e-3);
        double base = Math.log(prior / (1 - prior));
        double[] f = new double[n];
        Arrays.fill(f, base);
        Random random = new Random(seed);
        List<double[]> out = new ArrayList<>();
        double[] g = new double[n];
        double[] h = new double[n];
        for (int t = 0; t < trees; t++) {
            for (int r = 0; r < n; r++) {
                double q = 1 / (1 + Math.exp(-f[r]));
                g[r] = q - (y[r] ? 1 : 0);
                h[r] = q * (1 - q);
            }
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (random.nextDouble() < subsample) {
                    rows.add(r);
                }
            }
            int internal = (1 << depth) - 1;
            double[] tree = new double[2 * internal + (1 << depth)];
            grow(tree, 0, depth, rows.stream().mapToInt(Integer::intValue).toArray(), bin, edges, g, h, minLeaf, l2);
            out.add(tree);
            for (int r = 0; r < n; r++) {
                f[r] += rate * score(tree, depth, x[r]);
            }
        }
        return new Model(base, rate, depth, out);
    }

    /** Fills the subtree rooted at heap node {@code node}; at depth 0 the node is a leaf. */
    private static void grow(double[] tree, int node, int levels, int[] rows, int[][] bin, double[][] edges,
                             double[] g, double[] h, int minLeaf, double l2) {
        int depth = depthOf(tree);
        int internal = (1 << depth) - 1;
        double gs = 0;
        double hs = 0;
        for (int r : rows) {
            gs += g[r];
            hs += h[r];
        }
        if (levels == 0) {
            tree[2 * internal + (node - internal)] = -gs / (hs + l2);
            return;
        }
        int bestFeature = -1;
        int bestBin = -1;
        double bestGain = 1e-9;
        double parent = gs * gs / (hs + l2);
        for (int j = 0; j < edges.length; j++) {
            int nb = edges[j].length + 1;
            double[] gb = new double[nb];
            double[] hb = new double[nb];
            int[] cb = new int[nb];
            for (int r : rows) {
                int b = bin[r][j];
                gb[b] += g[r];
                hb[b] += h[r];
                cb[b]++;
            }
            double gl = 0;
            double hl = 0;
            int cl = 0;
            for (int b = 0; b < nb - 1; b++) {
                gl += gb[b];
                hl += hb[b];
                cl += cb[b];
                if (cl < minLeaf || rows.length - cl < minLeaf) {
                    continue;
                }
                double gain = gl * gl / (hl + l2) + (gs - gl) * (gs - gl) / (hs - hl + l2) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestFeature = j;
                    bestBin = b;
                }
            }
        }
        int[] left = rows;
        int[] right = new int[0];
        if (bestFeature >= 0) {
            int jf = bestFeature;
            int kb = bestBin;
            left = Arrays.stream(rows).filter(r -> bin[r][jf] <= kb).toArray();
            right = Arrays.stream(rows).filter(r -> bin[r][jf] > kb).toArray();
            tree[2 * node] = bestFeature;
            tree[2 * node + 1] = edges[bestFeature][bestBin];
        } else {
            tree[2 * node] = -1;
            tree[2 * node + 1] = 0;
        }
        grow(tree, 2 * node + 1, levels - 1, left, bin, edges, g, h, minLeaf, l2);
        grow(tree, 2 * node + 2, levels - 1, bestFeature >= 0 ? right : left, bin, edges, g, h, minLeaf, l2);
    }

    /** The depth of a flattened complete tree of {@code 3 x 2^depth - 2} numbers. */
    static int depthOf(double[] tree) {
        int depth = 0;
        while (3 * (1 << depth) - 2 < tree.length) {
            depth++;
        }
        return depth;
    }

    static double score(double[] tree, int depth, double[] x) {
        int internal = (1 << depth) - 1;
        int node = 0;
        while (node < internal) {
            int feature = (int) tree[2 * node];
            boolean left = feature < 0 || x[feature] < tree[2 * node + 1];
            node = 2 * node + (left ? 1 : 2);
        }
        return tree[2 * internal + (node - internal)];
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The number of edges at or below {@code v}: its bin. */
    private static int upperBound(double[] edges, double v) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
