package org.civicpulse.jobs.metrics;

/**
 * The absolute current values of one scope, for the live topic: gauges and the windowed sums,
 * as of the watermark {@code asOf} (epoch ms). Absolute, so delivering one twice is harmless.
 */
public record LiveMetric(String scope, long asOf, long[] gauges, long[] last60m, long[] last24h, long[] last7d,
                         long[] today, long[] month) {
}
