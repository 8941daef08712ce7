package org.civicpulse.jobs.hotspot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle bound's arithmetic, against values worked out with SciPy's nbinom and poisson. */
class OracleBoundTest {
    @Test
    void shouldSpreadTheBudgetOverEveryUnitAndWindow() {
        // 0.5 false alerts a day in each of 16 districts over 10,000 units × 48 windows a day.
        assertThat(OracleBound.alpha(0.5, 16, 10_000, 48)).isCloseTo(8 / 480_000.0, within(1e-15));
    }

    @Test
    void shouldFindTheNbOraclesThresholdAndRecall() {
        // NB(mean 1, size 2.5): P(X ≥ 8) = 6.05e-4 ≤ 1e-3 < P(X ≥ 7) = 1.80e-3, so c = 8; a 3× burst
        // adds Poisson(2): P(X + Z ≥ 8) = 0.018394.
        assertThat(OracleBound.threshold(k -> OracleBound.nbPmf(k, 1, 2.5), 1e-3)).isEqualTo(8);
        assertThat(OracleBound.nbRecall(List.of(1.0), 2.5, 3, 1e-3)).isCloseTo(0.018394, within(1e-5));
    }

    @Test
    void shouldBoundTheDelayByTheArrivalOfTheCaseThatReachesTheThreshold() {
        // Usual 0.03 cases in 30 min, α = 1e-4: after t minutes μ = 0.001 t. Two cases: P(X ≥ 2) =
        // (size + 1) / (2 size) · μ² (1 + O(μ)) ≈ 0.7 μ², below 1e-4 while μ < 0.012 (t < 12 min); one
        // case never suffices (P(X ≥ 1) ≈ μ > 1e-4 once t > 0.1 min). +10 over 30 min: the k-th case
        // comes at 30k/11 min, so the 2nd, at 5.45 min, is the first that can raise the alarm.
        assertThat(OracleBound.delayMinutes(0.03, 10, 30, 2.5, 1e-4)).isCloseTo(60 / 11.0, within(1e-9));
        // +5 over 120 min: the 2nd case comes at 40 min (μ = 0.04, P(X ≥ 2) ≈ 1e-3 > α); the 3rd at
        // 60 min (μ = 0.06, P(X ≥ 3) ≈ 8e-5 ≤ α).
        assertThat(OracleBound.delayMinutes(0.12, 5, 120, 2.5, 1e-4)).isCloseTo(60, within(1e-9));
        // Twice the cases in the same time never take longer; a busy unit's +5 may never be enough.
        assertThat(OracleBound.delayMinutes(0.12, 10, 120, 2.5, 1e-4))
                .isLessThanOrEqualTo(OracleBound.delayMinutes(0.12, 5, 120, 2.5, 1e-4));
        assertThat(OracleBound.delayMinutes(20, 5, 30, 2.5, 1e-5)).isNaN();
    }

    @Test
    void shouldFindNothingButItsFalseAlarmsWithoutABurst() {
        // A "1×" burst adds nothing: the oracle fires at most at its false-alarm rate.
        assertThat(OracleBound.nbRecall(List.of(0.5, 1.0, 2.0), 2.5, 1, 1e-4)).isLessThanOrEqualTo(1e-4);
        assertThat(OracleBound.dayRecall(List.of(0.5, 1.0, 2.0), 2.5, 1, 1e-4)).isLessThanOrEqualTo(1e-4);
    }

    @Test
    void shouldComputeTheGammaFunctionsItRestsOn() {
        assertThat(OracleBound.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(OracleBound.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
        // Shape 1 is the exponential: P(1, x) = 1 − e^−x, and its median is ln 2.
        assertThat(OracleBound.regularizedGammaP(1, 3)).isCloseTo(1 - Math.exp(-3), within(1e-12));
        assertThat(OracleBound.gammaQuantile(0.5, 1)).isCloseTo(Math.log(2), within(1e-9));
        // The NB pmf sums to 1.
        double sum = 0;
        for (int k = 0; k < 400; k++) {
            sum += OracleBound.nbPmf(k, 3, 2.5);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
    }
}
