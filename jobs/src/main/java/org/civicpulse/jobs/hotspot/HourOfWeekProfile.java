package org.civicpulse.jobs.hotspot;

import java.io.Serializable;

/**
 * The expected hourly count of one district × category by hour of week, learned from its own
 * history and pooled over the district's streets (a street alone is far too sparse): an
 * hour-of-day curve learned from every day, times a day-type factor (Monday … Sunday; holidays are
 * Sundays) shrunk towards 1. Both forget old weeks slowly, so the level follows seasons.
 */
public final class HourOfWeekProfile implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Per day, an hour's old observations keep this weight: about two weeks of memory. */
    static final double HOUR_DECAY = 0.93;
    /** Per week, a day type's old observations keep this weight. */
    static final double DAY_DECAY = 0.8;
    /** A day type's factor counts as this many days at 1 before its own are known. */
    static final double DAY_PRIOR = 1.0;
    // Package-private for HotspotStateCodec.
    final double[] hourSum = new double[24];
    final double[] hourWeight = new double[24];
    final double[] daySum = new double[7];
    final double[] dayWeight = new double[7];
    double today;
    double hoursLearned;

    /** Expected count in one hour of {@code hour} on a day of {@code dayType}. */
    public double perHour(int dayType, int hour) {
        if (hourWeight[hour] == 0) {
            return 0;
        }
        return hourSum[hour] / hourWeight[hour] * dayFactor(dayType);
    }

    double dayFactor(int dayType) {
        double all = 0;
        double weight = 0;
        for (int d = 0; d < 7; d++) {
            all += daySum[d];
            weight += dayWeight[d];
        }
        if (weight == 0 || all == 0) {
            return 1;
        }
        double mean = all / weight;
        return (daySum[dayType] + DAY_PRIOR * mean) / ((dayWeight[dayType] + DAY_PRIOR) * mean);
    }

    /**
     * Learns one finished hour. The hour-of-day curve is kept in "average day" units: the count
     * is divided by its day type's factor, so weekends do not pull the weekday curve down.
     */
    public void learnHour(int dayType, int hour, double count) {
        hourSum[hour] = hourSum[hour] * HOUR_DECAY + count / dayFactor(dayType);
        hourWeight[hour] = hourWeight[hour] * HOUR_DECAY + 1;
        today += count;
        hoursLearned++;
    }

    /** Learns one finished day's total for its day type. */
    public void learnDay(int dayType) {
        daySum[dayType] = daySum[dayType] * DAY_DECAY + today;
        dayWeight[dayType] = dayWeight[dayType] * DAY_DECAY + 1;
        today = 0;
    }

    /** Hours of history learned so far. */
    public double hoursLearned() {
        return hoursLearned;
    }
}
