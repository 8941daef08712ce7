package org.civicpulse.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    @Test
    void shouldReadHeapInUseFromJstatColumns() {
        String header = " S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC";
        String values = " 0.0      4096.0         0.0      4096.0     65536.0      8192.0     131072.0      16384.0    1000.0";
        assertThat(JvmHeap.usedBytes(header, values)).isEqualTo((4096 + 8192 + 16384) * 1024L);
    }

    @Test
    void shouldCallASteadyRunFlatAndAGrowingOneNot() {
        List<SoakBenchmark.Sample> steady = run(i -> 100_000_000L);
        List<SoakBenchmark.Sample> growing = run(i -> 100_000_000L + i * 10_000_000L);

        assertThat(SoakBenchmark.report(steady, 1000, false)).contains("; flat").contains("| 0–");
        assertThat(SoakBenchmark.report(growing, 1000, false)).contains("NOT flat (heap, state)");
    }

    @Test
    void shouldSayWhenTheLagGrewPastThirtySecondsOfInput() {
        List<SoakBenchmark.Sample> lagging = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lagging.add(new SoakBenchmark.Sample(i * 30, i * 30_000L, i * 2_000L, 1, 1, 1, 10, 3));
        }
        assertThat(SoakBenchmark.report(lagging, 1000, true)).contains("NOT flat (lag)").contains("used up");
    }

    private static List<SoakBenchmark.Sample> run(IntToLongFunction size) {
        List<SoakBenchmark.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long s = size.applyAsLong(i);
            samples.add(new SoakBenchmark.Sample(i * 30, i * 30_000L, 500, s, s / 2, s, 900, 4));
        }
        return samples;
    }
}
