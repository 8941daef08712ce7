package org.civicpulse.jobs.hotspot;

/**
 * A prospective scan over the last 5, 10, 15, 30 and 60 minutes: the score is the surprise,
 * −log10 of the negative-binomial probability of a count at least as high as the one seen, of the
 * most surprising of those windows. A count model, so one case on a street that expects a tenth
 * of one is not an emergency but five are; the NB size {@link #SIZE} is the clumping of a unit's
 * counts from day to day (the simulator's, and typical of complaint counts), so a street's busy
 * day is not read as a hotspot. Short windows catch a sharp burst within minutes; the hour
 * catches a slower one.
 */
public final class NbScan implements HotspotDetector {
    private static final long serialVersionUID = 1L;
    static final int[] WINDOWS = {1, 2, 3, 6, 12};
    static final double SIZE = 2.5;
    static final double FLOOR = 0.002;

    @Override
    public double score(CountHistory history, double expected) {
        if (history.raw(0) == 0) {
            return 0; // a window that gained nothing cannot have become more surprising
        }
        double best = 0;
        long count = 0;
        int from = 0;
        for (int w : WINDOWS) {
            count += history.rawSum(from, w - 1);
            from = w;
            if (count >= 2) {
                double mu = Math.max(history.expectedSum(0, w - 1), FLOOR * w);
                best = Math.max(best, -Math.log10(upperTail(count, mu, SIZE)));
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
