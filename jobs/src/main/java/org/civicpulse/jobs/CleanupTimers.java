package org.civicpulse.jobs;

import org.apache.flink.streaming.api.TimerService;

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

    /** When a case whose last event was at {@code lastEvent} is forgotten, {@code retention} ms later. */
    public static long retentionAt(long lastEvent, long retention) {
        return roundUp(lastEvent + retention, HOUR);
    }

    /** When a case closed at {@code closed} is forgotten, {@code grace} ms later. */
    public static long graceAt(long closed, long grace) {
        return roundUp(closed + grace, MINUTE);
    }

    /** Deletes the timer at {@code at} unless it has already fired ({@code now} is the firing timer's time). */
    public static void deleteIfPending(TimerService timers, long at, long now) {
        if (at > now) {
            timers.deleteEventTimeTimer(at);
        }
    }
}
