package org.civicpulse.jobs.points;

/**
 * A change at one point: its day counts ({@code kind = "day"}) or its watch-list listing
 * ({@code kind = "watchlist"}, {@code leftOn} null while listed). Days are epoch days on the
 * Asia/Shanghai calendar; {@code version} is the wall-clock time of writing.
 */
public record PointRecord(String kind, String district, String street, String point, long day, long problems,
                          long failedChecks, Long leftOn, long version) {
}
