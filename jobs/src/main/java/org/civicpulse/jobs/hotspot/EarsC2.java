package org.civicpulse.jobs.hotspot;

/**
 * CDC's EARS C2, the classic baseline, on 30-minute counts: the count of the last 30 minutes
 * against the mean and standard deviation of the seven 30-minute counts before a one-hour guard
 * band. It knows nothing of hour of week or of the unit's usual level: that is the point of a
 * baseline. The standard deviation has a floor, without which a street that never sees a case
 * would alarm on its first one.
 */
public final class EarsC2 implements HotspotDetector {
    private static final long serialVersionUID = 1L;
    static final int WINDOW = HotspotConfig.WINDOW_BUCKETS;
    static final int GUARD_WINDOWS = 2;
    static final int BASELINE_WINDOWS = 7;
    static final double MIN_SD = 0.5;

    @Override
    public double score(CountHistory history, double expected) {
        long current = history.rawSum(0, WINDOW - 1);
        if (current == 0) {
            return 0; // nothing now is never above a baseline; spares the loop on quiet streets
        }
        double sum = 0;
        double sumSq = 0;
        for (int w = 0; w < BASELINE_WINDOWS; w++) {
            int from = (GUARD_WINDOWS + 1 + w) * WINDOW;
            long c = history.rawSum(from, from + WINDOW - 1);
            sum += c;
            sumSq += (double) c * c;
        }
        double mean = sum / BASELINE_WINDOWS;
        double sd = Math.sqrt(Math.max(0, (sumSq - BASELINE_WINDOWS * mean * mean) / (BASELINE_WINDOWS - 1)));
        return (current - mean) / Math.max(sd, MIN_SD);
    }
}
