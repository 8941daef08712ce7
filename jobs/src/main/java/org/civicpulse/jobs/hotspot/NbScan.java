package org.civicpulse.jobs.hotspot;

/**
 * A prospective scan over the last 5, 10, 15, 30, 60 and 120 minutes: the score is the surprise,
 * −log10 of the negative-binomial probability of a count at least as high as the one seen, of the
 * most surprising of those windows. A count model, so one case on a street that expects a tenth
 * of one is not an emergency but five are. Short windows catch a sharp burst within minutes; the
 * hour and the two hours catch a slower one, whose cases only stand out once enough are in.
 *
 * <p>Counts clump by day: a street's level on a given day is its usual level times a gamma
 * factor with shape {@link #SIZE} (its busy and quiet days; the simulator's model, and typical of
 * complaint counts). Known only from its usual level, a window's count is NB with size
 * {@link #SIZE}, a wide tail. But the street's own day is evidence: with n learned cases in its
 * recent-level window against E expected, the factor's posterior is gamma with shape
 * {@code SIZE + n} and mean {@code (SIZE + n) / (SIZE + E)}, so the window's count is NB with that
 * mean × the window's base expectation and size {@code SIZE + n}. A sparse street keeps the wide
 * tail; a busy street with dozens of recent cases is judged nearly as a Poisson count around its
 * own day, where a threefold two hours stand out. The recent-level window ends two hours back
 * ({@link CountHistory#RECENT_FROM}), so a burst the scan is adding up is not yet evidence of a
 * busy day.
 */
public final class NbScan implements HotspotDetector {
    private static final long serialVersionUID = 1L;
    static final int[] WINDOWS = {1, 2, 3, 6, 12, 24};
    static final double SIZE = 2.5;
    static final double FLOOR = 0.002;

    @Override
    public double score(CountHistory history, double expected) {
        if (history.raw(0) == 0) {
            return 0; // a window that gained nothing cannot have become more surprising
        }
        double size = SIZE + history.recentCases();
        double level = history.recentFactor(SIZE);
        double best = 0;
        long count = 0;
        int from = 0;
        for (int w : WINDOWS) {
            count += history.rawSum(from, w - 1);
            from = w;
            if (count >= 2) {
                double mu = Math.max(history.baseSum(0, w - 1) * level, FLOOR * w);
                best = Math.max(best, -Math.log10(upperTail(count, mu, size)));
            }
        }
        return best;
    }

    /** P(X ≥ x) for X ~ NB(mean mu, size r), summed upwards in logs so tiny tails stay exact. */
    static double upperTail(long x, double mu, double r) {
        double logP = r * Math.log(r / (r + mu));
        double logQ = Math.log(mu / (r + mu));
        for (long k = 0; k < x; k++) {
            logP += Math.log((k + r) / (k + 1)) + logQ;
        }
        double tail = 0;
        double term = Math.exp(logP);
        for (long k = x; k < x + 1000; k++) {
            tail += term;
            double nextTerm = term * (k + r) / (k + 1) * mu / (r + mu);
            if (nextTerm < tail * 1e-12) {
                break;
            }
            term = nextTerm;
        }
        return Math.min(1, Math.max(tail, Double.MIN_NORMAL));
    }
}
