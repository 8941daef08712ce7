package org.civicpulse.simulator;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The lines one planned case (or check) will emit, in the order they are sent: its valid events
 * and any faulty lines derived from them. The emission stream keeps one timeline per open case in
 * a priority queue keyed by its next line.
 */
final class Timeline {
    /**
     * One line to send.
     *
     * @param sendAt event time at which it is sent (epoch ms)
     * @param seq position among the case's lines, the tie-breaker
     * @param step the case step it shows
     * @param fault the fault this line carries, or null for a clean event
     * @param variant which form of the fault (a non-negative random number)
     * @param aux the fault's extra value: its delay in ms, or the orphan's event time
     */
    record Entry(long sendAt, int seq, int step, FaultKind fault, int variant, long aux) {
    }

    /** Total order: send time, then the case's hour and stream, its ordinal, then its own order. */
    static final Comparator<Timeline> ORDER = Comparator
            .comparingLong((Timeline t) -> t.current().sendAt())
            .thenComparingLong(t -> t.group)
            .thenComparingLong(t -> t.ordinal)
            .thenComparingInt(t -> t.current().seq());

    private static final Comparator<Entry> ENTRY_ORDER =
            Comparator.comparingLong(Entry::sendAt).thenComparingInt(Entry::seq);

    final PlannedCase plannedCase;
    /** The creation hour and stream, packed: {@code epochHour * 4096 + stream}. */
    final long group;
    final long ordinal;
    private Entry[] entries;
    private int next;

    Timeline(PlannedCase plannedCase, long group, long ordinal, Entry[] entries) {
        this.plannedCase = plannedCase;
        this.group = group;
        this.ordinal = ordinal;
        this.entries = entries.clone();
        Arrays.sort(this.entries, ENTRY_ORDER);
    }

    /** Drops the lines sent before {@code fromMs}; false when none is left. */
    boolean dropBefore(long fromMs) {
        while (next < entries.length && entries[next].sendAt() < fromMs) {
            next++;
        }
        return hasCurrent();
    }

    boolean hasCurrent() {
        return next < entries.length;
    }

    Entry current() {
        return entries[next];
    }

    void advance() {
        next++;
        if (next == entries.length) {
            entries = new Entry[0];
            next = 0;
        }
    }
}
