package org.civicpulse.contract;

import java.time.Duration;

/**
 * The time limits of SPEC §4, counted from a case's {@code CREATED}: urgent cases 2 h to respond
 * and 2 h to resolve; others 24 h to respond, and 24 h to resolve for {@code urgent-if-no-heat}
 * and {@code urgent-in-storm} categories, 7 days for {@code normal} and {@code low} ones.
 * {@code REOPENED} does not restart the clock.
 */
public final class TimeLimits {
    /** A case is about to breach when it is due within this window. */
    public static final Duration ABOUT_TO_BREACH = Duration.ofHours(2);
    private static final Duration URGENT = Duration.ofHours(2);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    private TimeLimits() {
    }

    /**
     * Urgent when the event says {@code urgent: true} or the category's default urgency is
     * {@code urgent}, and the flag wins: an event that says {@code urgent: false} is not urgent
     * whatever its category. {@code urgentFlag} is null when the event says neither.
     */
    public static boolean isUrgent(Boolean urgentFlag, String urgencyDefault) {
        return urgentFlag != null ? urgentFlag : "urgent".equals(urgencyDefault);
    }

    public static Duration responseLimit(boolean urgent) {
        return urgent ? URGENT : DAY;
    }

    public static Duration resolutionLimit(boolean urgent, String urgencyDefault) {
        if (urgent) {
            return URGENT;
        }
        if ("urgent-if-no-heat".equals(urgencyDefault) || "urgent-in-storm".equals(urgencyDefault)) {
            return DAY;
        }
        return WEEK;
    }
}
