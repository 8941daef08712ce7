package org.civicpulse.jobs.hotspot;

/**
 * Negative-binomial CUSUM: accumulates the log-likelihood ratio of each bucket's count under a
 * raised mean ({@link #RISE} × expected) against the expected mean, never below zero. A count
 * model, not a z-score: a street that sees one case a day is judged by how unlikely its cases are,
 * and the NB size {@link #SIZE} leaves room for the clumping of real counts. Designed for a
 * tripling, so a day that runs 1.5× hot drifts down rather than up.
 */
public final class NbCusum implements HotspotDetector {
    private static final long serialVersionUID = 1L;
    static final double RISE = 3.0;
    static final double SIZE = 4.0;
    /** An hour with no expected case at all still has some chance of one. */
    static final double FLOOR = 0.002;

    @Override
    public double score(CountHistory history, double expected) {
        history.statistic = Math.max(0, history.statistic + logLikelihoodRatio(history.raw(0), expected));
        return history.statistic;
    }

    /** log P(x | NB(RISE·μ, SIZE)) − log P(x | NB(μ, SIZE)). */
    static double logLikelihoodRatio(int x, double expected) {
        double mu = Math.max(expected, FLOOR);
        double raised = RISE * mu;
        return x * Math.log(raised * (SIZE + mu) / (mu * (SIZE + raised))) + SIZE * Math.log((SIZE + mu) / (SIZE + raised));
    }
}
