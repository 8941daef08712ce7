package org.civicpulse.jobs.metrics;

/**
 * One pane of one scope for the metric tables: a minute ({@code grain = "minute"}, start in epoch
 * minutes) or a day ({@code "day"}, epoch day on the Asia/Shanghai calendar), with its absolute
 * counters. {@code version} is the wall-clock time of writing: ClickHouse keeps the newest row, so
 * a pane written again after a restart replaces what was written before the crash.
 */
public record PaneRow(String grain, String scope, long start, long[] counters, long version) {
}
