package org.civicpulse.simulator;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The seasons that shift the problem mix: the statutory heating season (15 Nov – 15 Mar, with a
 * surge of complaints in its first two weeks), the rainy season (Jun–Sep, peaking late Jul–Aug),
 * summer evenings and the spring construction restart (volumes.md §4).
 */
final class Season {
    private static final MonthDay HEATING_START = MonthDay.of(11, 15);
    private static final MonthDay HEATING_END = MonthDay.of(3, 15);
    private static final MonthDay HEATING_SURGE_END = MonthDay.of(11, 28);
    private static final MonthDay RAIN_PEAK_START = MonthDay.of(7, 20);

    private Season() {
    }

    /** Whether the city heats on this day: 15 Nov to 15 Mar inclusive. */
    static boolean isHeatingSeason(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(HEATING_START) || !md.isAfter(HEATING_END);
    }

    /** The first two weeks of the heating season, when complaints surge. */
    static boolean isHeatingSurge(LocalDate day) {
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(HEATING_START) && !md.isAfter(HEATING_SURGE_END);
    }

    /** Waterlogging weight: 1 in Jun–Sep, 2 from late July through August, a trickle otherwise. */
    static double rainFactor(LocalDate day) {
        int month = day.getMonthValue();
        if (month < 6 || month > 9) {
            return 0.1;
        }
        MonthDay md = MonthDay.from(day);
        return !md.isBefore(RAIN_PEAK_START) && month <= 8 ? 2 : 1;
    }

    /** Heating weight: 0 outside the season, 2.5 in its first two weeks, 1 otherwise. */
    static double heatingFactor(LocalDate day) {
        if (!isHeatingSeason(day)) {
            return 0;
        }
        return isHeatingSurge(day) ? 2.5 : 1;
    }

    /** Jun–Aug: barbecues, street vending and noise on warm evenings. */
    static boolean isSummer(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 6 && month <= 8;
    }

    /** Mar–May: construction restarts (dust, night works). */
    static boolean isSpring(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 3 && month <= 5;
    }
}
