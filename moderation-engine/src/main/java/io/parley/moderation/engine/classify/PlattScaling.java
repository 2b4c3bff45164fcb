package io.parley.moderation.engine.classify;

/**
 * Platt scaling: fits {@code p = sigmoid(a * z + b)} to held-out log-odds {@code z} and their labels,
 * with Platt's smoothed targets so a few confident examples cannot push {@code a} to infinity. A
 * regularised model trained on one kind of comment is still over-confident on held-out ones
 * ({@code a} about 0.7 on the YouTube folds); the calibrated score is what the thresholds compare.
 */
final class PlattScaling {

    private PlattScaling() {
    }

    /** {a, b}; {1, 0} (no change) when the fit does not converge to an increasing map. */
    static double[] fit(double[] z, boolean[] positive) {
        int pos = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            }
        }
        int neg = z.length - pos;
        double targetPositive = (pos + 1.0) / (pos + 2.0);
        double targetNegative = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        double loss = loss(z, positive, targetPositive, targetNegative, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < z.length; i++) {
                double p = sigmoid(a * z[i] + b);
                double d = p - (positive[i] ? targetPositive : targetNegative);
                double w = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += w * z[i] * z[i];
                hab += w * z[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            // Newton's step, halved until the loss goes down (a full step can overshoot far from the optimum).
            double step = 1;
            double next = loss(z, positive, targetPositive, targetNegative, a - da, b - db);
            while (next > loss && step > 1e-6) {
                step /= 2;
                next = loss(z, positive, targetPositive, targetNegative, a - step * da, b - step * db);
            }
            if (next > loss) {
                break;
            }
            a -= step * da;
            b -= step * db;
            boolean converged = loss - next < 1e-12;
            loss = next;
            if (converged) {
                break;
            }
        }
        if (!(a > 0) || !Double.isFinite(b)) {
            return new double[]{1, 0};
        }
        return new double[]{a, b};
    }

    private static double loss(double[] z, boolean[] positive, double targetPositive, double targetNegative,
                               double a, double b) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double t = positive[i] ? targetPositive : targetNegative;
            double x = a * z[i] + b;
            // Cross-entropy against the smoothed target, written to stay finite for large |x|.
            sum += Math.max(x, 0) - t * x + Math.log1p(Math.exp(-Math.abs(x)));
        }
        return sum;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
