package org.civicpulse.jobs.metrics;

/** A {@link MetricDelta} routed to one scope. */
public record ScopedDelta(String scope, long bucket, long[] delta) {
}
