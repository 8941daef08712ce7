package org.civicpulse.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight, by binary search on the cumulative sum. */
final class WeightedChoice {
    private final double[] cumulative;
    private final double total;

    WeightedChoice(double[] weights) {
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || Double.isNaN(weights[i])) {
                throw new IllegalArgumentException("Negative weight at " + i + ": " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        total = sum;
    }

    /** Whether every weight is zero, so nothing can be picked. */
    boolean isEmpty() {
        return !(total > 0);
    }

    /** The share of index {@code i}. */
    double probability(int i) {
        return (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) / total;
    }

    int pick(SplittableRandom rng) {
        return pick(rng.nextDouble());
    }

    /** The index for a uniform value in [0, 1). */
    int pick(double uniform) {
        if (isEmpty()) {
            throw new IllegalStateException("Nothing to pick: every weight is zero");
        }
        double target = uniform * total;
        int i = Arrays.binarySearch(cumulative, target);
        i = i >= 0 ? i + 1 : -i - 1;
        // Skip zero-weight entries that share the cumulative value, and guard the last bucket.
        while (i < cumulative.length - 1 && cumulative[i] <= target) {
            i++;
        }
        return Math.min(i, cumulative.length - 1);
    }
}
