package org.civicpulse.jobs.metrics;

import org.civicpulse.contract.MetricCounter;

/**
 * The running sums of one scope: gauges, and the windowed counters over the last 60 minutes,
 * 24 hours and 7 days, today and this calendar month, as of {@code watermarkMinute}. A Flink POJO.
 */
public class WindowSums {
    public long watermarkMinute = Long.MIN_VALUE;
    public long todayEpochDay = Long.MIN_VALUE;
    public long[] gauges = new long[MetricCounter.SIZE];
    public long[] last60m = new long[MetricCounter.SIZE];
    public long[] last24h = new long[MetricCounter.SIZE];
    public long[] last7d = new long[MetricCounter.SIZE];
    public long[] today = new long[MetricCounter.SIZE];
    public long[] month = new long[MetricCounter.SIZE];

    public WindowSums() {
    }

    /**
     * Counters as the current version has them: arrays restored from a checkpoint keep the length
     * they were written with, so after a version that added counters they are shorter; the
     * counters added since start at zero.
     */
    static long[] grown(long[] counters) {
        return counters.length < MetricCounter.SIZE ? java.util.Arrays.copyOf(counters, MetricCounter.SIZE) : counters;
    }

    /** Grows every sum to the current counters (see {@link #grown}). */
    void growToCurrentCounters() {
        gauges = grown(gauges);
        last60m = grown(last60m);
        last24h = grown(last24h);
        last7d = grown(last7d);
        today = grown(today);
        month = grown(month);
    }

    static void add(long[] sum, long[] delta, int sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * delta[i];
        }
    }

    static void clear(long[]... sums) {
        for (long[] s : sums) {
            java.util.Arrays.fill(s, 0);
        }
    }
}
