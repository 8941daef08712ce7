package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distributions: means and variances from their definitions. */
class DrawsTest {
    private static final int N = 200_000;

    @Test
    void shouldDrawPoissonCountsWithMeanAndVarianceLambdaForSmallAndLargeMeans() {
        for (double lambda : new double[] {0.3, 4, 29.5, 80, 2500}) {
            SplittableRandom rng = new SplittableRandom(1);
            double[] xs = new double[N];
            for (int i = 0; i < N; i++) {
                xs[i] = Draws.poisson(rng, lambda);
            }
            assertThat(mean(xs)).as("mean at " + lambda).isCloseTo(lambda, within(0.02 * lambda + 0.01));
            assertThat(variance(xs)).as("variance at " + lambda).isCloseTo(lambda, within(0.05 * lambda + 0.02));
        }
    }

    @Test
    void shouldDrawGammaWithMeanShapeTimesScale() {
        for (double shape : new double[] {0.5, 2.5, 100}) {
            SplittableRandom rng = new SplittableRandom(2);
            double[] xs = new double[N];
            for (int i = 0; i < N; i++) {
                xs[i] = Draws.unitGamma(rng, shape);
            }
            assertThat(mean(xs)).isCloseTo(1, within(0.02));
            assertThat(variance(xs)).isCloseTo(1 / shape, within(0.06 / shape));
        }
    }

    @Test
    void shouldOverdisperseNegativeBinomialCounts() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] xs = new double[N];
        for (int i = 0; i < N; i++) {
            xs[i] = Draws.negativeBinomial(rng, 10, 2.5);
        }
        assertThat(mean(xs)).isCloseTo(10, within(0.2));
        // Var = μ + μ² / k = 10 + 40.
        assertThat(variance(xs)).isCloseTo(50, within(2.5));
    }

    @Test
    void shouldPickByWeightAndNeverPickAZeroWeight() {
        WeightedChoice choice = new WeightedChoice(new double[] {0, 1, 0, 3, 0});
        int[] counts = new int[5];
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < N; i++) {
            counts[choice.pick(rng)]++;
        }
        assertThat(counts[0] + counts[2] + counts[4]).isZero();
        assertThat((double) counts[3] / N).isCloseTo(0.75, within(0.01));
        assertThat(choice.probability(1)).isEqualTo(0.25);
    }

    @Test
    void shouldDeriveTheSameStreamForTheSamePathAndOthersForOthers() {
        assertThat(Seeds.random(1, 5, 6).nextLong()).isEqualTo(Seeds.random(1, 5, 6).nextLong());
        assertThat(Seeds.derive(1, 5, 6)).isNotEqualTo(Seeds.derive(1, 6, 5)).isNotEqualTo(Seeds.derive(2, 5, 6));
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double variance(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return s / (xs.length - 1);
    }
}
