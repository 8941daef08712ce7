package org.civicpulse.simulator;

import java.util.SplittableRandom;
import org.civicpulse.contract.Satisfaction;

/**
 * The citizen's answer at the return visit (回访): solved or not, and satisfied, basic or
 * dissatisfied, around the published city rates (resolution 96.5–96.7 %, satisfaction about 97 %
 * in 2024, kpis.md §3), shifted per district and handling unit and lower after a late fix.
 */
final class RatingModel {
    /** City base chance that the citizen confirms the problem is solved. */
    static final double RESOLVED_BASE = 0.973;
    /** How much a late resolution lowers that chance. */
    static final double LATE_PENALTY = 0.08;

    /** The outcome of one return visit. */
    record Rating(boolean resolved, Satisfaction satisfaction) {
    }

    private RatingModel() {
    }

    /**
     * One rating; {@code quality} is the district's plus the unit's offset; {@code forceUnsolved}
     * is set for a rating that leads to the case being reopened.
     */
    static Rating rate(SplittableRandom rng, double quality, boolean lateResolution, boolean forceUnsolved) {
        double p = RESOLVED_BASE + quality - (lateResolution ? LATE_PENALTY : 0);
        boolean resolved = !forceUnsolved && rng.nextDouble() < Math.max(0.5, Math.min(0.999, p));
        double u = rng.nextDouble();
        Satisfaction satisfaction;
        if (resolved) {
            satisfaction = u < 0.86 ? Satisfaction.SATISFIED
                    : u < 0.988 ? Satisfaction.BASIC : Satisfaction.DISSATISFIED;
        } else {
            satisfaction = u < 0.10 ? Satisfaction.SATISFIED
                    : u < 0.50 ? Satisfaction.BASIC : Satisfaction.DISSATISFIED;
        }
        return new Rating(resolved, satisfaction);
    }
}
