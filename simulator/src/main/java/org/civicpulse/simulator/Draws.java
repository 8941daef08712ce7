package org.civicpulse.simulator;

import java.util.SplittableRandom;

/**
 * The distributions the simulator draws from. Only {@link StrictMath} is used, so a run gives
 * the same bits on every JVM and whether or not the JIT has compiled the code.
 */
final class Draws {
    private static final double[] LOG_FACTORIAL = new double[256];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + StrictMath.log(k);
        }
    }

    private Draws() {
    }

    /** A standard normal value (Marsaglia's polar method). */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** A log-normal value with this median and log-scale spread. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(rng));
    }

    /** A log-normal value clamped to [{@code min}, {@code max}]. */
    static double logNormal(SplittableRandom rng, double median, double sigma, double min, double max) {
        return Math.max(min, Math.min(max, logNormal(rng, median, sigma)));
    }

    /** A gamma value with mean {@code shape * scale} (Marsaglia and Tsang). */
    static double gamma(SplittableRandom rng, double shape, double scale) {
        if (shape < 1) {
            // Boost: Gamma(a) = Gamma(a + 1) * U^(1/a).
            double u = rng.nextDouble();
            return gamma(rng, shape + 1, scale) * StrictMath.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(rng);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x
                    || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v * scale;
            }
        }
    }

    /** A gamma multiplier with mean 1 and variance {@code 1 / shape}: the overdispersion of a count. */
    static double unitGamma(SplittableRandom rng, double shape) {
        return gamma(rng, shape, 1 / shape);
    }

    /** A Poisson count: inversion for small means, Hörmann's PTRS for large ones. */
    static int poisson(SplittableRandom rng, double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            double p = rng.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= rng.nextDouble();
                k++;
            }
            return k;
        }
        double slam = StrictMath.sqrt(mean);
        double logLam = StrictMath.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b)
                    <= -mean + k * logLam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /** A negative-binomial count: Poisson with a gamma-distributed mean (mean {@code mean}). */
    static int negativeBinomial(SplittableRandom rng, double mean, double shape) {
        return poisson(rng, mean * unitGamma(rng, shape));
    }

    /** ln(k!), exact from a table for small k, Stirling's series beyond. */
    static double logFactorial(long k) {
        if (k < LOG_FACTORIAL.length) {
            return LOG_FACTORIAL[(int) k];
        }
        double x = k + 1;
        return (x - 0.5) * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI)
                + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /** True with probability {@code p}. */
    static boolean chance(SplittableRandom rng, double p) {
        return p > 0 && rng.nextDouble() < p;
    }
}
