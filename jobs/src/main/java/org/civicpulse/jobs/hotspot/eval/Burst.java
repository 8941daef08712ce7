package org.civicpulse.jobs.hotspot.eval;

import java.time.Instant;

/**
 * One injected burst of the evaluation: a size class ({@code 3x}, {@code +10}), the unit, the
 * window, and the unit's usual count in that window (its baseline, from the history days).
 */
record Burst(String size, String district, String street, String category, Instant start, int minutes,
             Double multiplier, Integer extra, double baseline) {

    String unit() {
        return Units.of(district, street, category);
    }

    long startMs() {
        return start.toEpochMilli();
    }

    long endMs() {
        return startMs() + minutes * 60_000L;
    }
}
