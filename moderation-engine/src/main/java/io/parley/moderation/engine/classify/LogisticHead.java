package io.parley.moderation.engine.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * L2-regularised logistic regression over a short dense vector (a sentence embedding followed by the
 * first stage's log-odds), fitted by Newton's method. Inputs are standardised with the training
 * data's means and deviations, so one penalty suits every input. Small enough (a few hundred inputs)
 * that the exact Hessian is cheap; immutable once fitted.
 */
public final class LogisticHead {

    private static final int MAX_ITERATIONS = 25;

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private final double bias;

    private LogisticHead(double[] mean, double[] scale, double[] weights, double bias) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.bias = bias;
    }

    public int inputs() {
        return weights.length;
    }

    public double logOdds(double[] x) {
        if (x.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " inputs, got " + x.length);
        }
        double z = bias;
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * (x[j] - mean[j]) / scale[j];
        }
        return z;
    }

    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logOdds(x)));
    }

    /**
     * Fits the head to labelled vectors (all the same length).
     *
     * @param l2 penalty on the squared weights of the standardised inputs (not on the bias)
     */
    public static LogisticHead fit(double[][] x, boolean[] positive, double l2) {
        int n = x.length;
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-9;
        }
        // Standardised design matrix with a constant last column for the bias.
        double[][] a = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
            a[i][d] = 1;
        }
        double[] w = new double[d + 1];
        double loss = loss(a, positive, w, l2);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(a[i], w));
                double r = p - (positive[i] ? 1 : 0);
                double h = Math.max(p * (1 - p), 1e-10);
                double[] ai = a[i];
                for (int j = 0; j <= d; j++) {
                    gradient[j] += r * ai[j];
                    double haj = h * ai[j];
                    double[] row = hessian[j];
                    for (int k = j; k <= d; k++) {
                        row[k] += haj * ai[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] += l2 * w[j];
                hessian[j][j] += l2;
            }
            hessian[d][d] += 1e-9;
            for (int j = 0; j <= d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[j][k] = hessian[k][j];
                }
            }
            double[] step = solve(hessian, gradient);
            // Newton's step, halved while it does not lower the penalised loss.
            double t = 1;
            double[] next = minus(w, step, t);
            double nextLoss = loss(a, positive, next, l2);
            while (nextLoss > loss && t > 1e-4) {
                t /= 2;
                next = minus(w, step, t);
                nextLoss = loss(a, positive, next, l2);
            }
            if (nextLoss > loss) {
                break;
            }
            boolean converged = loss - nextLoss < 1e-7 * Math.max(1, loss);
            w = next;
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(w, 0, weights, 0, d);
        return new LogisticHead(mean, scale, weights, w[d]);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        for (int j = 0; j < weights.length; j++) {
            out.writeDouble(mean[j]);
            out.writeDouble(scale[j]);
            out.writeDouble(weights[j]);
        }
        out.writeDouble(bias);
    }

    static LogisticHead read(DataInputStream in) throws IOException {
        int d = in.readInt();
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = in.readDouble();
            scale[j] = in.readDouble();
            weights[j] = in.readDouble();
        }
        return new LogisticHead(mean, scale, weights, in.readDouble());
    }

    private static double loss(double[][] a, boolean[] positive, double[] w, double l2) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double z = dot(a[i], w);
            // -log sigmoid(±z), finite for large |z|.
            double s = positive[i] ? -z : z;
            sum += Math.max(s, 0) + Math.log1p(Math.exp(-Math.abs(s)));
        }
        double penalty = 0;
        for (int j = 0; j < w.length - 1; j++) {
            penalty += w[j] * w[j];
        }
        return sum + l2 / 2 * penalty;
    }

    /** Solves the symmetric positive definite system {@code h x = g} by Cholesky decomposition. */
    private static double[] solve(double[][] h, double[] g) {
        int m = g.length;
        double[][] l = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static double[] minus(double[] w, double[] step, double t) {
        double[] next = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            next[j] = w[j] - t * step[j];
        }
        return next;
    }

    private static double dot(double[] a, double[] w) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * w[j];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
