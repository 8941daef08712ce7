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

    @Test
    void shouldGiveEveryStepItsOwnLaterRangeEndingNow() {
        java.time.Instant now = java.time.Instant.parse("2026-11-22T12:00:00Z");
        List<java.time.Instant[]> ranges = SustainedBenchmark.ranges(new int[] {2_000, 20_000}, 300, now);
        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(0)[1]).isEqualTo(ranges.get(1)[0]);
        assertThat(ranges.get(1)[1]).isEqualTo(now);
        // Room for every event of the step at the mix's ~150,000 events a simulated day.
        for (int i = 0; i < 2; i++) {
            long days = java.time.Duration.between(ranges.get(i)[0], ranges.get(i)[1]).toDays();
            assertThat(days * 150_000).isGreaterThanOrEqualTo((i == 0 ? 2_000L : 20_000L) * 300);
        }
    }
}
