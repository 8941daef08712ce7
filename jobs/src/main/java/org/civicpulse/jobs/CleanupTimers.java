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

    /**
     * Registers a case's one retention timer, {@code retention} after its latest event; returns
     * its time. The timer is moved lazily: a later event only records its time, and a timer that
     * fires for a case with events since is set again with {@link #rearmRetention} — moving it at
     * every event cost a removal and an insertion in a queue of every live case's timers.
     */
    public static long armRetention(TimerService timers, long lastEvent, long retention) {
        long at = retentionAt(lastEvent, retention);
        timers.registerEventTimeTimer(at);
        return at;
    }

    /**
     * The retention timer fired at {@code now} for a case that is not forgotten: sets it again
     * after the case's latest event and returns its time, or returns {@code none} when that is not
     * after {@code now} (a closed case waiting for its grace period, which has its own timer: a
     * timer set again at the instant that fired would never let the watermark pass).
     */
    public static long rearmRetention(TimerService timers, long lastEvent, long retention, long now, long none) {
        return retentionAt(lastEvent, retention) > now ? armRetention(timers, lastEvent, retention) : none;
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
