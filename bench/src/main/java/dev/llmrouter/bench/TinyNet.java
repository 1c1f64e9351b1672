package dev.llmrouter.bench;

import java.util.Random;

/**
 * Logistic regression ({@code hidden = 0}) or one ReLU hidden layer, trained with Adam on
 * standardised rows and L2 weight decay. Small on purpose: the result ships inside a properties
 * file and runs per cache look-up.
 */
public final class TinyNet {

    private final int inputs;
    /** [unit][0] is the bias. */
    final double[][] hidden;
    /** [0] is the bias. */
    final double[] output;

    private TinyNet(int inputs, int units, Random random) {
        this.inputs = inputs;
        hidden = new double[units][inputs + 1];
        for (double[] row : hidden) {
            for (int i = 1; i <= inputs; i++) {
                row[i] = random.nextGaussian() * Math.sqrt(2.0 / inputs);
            }
        }
        output = new double[(units == 0 ? inputs : units) + 1];
        if (units > 0) {
            for (int j = 1; j < output.length; j++) {
                output[j] = random.nextGaussian() * Math.sqrt(1.0 / units);
            }
        }
    }

    public double[][] hidden() {
        return hidden;
    }

    public double[] output() {
        return output;
    }

    public double score(float[] x) {
        return 1.0 / (1.0 + Math.exp(-logit(x, null)));
    }

    private double logit(float[] x, double[] activations) {
        double z = output[0];
        if (hidden.length == 0) {
            for (int i = 0; i < inputs; i++) {
                z += output[i + 1] * x[i];
            }
            return z;
        }
        for (int j = 0; j < hidden.length; j++) {
            double[] row = hidden[j];
            double h = row[0];
            for (int i = 0; i < inputs; i++) {
                h += row[i + 1] * x[i];
            }
            h = Math.max(0, h);
            if (activations != null) {
                activations[j] = h;
            }
            z += output[j + 1] * h;
        }
        return z;
    }

    /** Mean log-loss, for picking the epoch that generalises best. */
    public double logLoss(float[][] x, boolean[] y) {
        double sum = 0;
        for (int r = 0; r < x.length; r++) {
            double p = Math.min(Math.max(score(x[r]), 1e-7), 1 - 1e-7);
            sum -= y[r] ? Math.log(p) : Math.log(1 - p);
        }
        return sum / x.length;
    }

    /**
     * Fits on (x, y) with per-row weights, keeping the parameters of the epoch with the lowest validation log-loss.
     */
    public static TinyNet fit(float[][] x, boolean[] y, double[] weight, float[][] validX, boolean[] validY, int units,
                              double l2, double rate, int epochs, long seed) {
        Random random = new Random(seed);
        int n = x[0].length;
        TinyNet net = new TinyNet(n, units, random);
        Adam adam = new Adam(net);
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batch = 64;
        double best = Double.MAX_VALUE;
        TinyNet kept = net.copy();
        double[] act = new double[units];
        double[][] gh = new double[units][n + 1];
        double[] go = new double[net.output.length];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            double epochRate = rate * 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
            for (int start = 0; start < order.length; start += batch) {
                int end = Math.min(order.length, start + batch);
                for (double[] g : gh) {
                    java.util.Arrays.fill(g, 0);
                }
                java.util.Arrays.fill(go, 0);
                for (int b = start; b < end; b++) {
                    float[] row = x[order[b]];
                    double err = weight[order[b]] * (1.0 / (1.0 + Math.exp(-net.logit(row, act))) - (y[order[b]] ? 1 : 0));
                    go[0] += err;
                    if (units == 0) {
                        for (int i = 0; i < n; i++) {
                            go[i + 1] += err * row[i];
                        }
                        continue;
                    }
                    for (int j = 0; j < units; j++) {
                        go[j + 1] += err * act[j];
                        if (act[j] > 0) {
                            double back = err * net.output[j + 1];
                            double[] g = gh[j];
                            g[0] += back;
                            for (int i = 0; i < n; i++) {
                                g[i + 1] += back * row[i];
                            }
                        }
                    }
                }
                int size = end - start;
                adam.step(gh, go, size, l2, epochRate);
            }
            double loss = net.logLoss(validX, validY);
            System.err.printf(java.util.Locale.ROOT, "  epoch %d train %.4f valid %.4f%n", epoch + 1,
                    net.logLoss(x, y), loss);
            if (loss < best) {
                best = loss;
                kept = net.copy();
            }
        }
        return kept;
    }

    /**
     * Several nets fitted from different seeds, as one: averaging their logits is exactly a single
     * hidden layer holding every member's units, with output weights divided by the member count.
     * Logistic regressions average weight by weight.
     */
    public static TinyNet average(java.util.List<TinyNet> members) {
        TinyNet first = members.get(0);
        int k = members.size();
        if (k == 1) {
            return first;
        }
        int units = first.hidden.length * k;
        TinyNet avg = new TinyNet(first.inputs, units, new Random(0));
        if (units == 0) {
            for (TinyNet m : members) {
                for (int i = 0; i < avg.output.length; i++) {
                    avg.output[i] += m.output[i] / k;
                }
            }
            return avg;
        }
        int row = 0;
        avg.output[0] = 0;
        for (TinyNet m : members) {
            avg.output[0] += m.output[0] / k;
            for (int j = 0; j < m.hidden.length; j++, row++) {
                avg.hidden[row] = m.hidden[j].clone();
                avg.output[row + 1] = m.output[j + 1] / k;
            }
        }
        return avg;
    }

    private TinyNet copy() {
        TinyNet c = new TinyNet(inputs, hidden.length, new Random(0));
        for (int j = 0; j < hidden.length; j++) {
            c.hidden[j] = hidden[j].clone();
        }
        System.arraycopy(output, 0, c.output, 0, output.length);
        return c;
    }

    /** Adam moments for every parameter; biases are not decayed. */
    private static final class Adam {
        private final TinyNet net;
        private final double[][] mh;
        private final double[][] vh;
        private final double[] mo;
        private final double[] vo;
        private int t;

        Adam(TinyNet net) {
            this.net = net;
            mh = new double[net.hidden.length][net.inputs + 1];
            vh = new double[net.hidden.length][net.inputs + 1];
            mo = new double[net.output.length];
            vo = new double[net.output.length];
        }

        void step(double[][] gh, double[] go, int size, double l2, double rate) {
            t++;
            double c1 = 1 - Math.pow(0.9, t);
            double c2 = 1 - Math.pow(0.999, t);
            for (int j = 0; j < gh.length; j++) {
                update(net.hidden[j], gh[j], mh[j], vh[j], size, l2, rate, c1, c2);
            }
            update(net.output, go, mo, vo, size, l2, rate, c1, c2);
        }

        private static void update(double[] w, double[] g, double[] m, double[] v, int size, double l2,
                                   double rate, double c1, double c2) {
            for (int i = 0; i < w.length; i++) {
                double grad = g[i] / size + (i == 0 ? 0 : l2 * w[i]);
                m[i] = 0.9 * m[i] + 0.1 * grad;
                v[i] = 0.999 * v[i] + 0.001 * grad * grad;
                w[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
        }
    }
}
