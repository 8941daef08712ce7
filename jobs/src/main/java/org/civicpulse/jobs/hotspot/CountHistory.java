package org.civicpulse.jobs.hotspot;

import java.io.Serializable;

/**
 * The recent buckets of one street × category, newest last: the counts as seen, the counts the
 * baseline learns from (an alerting bucket is replaced by its expected value, so a burst does not
 * teach the baseline that bursts are normal), and the baseline's expectation before the street's
 * recent-level factor. Also holds the detector's running statistic.
 */
public final class CountHistory implements Serializable {
    private static final long serialVersionUID = 1L;
    /** 7 hours of 5-minute buckets: the recent-level window plus its guard band. */
    static final int SIZE = 84;
    /**
     * The recent-level window starts two hours back: as long as the longest scan window, so a
     * burst the scan is still adding up is never also taken for the street's level.
     */
    static final int RECENT_FROM = 24;
    // Package-private for HotspotStateCodec.
    final int[] raw = new int[SIZE];
    final float[] learned = new float[SIZE];
    final float[] base = new float[SIZE];
    final float[] expected = new float[SIZE];
    int next;
    long filled;
    /** The detector's own running value (the CUSUM sum). */
    double statistic;
    /** Running sums of learned and base over the recent-level window (ago RECENT_FROM … SIZE − 1). */
    double recentLearned;
    double recentBase;

    public void push(int rawCount, double learnedCount, double baseExpected, double expectedCount) {
        // The oldest bucket leaves the recent-level window, the one RECENT_FROM − 1 back enters it.
        if (filled >= SIZE) {
            recentLearned -= learned[next];
            recentBase -= base[next];
        }
        if (filled >= RECENT_FROM) {
            int entering = index(RECENT_FROM - 1);
            recentLearned += learned[entering];
            recentBase += base[entering];
        }
        raw[next] = rawCount;
        learned[next] = (float) learnedCount;
        base[next] = (float) baseExpected;
        expected[next] = (float) expectedCount;
        next = (next + 1) % SIZE;
        filled++;
        if (next == 0) {
            resumRecent();
        }
    }

    /**
     * Sums the recent-level window afresh once per turn of the ring, so rounding cannot drift and
     * sums kept by an older window layout (a checkpoint from before {@link #RECENT_FROM} moved)
     * are corrected within seven hours.
     */
    private void resumRecent() {
        recentLearned = 0;
        recentBase = 0;
        for (int a = RECENT_FROM; a < length(); a++) {
            recentLearned += learned[index(a)];
            recentBase += base[index(a)];
        }
    }

    /** Replaces what the baseline learns from the newest bucket (an alerting bucket's expected value). */
    public void relearn(double learnedCount) {
        learned[index(0)] = (float) learnedCount;
    }

    /** The raw count {@code ago} buckets back (0 = newest); 0 before history starts. */
    public int raw(int ago) {
        return ago >= filled || ago >= SIZE ? 0 : raw[index(ago)];
    }

    /** Sum of expected counts of buckets {@code fromAgo} … {@code toAgo} back (inclusive). */
    public double expectedSum(int fromAgo, int toAgo) {
        return sum(expected, fromAgo, toAgo);
    }

    public long length() {
        return Math.min(filled, SIZE);
    }

    /** Sum of raw counts of buckets {@code fromAgo} … {@code toAgo} back (inclusive). */
    public long rawSum(int fromAgo, int toAgo) {
        long s = 0;
        for (int a = fromAgo; a <= toAgo; a++) {
            s += raw(a);
        }
        return s;
    }

    /**
     * The street's recent level against its baseline: learned counts ÷ base expectation over the
     * buckets {@link #RECENT_FROM} … {@code SIZE − 1} back (five hours ending two hours ago: the
     * guard band keeps a starting burst out), shrunk towards 1 by {@code prior} expected cases, so
     * a sparse street's factor stays near 1 and a busy street's follows its day.
     */
    public double recentFactor(double prior) {
        return (Math.max(0, recentLearned) + prior) / (Math.max(0, recentBase) + prior);
    }

    /** Sum of base expectations (before the recent level) of buckets {@code fromAgo} … {@code toAgo} back. */
    public double baseSum(int fromAgo, int toAgo) {
        return sum(base, fromAgo, toAgo);
    }

    private double sum(float[] values, int fromAgo, int toAgo) {
        double s = 0;
        for (int a = fromAgo; a <= Math.min(toAgo, length() - 1); a++) {
            s += values[index(a)];
        }
        return s;
    }

    /** The base expectation behind {@link #recentFactor}. */
    public double recentBase() {
        return Math.max(0, recentBase);
    }

    /** The learned cases behind {@link #recentFactor}: how much the street's recent level is known. */
    public double recentCases() {
        return Math.max(0, recentLearned);
    }

    private int index(int ago) {
        return Math.floorMod(next - 1 - ago, SIZE);
    }
}
