package org.civicpulse.simulator;

import java.time.DayOfWeek;
import org.civicpulse.contract.Source;

/**
 * When problems arrive: the hour-of-day profile and the day-of-week factors of each source
 * ({@code domain/volumes.md} §3 and §4).
 */
final class Rhythm {
    /** volumes.md §3, shares of daily hotline intake by hour (percent; 00–06 is 3 % in total). */
    private static final double[] HOTLINE_HOURS = {
        0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, 3, 6, 8.5, 9, 8,
        5.5, 6.5, 8, 7.5, 7, 6, 4.5, 4, 3.5, 3, 3, 2.5};
    /** Grid workers patrol about 08:00–18:00 with a morning peak and a lunch dip. */
    private static final double[] GRID_HOURS = {
        0, 0, 0, 0, 0, 0, 0, 2, 10, 14, 14, 11,
        6, 9, 11, 10, 8, 4, 1, 0, 0, 0, 0, 0};
    /** Spot checks are made in office hours. */
    private static final double[] INSPECTION_HOURS = {
        0, 0, 0, 0, 0, 0, 0, 0, 5, 14, 16, 13,
        4, 8, 15, 14, 9, 2, 0, 0, 0, 0, 0, 0};

    /** Monday to Sunday; each row averages 1, so a week holds seven days' volume. */
    private static final double[] HOTLINE_WEEK = {1.04, 1.03, 1.02, 1.02, 1.00, 0.95, 0.94};
    private static final double[] GRID_WEEK = {1.10, 1.10, 1.10, 1.10, 1.10, 0.75, 0.75};
    private static final double[] INSPECTION_WEEK = {1.20, 1.20, 1.20, 1.20, 1.20, 0.50, 0.50};

    private Rhythm() {
    }

    /** The share (0–1) of a day's problems of this source that arrive in each hour 0–23. */
    static double[] hourShares(Source source) {
        double[] percent = switch (source) {
            case HOTLINE -> HOTLINE_HOURS;
            case GRID -> GRID_HOURS;
            case INSPECTION -> INSPECTION_HOURS;
        };
        double[] shares = new double[24];
        for (int h = 0; h < 24; h++) {
            shares[h] = percent[h] / 100;
        }
        return shares;
    }

    /** The day's volume relative to the average day of the week. */
    static double weekdayFactor(Source source, DayOfWeek day) {
        double[] week = switch (source) {
            case HOTLINE -> HOTLINE_WEEK;
            case GRID -> GRID_WEEK;
            case INSPECTION -> INSPECTION_WEEK;
        };
        return week[day.getValue() - 1];
    }
}
