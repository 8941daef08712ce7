package org.civicpulse.jobs.hotspot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleDelaysTest {
    @Test
    void shouldTakeTheMedianOverTheBurstsTheOracleDetects() {
        assertThat(OracleDelays.median(List.of(Double.NaN, 3.0, 1.0, 2.0))).containsExactly(2.0, 3.0);
        assertThat(OracleDelays.median(List.of(4.0, 1.0, 2.0, 3.0))).containsExactly(2.5, 4.0);
        assertThat(OracleDelays.median(List.of(Double.NaN))[1]).isZero();
    }

    @Test
    void shouldBoundOnlyTheBurstsOfAddedCasesByKind() {
        Instant start = Instant.parse("2026-10-20T02:00:00Z");
        List<Burst> bursts = List.of(
                new Burst("+10", "110101", "东华门街道", "NOISE", start, 30, null, 10, 0.03),
                new Burst("+10", "110102", "西长安街街道", "NOISE", start, 30, null, 10, 0.03),
                new Burst("3x", "110105", "三里屯街道", "NOISE", start, 30, 3.0, null, 1.0));
        OracleDelays d = OracleDelays.of("report", 201, bursts, 1e-4);
        assertThat(d.byKind()).containsOnlyKeys("+10 30min");
        assertThat(d.byKind().get("+10 30min")).containsExactly(60 / 11.0, 60 / 11.0);
    }
}
