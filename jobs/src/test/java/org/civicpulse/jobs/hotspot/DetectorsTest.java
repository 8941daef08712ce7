package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The detectors' arithmetic against values worked out by hand. */
class DetectorsTest {
    @Test
    void shouldComputeTheNegativeBinomialTailExactly() {
        // P(X ≥ 1) = 1 − P(0) = 1 − (r / (r + μ))^r
        assertThat(NbScan.upperTail(1, 0.5, 2.5)).isCloseTo(1 - Math.pow(2.5 / 3.0, 2.5), within(1e-12));
        // P(X ≥ 2) = 1 − P(0) − P(1), P(1) = P(0) · r · μ / (r + μ)
        double p0 = Math.pow(2.5 / 3.0, 2.5);
        assertThat(NbScan.upperTail(2, 0.5, 2.5)).isCloseTo(1 - p0 - p0 * 2.5 * 0.5 / 3.0, within(1e-12));
        // A tail far too small for 1 − sum stays positive and tiny.
        assertThat(NbScan.upperTail(20, 0.01, 2.5)).isPositive().isLessThan(1e-30);
    }

    @Test
    void shouldScoreFiveCasesOnAQuietStreetAndIgnoreOne() {
        CountHistory quiet = new CountHistory();
        for (int i = 0; i < 60; i++) {
            quiet.push(0, 0, 0.01, 0.01);
        }
        quiet.push(1, 1, 0.01, 0.01);
        assertThat(new NbScan().score(quiet, 0.01)).isLessThan(3);
        quiet.push(5, 5, 0.01, 0.01);
        assertThat(new NbScan().score(quiet, 0.01)).isGreaterThan(8);
    }

    /**
     * A busy street: five hours with 40 learned cases against 40 expected, then two hours
     * expecting 3 cases that bring 15 (a fivefold burst), or the same two hours with no recent
     * evidence at all.
     */
    private static CountHistory busyStreet(boolean levelKnown) {
        CountHistory h = new CountHistory();
        for (int i = 0; i < CountHistory.SIZE - 24; i++) {
            int x = levelKnown && i % 3 != 0 ? 1 : 0;
            h.push(x, x, levelKnown ? 40.0 / 60 : 0, 40.0 / 60);
        }
        for (int i = 0; i < 24; i++) {
            // 15 cases in two hours, the last bucket among them.
            int x = i % 2 == 1 || i % 8 == 6 ? 1 : 0;
            h.push(x, x, 0.125, 0.125);
        }
        return h;
    }

    @Test
    void shouldJudgeABusyStreetByItsOwnDayOnceItsLevelIsKnown() {
        CountHistory known = busyStreet(true);
        CountHistory unknown = busyStreet(false);
        assertThat(known.rawSum(0, 23)).isEqualTo(15);
        assertThat(known.recentCases()).isEqualTo(40);
        assertThat(unknown.recentCases()).isZero();

        // Today's level rests on 40 cases: the gamma posterior has shape 42.5, nearly a Poisson
        // count, and 15 where 3 were expected is beyond one in 100,000.
        assertThat(new NbScan().score(known, 0.125)).isGreaterThan(5);
        // Without them the street may simply be having a busy day (size 2.5): not surprising enough.
        assertThat(new NbScan().score(unknown, 0.125)).isLessThan(3);
    }

    @Test
    void shouldAddUpASlowBurstOverTwoHours() {
        CountHistory h = busyStreet(true);
        // The last hour alone holds 8 of the 15 cases over 1.5 expected: well short of the two hours.
        double lastHour = -Math.log10(NbScan.upperTail(h.rawSum(0, 11), h.expectedSum(0, 11), 42.5));
        assertThat(lastHour).isLessThan(4);
        assertThat(new NbScan().score(h, 0.125)).isGreaterThan(lastHour + 1);
    }

    @Test
    void shouldKeepTheLastTwoHoursOutOfTheStreetsRecentLevel() {
        CountHistory h = new CountHistory();
        for (int i = 0; i < CountHistory.SIZE - 24; i++) {
            h.push(0, 0, 0.1, 0.1);
        }
        for (int i = 0; i < 24; i++) {
            h.push(3, 3, 0.1, 0.1);
        }
        // Two hours of a burst: none of it in the recent level yet (6 base cases, prior 3).
        assertThat(h.recentCases()).isZero();
        assertThat(h.recentFactor(3)).isCloseTo(3 / 9.0, within(1e-6));
        h.push(3, 3, 0.1, 0.1);
        assertThat(h.recentCases()).isEqualTo(3);
    }

    @Test
    void shouldComputeEarsC2FromTheSevenWindowsBeforeTheGuardBand() {
        CountHistory h = new CountHistory();
        // Baseline windows of 30 minutes with 1,2,1,2,1,2,1 cases (oldest first), a quiet hour, then 9 cases.
        int[] baseline = {1, 2, 1, 2, 1, 2, 1};
        for (int c : baseline) {
            for (int b = 0; b < 6; b++) {
                h.push(b == 0 ? c : 0, 0, 0, 0);
            }
        }
        for (int b = 0; b < 12; b++) {
            h.push(0, 0, 0, 0);
        }
        for (int b = 0; b < 6; b++) {
            h.push(b == 5 ? 9 : 0, 0, 0, 0);
        }
        double mean = 10.0 / 7;
        double sd = Math.sqrt((4 * Math.pow(1 - mean, 2) + 3 * Math.pow(2 - mean, 2)) / 6);
        assertThat(new EarsC2().score(h, 0)).isCloseTo((9 - mean) / sd, within(1e-9));
    }

    @Test
    void shouldKeepTheCusumAtZeroWhileCountsStayAtTheirExpectedLevel() {
        CountHistory h = new CountHistory();
        NbCusum cusum = new NbCusum();
        for (int i = 0; i < 50; i++) {
            h.push(i % 2, 0, 0.5, 0.5);
            cusum.score(h, 0.5);
        }
        assertThat(h.statistic).isLessThan(2);
    }
}
