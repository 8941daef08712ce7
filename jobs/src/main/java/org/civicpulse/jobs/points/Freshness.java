package org.civicpulse.jobs.points;

/** When a source last delivered an event for a district (wall clock, ms) and its newest event time (ms). */
public record Freshness(String source, String district, long lastDeliveredAt, long lastEventAt) {
}
