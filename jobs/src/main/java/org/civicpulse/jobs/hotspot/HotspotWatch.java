package org.civicpulse.jobs.hotspot;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;

/**
 * Hotspot detection for one district × category, without Flink: counts new problems per street
 * and bucket, and at each bucket's end compares every street's count with its expected level —
 * the district × category's hour-of-week profile × the street's share × the street's recent
 * level — runs the detector and moves each street's episode on. The Flink operator keeps one of
 * these per key; the evaluation drives it directly.
 */
public final class HotspotWatch implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long HOUR_MS = 3_600_000;
    /** Street shares forget with a half-life of a week. */
    static final double SHARE_HALF_LIFE_MS = 7 * 24 * HOUR_MS;
    /** A street's share starts at 1 / (streets of the district), worth this many cases. */
    static final double SHARE_PRIOR = 3;
    /**
     * The recent-level factor counts as this many expected cases at 1 before the street's own: the
     * NB size, so the factor is the posterior mean of the street's level today (see {@link NbScan}).
     */
    static final double RECENT_PRIOR = NbScan.SIZE;

    // Package-private for HotspotStateCodec, which checkpoints and copies them field by field.
    HotspotConfig config;
    /** Follows from the config's method (detectors keep no state of their own). */
    HotspotDetector detector;
    String district;
    String category;
    int streetsInDistrict;
    HourOfWeekProfile profile = new HourOfWeekProfile();
    /** By street name (each track's {@link StreetTrack#street}). */
    TreeMap<String, StreetTrack> streets = new TreeMap<>();
    double decayedCount;
    double hourCount;
    /** Start of the next bucket to judge; Long.MIN_VALUE before the first event. */
    long nextBucket = Long.MIN_VALUE;
    /** The first bucket judged; equal to {@link #nextBucket} until a bucket has been judged. */
    long firstBucket;

    /** For HotspotStateCodec. */
    HotspotWatch() {
    }

    public HotspotWatch(HotspotConfig config, String district, String category, int streetsInDistrict) {
        this.config = config;
        this.detector = config.method().detector();
        this.district = district;
        this.category = category;
        this.streetsInDistrict = Math.max(1, streetsInDistrict);
    }

    /** Counts one new problem at {@code eventTime} on {@code street}; {@code hit} is its point, or null. */
    public void count(String street, String streetCode, long eventTime, String point, Double lat, Double lon) {
        long bucket = Math.floorDiv(eventTime, config.bucketMs()) * config.bucketMs();
        // Judging starts at the earliest bucket seen before the first judgement, not at the first
        // event to arrive: a backfill read from several partitions arrives out of order, and
        // starting at a later event would fold everything before it into one bucket and start
        // the warm-up late (the same input then raised an alert or not by arrival order).
        if (nextBucket == Long.MIN_VALUE || (bucket < nextBucket && nextBucket == firstBucket)) {
            nextBucket = bucket;
            firstBucket = bucket;
        }
        StreetTrack t = streets.computeIfAbsent(street, s -> new StreetTrack(s, streetCode));
        t.count(bucket, point == null ? null : new PointHit(Math.max(bucket, nextBucket), point, lat, lon));
    }

    /** The end of the next bucket to judge, or Long.MIN_VALUE before the first event. */
    public long nextBucketEnd() {
        return nextBucket == Long.MIN_VALUE ? Long.MIN_VALUE : nextBucket + config.bucketMs();
    }

    /** Judges every bucket that ended at or before {@code watermark}. */
    public void advanceTo(long watermark, AlertListener out) {
        while (nextBucket != Long.MIN_VALUE && nextBucket + config.bucketMs() <= watermark) {
            closeBucket(nextBucket, out);
            nextBucket += config.bucketMs();
        }
    }

    private void closeBucket(long start, AlertListener out) {
        long end = start + config.bucketMs();
        LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(start), ZONE);
        int dayType = config.holidays().dayType(local.toLocalDate());
        int hour = local.getHour();
        double perBucket = profile.perHour(dayType, hour) * config.bucketMs() / HOUR_MS;
        boolean warm = end - firstBucket >= config.warmup().toMillis() && profile.hoursLearned() >= 24;
        double decay = Math.pow(0.5, config.bucketMs() / SHARE_HALF_LIFE_MS);
        double learnedTotal = 0;
        for (StreetTrack t : streets.values()) {
            int x = t.take(start);
            double share = (t.decayedCount + SHARE_PRIOR / streetsInDistrict) / (decayedCount + SHARE_PRIOR);
            double base = perBucket * share;
            double expected = base * t.history.recentFactor(RECENT_PRIOR);
            t.history.push(x, x, base, expected);
            double score = detector.score(t.history, expected);
            long observed = t.history.rawSum(0, HotspotConfig.WINDOW_BUCKETS - 1);
            double windowExpected = t.history.expectedSum(0, HotspotConfig.WINDOW_BUCKETS - 1);
            boolean alarm = warm && score >= config.threshold() && observed >= config.minCases();
            judge(t, end, alarm, observed, windowExpected, score, out);
            double learned = alarm || t.active() ? Math.min(x, expected) : x;
            t.history.relearn(learned);
            t.decayedCount = t.decayedCount * decay + learned;
            learnedTotal += learned;
            long window = HotspotConfig.WINDOW_BUCKETS * config.bucketMs();
            t.pruneHits(t.active() ? Math.min(t.episode.openedAt - window, end - window) : end - window);
        }
        decayedCount = decayedCount * decay + learnedTotal;
        hourCount += learnedTotal;
        LocalDateTime next = LocalDateTime.ofInstant(Instant.ofEpochMilli(end), ZONE);
        if (next.getHour() != hour) {
            profile.learnHour(dayType, hour, hourCount);
            hourCount = 0;
            if (!next.toLocalDate().equals(local.toLocalDate())) {
                profile.learnDay(dayType);
            }
        }
    }

    /** Opens, follows or closes the street's episode after a bucket. */
    private void judge(StreetTrack t, long end, boolean alarm, long observed, double expected, double score,
                       AlertListener out) {
        if (!t.active() && (!alarm || end < t.cooldownUntil)) {
            return;
        }
        List<AlertNotification.Reason> notices = new ArrayList<>();
        boolean changed;
        if (!t.active()) {
            t.episode = Episode.open(AlertIds.of(district, category, t.streetCode, end), district, t.street, category,
                    end, observed, expected, score);
            changed = true;
            notices.add(AlertNotification.Reason.NEW);
        } else {
            Episode e = t.episode;
            e.measure(observed, expected, score);
            boolean calm = observed < config.minCases() || observed < 2 * expected;
            changed = e.follow(end, calm, Episode.severityOf(observed, expected), config.calm().toMillis(), notices);
            if (!e.active()) {
                t.cooldownUntil = end + config.cooldown().toMillis();
                detector.reset(t.history);
            }
        }
        Alert alert = null;
        if (changed) {
            alert = t.episode.toAlert(t.points(end));
            out.changed(alert);
        }
        if (t.episode.remindAt(end, config.renotify().toMillis())) {
            notices.add(AlertNotification.Reason.REMINDER);
        }
        for (AlertNotification.Reason r : notices) {
            out.notify(new AlertNotification(r, alert != null ? alert : t.episode.snapshot(t.points(end))));
        }
    }

    /** Applies an operator's command to the alert it names; returns false if unknown or already applied. */
    public boolean apply(AlertCommand c, AlertListener out) {
        StreetTrack t = trackOf(c.alertId());
        if (t == null || !t.episode.apply(c)) {
            return false;
        }
        out.changed(t.episode.toAlert(t.points(nextBucket)));
        return true;
    }

    /** True while the alert's episode is held here (open, or closed and not yet forgotten). */
    public boolean knows(String alertId) {
        return trackOf(alertId) != null;
    }

    private StreetTrack trackOf(String alertId) {
        String code = AlertIds.streetCode(alertId);
        for (StreetTrack t : streets.values()) {
            if (t.episode != null && t.streetCode.equals(code) && t.episode.id.equals(alertId)) {
                return t;
            }
        }
        return null;
    }

    public String district() {
        return district;
    }

    public String category() {
        return category;
    }
}
