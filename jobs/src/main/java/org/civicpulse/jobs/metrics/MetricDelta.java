package org.civicpulse.jobs.metrics;

/**
 * A change to the counters of one place in one minute ({@link CaseFacts#GAUGE} for gauges),
 * indexed by {@link org.civicpulse.contract.MetricCounter#ordinal()}.
 */
public record MetricDelta(Place place, long bucket, long[] delta) {
}
