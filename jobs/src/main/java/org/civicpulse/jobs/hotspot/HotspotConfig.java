package org.civicpulse.jobs.hotspot;

import java.io.Serializable;
import java.time.Duration;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * How hotspots are detected: the bucket, the method and its threshold, and how episodes open,
 * calm down and close. Built from {@link Settings}; plain values so the evaluation can vary them.
 *
 * @param bucket     counts are taken per street × category and bucket (5 min)
 * @param method     the detector
 * @param threshold  the detector's alarm threshold
 * @param minCases   an alarm needs at least this many new problems in the last {@link #WINDOW_BUCKETS} buckets
 * @param calm       an episode closes after its unit has been calm this long
 * @param cooldown   after closing, no new episode of the same unit opens for this long
 * @param warmup     a district × category raises no alarm before it has this much history
 * @param renotify   first interval before an unacknowledged HIGH alert is notified again (then doubling)
 */
public record HotspotConfig(Duration bucket, Method method, double threshold, int minCases, Duration calm,
                            Duration cooldown, Duration warmup, Duration renotify, HolidayCalendar holidays)
        implements Serializable {

    /** The current window of an alert (observed, expected, points) is this many buckets: 30 min. */
    public static final int WINDOW_BUCKETS = 6;

    /** The detectors, with their thresholds tuned by the evaluation (docs/BENCHMARKS.md, issue 5). */
    public enum Method {
        NB_SCAN(6.0), NB_CUSUM(10.0), EARS_C2(12.0);

        private final double defaultThreshold;

        Method(double defaultThreshold) {
            this.defaultThreshold = defaultThreshold;
        }

        public double defaultThreshold() {
            return defaultThreshold;
        }

        public HotspotDetector detector() {
            return switch (this) {
                case NB_SCAN -> new NbScan();
                case NB_CUSUM -> new NbCusum();
                case EARS_C2 -> new EarsC2();
            };
        }

        static Method parse(String text) {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    public static HotspotConfig from(Settings s) {
        Method method = Method.parse(s.get(Setting.HOTSPOT_DETECTOR));
        String threshold = s.get(Setting.HOTSPOT_THRESHOLD).trim();
        return new HotspotConfig(s.getDuration(Setting.HOTSPOT_BUCKET), method,
                threshold.isEmpty() ? method.defaultThreshold() : Double.parseDouble(threshold),
                s.getInt(Setting.HOTSPOT_MIN_CASES), s.getDuration(Setting.HOTSPOT_CALM),
                s.getDuration(Setting.HOTSPOT_COOLDOWN), s.getDuration(Setting.HOTSPOT_WARMUP),
                s.getDuration(Setting.HOTSPOT_RENOTIFY), HolidayCalendar.parse(s.get(Setting.HOTSPOT_HOLIDAYS)));
    }

    /** The defaults with another method and threshold (the evaluation's sweeps). */
    public HotspotConfig with(Method m, double t) {
        return new HotspotConfig(bucket, m, t, minCases, calm, cooldown, warmup, renotify, holidays);
    }

    public long bucketMs() {
        return bucket.toMillis();
    }
}
