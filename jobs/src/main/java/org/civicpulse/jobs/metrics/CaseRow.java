package org.civicpulse.jobs.metrics;

/** One version of a case for the {@code cases} table: its state and whether it was overdue then. */
public record CaseRow(CaseState state, boolean overdue, boolean aboutToBreach, int revision) {
}
