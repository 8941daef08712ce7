package org.civicpulse.jobs.hotspot.eval;

import java.util.List;

/**
 * An upper bound on the recall any detector can reach for an m× burst of one window on the
 * busy units the harness bursts: an oracle that knows each unit's true mean count μ in the window
 * and the NB size of its clumping, and tests exactly the burst's window (no alignment loss, no
 * multiple windows), alarms when the count reaches the smallest c with P(NB(μ, size) ≥ c) ≤ α.
 * α is the false-alert budget divided by the tests it must cover: 0.5 per district per day over
 * every unit × window of the evaluated days. Its recall is P(NB(μ, size) + Poisson((m − 1)μ) ≥ c),
 * the simulator's burst (extra cases at (m − 1) times the unit's normal rate), averaged over the
 * units. A second figure gives the oracle more still: it also knows today's level of the unit (the
 * day's gamma draw), so its counts are Poisson.
 */
final class OracleBound {
    /** Gauss–Laguerre would do; a fine grid over the gamma's quantiles is simpler and exact enough. */
    private static final int GAMMA_STEPS = 400;
    /** The clumping of a unit's counts from day to day: the simulator's gamma shape (and the detector's NB size). */
    static final double SIZE = 2.5;

    private OracleBound() {
    }

    /** The per-test false-alarm rate: the alert budget over the tests it covers. */
    static double alpha(double budgetPerDistrictDay, int districts, long units, int windowsPerDay) {
        return budgetPerDistrictDay * districts / ((double) units * windowsPerDay);
    }

    /** Mean recall of the NB oracle over units with window means {@code mus}. */
    static double nbRecall(List<Double> mus, double size, double multiplier, double alpha) {
        double sum = 0;
        for (double mu : mus) {
            int c = threshold(k -> nbPmf(k, mu, size), alpha);
            sum += 1 - cdfOfSum(k -> nbPmf(k, mu, size), (multiplier - 1) * mu, c - 1);
        }
        return sum / mus.size();
    }

    /** Mean recall of the oracle that also knows each day's level (Poisson counts given the gamma draw). */
    static double dayRecall(List<Double> mus, double size, double multiplier, double alpha) {
        double sum = 0;
        for (double mu : mus) {
            double r = 0;
            for (int i = 0; i < GAMMA_STEPS; i++) {
                double g = gammaQuantile((i + 0.5) / GAMMA_STEPS, size);
                double level = g * mu;
                int c = threshold(k -> poissonPmf(k, level), alpha);
                r += 1 - cdfOfSum(k -> poissonPmf(k, level), (multiplier - 1) * mu, c - 1);
            }
            sum += r / GAMMA_STEPS;
        }
        return sum / mus.size();
    }

    /**
     * An oracle's estimate of the detection delay of {@code extra} cases spread evenly at random over a
     * burst of {@code minutes} on a unit that usually sees {@code usualInBurst} cases in that time:
     * an oracle that knows the unit, its true mean and the burst's start counts the cases since the
     * start and alarms at the first of them that lifts the count to the NB threshold at α for the
     * time elapsed. The k-th of n uniform arrivals comes on average at k ÷ (n + 1) of the burst. The
     * unit's own cases are left out (about 0.05 of a case on a quiet unit in an hour). Minutes after
     * the start, or NaN when even the last case does not reach the threshold.
     */
    static double delayMinutes(double usualInBurst, int extra, int minutes, double size, double alpha) {
        for (int k = 1; k <= extra; k++) {
            double t = (double) k * minutes / (extra + 1);
            double mu = usualInBurst * t / minutes;
            int c = threshold(j -> nbPmf(j, mu, size), alpha);
            if (k >= c) {
                return t;
            }
        }
        return Double.NaN;
    }

    /** The smallest c with P(X ≥ c) ≤ alpha. */
    static int threshold(java.util.function.IntToDoubleFunction pmf, double alpha) {
        double below = 0;
        int c = 0;
        while (1 - below > alpha && c < 10_000) {
            below += pmf.applyAsDouble(c);
            c++;
        }
        return c;
    }

    /** P(X + Z ≤ upTo) for X with {@code pmf} and Z ~ Poisson(extra). */
    static double cdfOfSum(java.util.function.IntToDoubleFunction pmf, double extra, int upTo) {
        double p = 0;
        for (int k = 0; k <= upTo; k++) {
            double x = pmf.applyAsDouble(k);
            for (int j = 0; j <= upTo - k; j++) {
                p += x * poissonPmf(j, extra);
            }
        }
        return p;
    }

    static double nbPmf(int k, double mu, double r) {
        return Math.exp(logGamma(k + r) - logGamma(r) - logGamma(k + 1) + r * Math.log(r / (r + mu))
                + (k == 0 ? 0 : k * Math.log(mu / (r + mu))));
    }

    static double poissonPmf(int k, double mu) {
        if (mu == 0) {
            return k == 0 ? 1 : 0;
        }
        return Math.exp(k * Math.log(mu) - mu - logGamma(k + 1));
    }

    /** The p-quantile of a gamma with mean 1 and shape {@code shape}, by bisection on its CDF. */
    static double gammaQuantile(double p, double shape) {
        double lo = 0;
        double hi = 50;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (regularizedGammaP(shape, mid * shape) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(a, x), the regularized lower incomplete gamma function (series, or continued fraction). */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 500; n++) {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-15) {
                    break;
                }
            }
            return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
        }
        // Lentz's continued fraction for Q(a, x).
        double b = x + 1 - a;
        double c = 1 / 1e-300;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 500; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < 1e-300 ? 1e-300 : d;
            c = b + an / c;
            c = Math.abs(c) < 1e-300 ? 1e-300 : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return 1 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }

    /** log Γ(x) by Lanczos (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
    static double logGamma(double x) {
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
