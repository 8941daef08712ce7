package org.civicpulse.jobs.metrics;

import java.util.Arrays;

/**
 * Everything a scope keeps besides its panes, in one keyed value: its running sums, its pending
 * timers and the panes changed since it last published. One state look-up per delta instead of
 * one per field — the scope aggregators did a dozen, and their cache misses were the largest
 * share of the task's time. A Flink POJO.
 */
public class ScopeState {
    /** No timer pending. */
    static final long NONE = Long.MIN_VALUE;

    public WindowSums sums = new WindowSums();
    /** When the pending publication fires (processing time), or {@link #NONE}. */
    public long emitAt = NONE;
    /** The minute of the pending event-time timer that retires panes, or {@link #NONE}. */
    public long nextMinute = NONE;
    /** Minute panes changed since the last publication: the first {@link #changedMinuteCount}. */
    public long[] changedMinutes = new long[0];
    public int changedMinuteCount;
    /** Day panes changed since the last publication: the first {@link #changedDayCount}. */
    public long[] changedDays = new long[0];
    public int changedDayCount;

    public ScopeState() {
    }

    void minuteChanged(long minute) {
        if (!contains(changedMinutes, changedMinuteCount, minute)) {
            changedMinutes = append(changedMinutes, changedMinuteCount++, minute);
        }
    }

    void dayChanged(long day) {
        if (!contains(changedDays, changedDayCount, day)) {
            changedDays = append(changedDays, changedDayCount++, day);
        }
    }

    long[] changedMinutes() {
        return Arrays.copyOf(changedMinutes, changedMinuteCount);
    }

    long[] changedDays() {
        return Arrays.copyOf(changedDays, changedDayCount);
    }

    void clearChanged() {
        changedMinuteCount = 0;
        changedDayCount = 0;
    }

    /** A scope changes a handful of panes between two publications: a scan beats a set. */
    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static long[] append(long[] values, int at, long value) {
        long[] out = at < values.length ? values : Arrays.copyOf(values, Math.max(8, 2 * values.length));
        out[at] = value;
        return out;
    }
}
