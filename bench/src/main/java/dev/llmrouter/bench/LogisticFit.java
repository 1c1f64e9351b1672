package dev.llmrouter.bench;

/**
 * L2-regularised logistic regression fitted exactly by Newton's method: minimises
 * {@code sum_i logloss(y_i, sigmoid(b + w . x_i)) + l2 / 2 x |w|^2} (the bias is not penalised) on
 * standardised rows. Deterministic, no learning rate or epochs to choose: the penalty is the one knob.
 */
public final class LogisticFit {

    private LogisticFit() {
    }

    /** The parameters, bias first. */
    public static double[] fit(double[][] x, boolean[] y, double l2) {
        int n = x.length;
        int p = x[0].length + 1;
        double[] w = new double[p];
        double positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double rate = Math.min(Math.max(positives / n, 1e-3), 1 - 1e-3);
        w[0] = Math.log(rate / (1 - rate));
        double previous = Double.MAX_VALUE;
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            double loss = 0;
            double[] row = new double[p];
            for (int r = 0; r < n; r++) {
                row[0] = 1;
                System.arraycopy(x[r], 0, row, 1, p - 1);
                double z = 0;
                for (int i = 0; i < p; i++) {
                    z += w[i] * row[i];
                }
                double q = 1 / (1 + Math.exp(-z));
                loss += y[r] ? -Math.log(Math.max(q, 1e-300)) : -Math.log(Math.max(1 - q, 1e-300));
                double err = q - (y[r] ? 1 : 0);
                double h = Math.max(q * (1 - q), 1e-12);
                for (int i = 0; i < p; i++) {
                    grad[i] += err * row[i];
                    double hi = h * row[i];
                    double[] hrow = hess[i];
                    for (int j = 0; j <= i; j++) {
                        hrow[j] += hi * row[j];
                    }
                }
            }
            for (int i = 1; i < p; i++) {
                loss += 0.5 * l2 * w[i] * w[i];
                grad[i] += l2 * w[i];
                hess[i][i] += l2;
            }
            hess[0][0] += 1e-9;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < i; j++) {
                    hess[j][i] = hess[i][j];
                }
            }
            double[] step = solve(hess, grad);
            for (int i = 0; i < p; i++) {
                w[i] -= step[i];
            }
            if (previous - loss < 1e-7 * Math.max(1, Math.abs(loss))) {
                break;
            }
            previous = loss;
        }
        return w;
    }

    /** Solves a symmetric positive definite system by Cholesky decomposition. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] out = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * out[k];
            }
            out[i] = sum / l[i][i];
        }
        return out;
    }
}
