package org.civicpulse.jobs;

/**
 * When to clean up state. Clean-up need not be exact, so its timers are rounded up to a whole
 * step: the events of one case in the same step then share a single timer instead of each
 * adding its own to the timer queue (and to every checkpoint).
 */
public final class CleanupTimers {
    public static final long MINUTE = 60_000L;
    public static final long HOUR = 60 * MINUTE;

    private CleanupTimers() {
    }

    /** The first multiple of {@code step} at or after {@code time} (epoch ms). */
    public static long roundUp(long time, long step) {
        return Math.floorDiv(time + step - 1, step) * step;
    }
}
