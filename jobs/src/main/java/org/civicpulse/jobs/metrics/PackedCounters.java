package org.civicpulse.jobs.metrics;

/**
 * A minute pane's counters as the heap keeps them: only the non-zero ones, each as
 * {@code value << 6 | index} in index order, after a mark. Why: most of a week's minute panes of a
 * street, unit or category hold one or two non-zero counters of {@code MetricCounter.SIZE}; dense,
 * they were 0.9 GB of a 1.4 GB live heap at Beijing's full scale (session 5's heap histogram),
 * packed they take a fifth of that.
 *
 * <p>The mark tells a packed array from a dense one, which a restore from an earlier checkpoint
 * still brings: a dense pane's first counter is a count and never {@link Long#MIN_VALUE}.
 */
final class PackedCounters {
    static final long MARK = Long.MIN_VALUE;
    private static final int INDEX_BITS = 6;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Counters beyond this index cannot be packed (there are 23). */
    static final int MAX_LENGTH = 1 << INDEX_BITS;

    private PackedCounters() {
    }

    static boolean isPacked(long[] counters) {
        return counters.length > 0 && counters[0] == MARK;
    }

    static long[] pack(long[] dense) {
        if (isPacked(dense)) {
            return dense;
        }
        if (dense.length > MAX_LENGTH) {
            throw new IllegalArgumentException("cannot pack " + dense.length + " counters; at most " + MAX_LENGTH);
        }
        int nonZero = 0;
        for (long c : dense) {
            if (c != 0) {
                nonZero++;
            }
        }
        long[] packed = new long[1 + nonZero];
        packed[0] = MARK;
        int at = 1;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                packed[at++] = entry(i, dense[i]);
            }
        }
        return packed;
    }

    /** One packed counter; a value too large to shift left by the index bits is refused, not wrapped. */
    static long entry(int index, long value) {
        long e = (value << INDEX_BITS) | index;
        if (e >> INDEX_BITS != value) {
            throw new IllegalArgumentException("counter " + index + " out of the packable range: " + value);
        }
        return e;
    }

    static int index(long entry) {
        return (int) (entry & INDEX_MASK);
    }

    static long value(long entry) {
        return entry >> INDEX_BITS;
    }

    /**
     * A fresh dense array of {@code size} counters from either form. Counters at {@code size} or
     * beyond (a pane of a version with more counters) are left out: nothing reads them.
     */
    static long[] dense(long[] counters, int size) {
        long[] dense = new long[size];
        addTo(dense, counters, 1);
        return dense;
    }

    /** Adds {@code sign ×} the counters, in either form, to {@code sum}. */
    static void addTo(long[] sum, long[] counters, int sign) {
        if (isPacked(counters)) {
            for (int k = 1; k < counters.length; k++) {
                int i = index(counters[k]);
                if (i < sum.length) {
                    sum[i] += sign * value(counters[k]);
                }
            }
        } else {
            for (int i = 0; i < Math.min(sum.length, counters.length); i++) {
                sum[i] += sign * counters[i];
            }
        }
    }

    /**
     * Adds the dense {@code delta} to {@code packed} in place when the packed form already has an
     * entry for every counter the delta changes (a busy minute's events change the same few
     * counters again and again); false, and nothing changed, otherwise or for a dense array. An
     * entry may reach zero and stay: every reader adds entries, so a zero one counts nothing.
     */
    static boolean addInPlace(long[] packed, long[] delta) {
        if (!isPacked(packed)) {
            return false;
        }
        int changed = 0;
        for (long d : delta) {
            if (d != 0) {
                changed++;
            }
        }
        int present = 0;
        for (int k = 1; k < packed.length; k++) {
            int i = index(packed[k]);
            if (i < delta.length && delta[i] != 0) {
                present++;
            }
        }
        if (present != changed) {
            return false;
        }
        for (int k = 1; k < packed.length; k++) {
            int i = index(packed[k]);
            if (i < delta.length && delta[i] != 0) {
                packed[k] = entry(i, value(packed[k]) + delta[i]);
            }
        }
        return true;
    }
}
