package org.civicpulse.jobs.metrics;

/**
 * One pane of one scope for the metric tables: a minute ({@code grain = "minute"}, start in epoch
 * minutes) or a day ({@code "day"}, epoch day on the Asia/Shanghai calendar). {@code version} is
 * the number of deltas applied to the pane: it only grows, and the same input gives the same final
 * version, so ClickHouse keeps the newest row and a replay after a restart never double-counts.
 */
public record PaneRow(String grain, String scope, long start, long[] counters, long version) {
}
