package org.civicpulse.jobs.metrics;

/**
 * One version of a case for the {@code cases} table: its state, whether it was overdue then, and
 * the wall-clock time of writing, which orders the versions (a version written again after a
 * restart replaces what was written before the crash).
 */
public record CaseRow(CaseState state, boolean overdue, boolean aboutToBreach, long revision) {
}
