package org.civicpulse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sustained benchmark's verdict on a step's lag, sampled every 5 s from offsets the job commits
 * only at each checkpoint (every 10 s): the sawtooth of a job that keeps up is bounded, a lag that
 * truly grows is not.
 */
class SustainedCriterionTest {
    private static final int RATE = 2_000;

    @Test
    void shouldCallTheSawtoothOfAJobThatKeepsUpBounded() {
        // Troughs of 2 s of input just after each commit, peaks of 12 s just before the next; the
        // half starts on a trough and ends on a peak.
        List<double[]> samples = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            double t = 150 + 5 * k;
            boolean peak = k % 2 == 1;
            samples.add(new double[] {t, (peak ? 12 : 2) * RATE});
        }
        assertThat(SustainedBenchmark.bounded(samples, RATE)).isTrue();
        // Two single samples, a trough then a peak, would have read a growth of 20,000 events in
        // 145 s: 138 events/s, far over 2% of the rate.
        double twoPoint = (samples.get(29)[1] - samples.get(0)[1]) / (samples.get(29)[0] - samples.get(0)[0]);
        assertThat(twoPoint).isGreaterThan(0.02 * RATE);
    }

    @Test
    void shouldCallALagGrowingByFivePercentOfTheRateUnbounded() {
        List<double[]> samples = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            double t = 150 + 5 * k;
            double sawtooth = (k % 2 == 1 ? 12 : 2) * RATE;
            samples.add(new double[] {t, sawtooth + 0.05 * RATE * (t - 150)});
        }
        assertThat(SustainedBenchmark.lagGrowth(samples)).isBetween(0.04 * RATE, 0.06 * RATE);
        assertThat(SustainedBenchmark.bounded(samples, RATE)).isFalse();
    }

    @Test
    void shouldCallALagOverThirtySecondsOfInputUnboundedEvenIfFlat() {
        List<double[]> samples = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            samples.add(new double[] {150 + 5 * k, 31.0 * RATE});
        }
        assertThat(SustainedBenchmark.lagGrowth(samples)).isZero();
        assertThat(SustainedBenchmark.bounded(samples, RATE)).isFalse();
    }
}
