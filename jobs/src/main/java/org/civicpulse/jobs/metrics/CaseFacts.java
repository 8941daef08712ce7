package org.civicpulse.jobs.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.TimeLimits;

/**
 * What one case contributes to the metrics of SPEC §4 at a given watermark: its gauges (open,
 * overdue, about to breach, pending) and its decisions and ratings, each in the minute it
 * happened. The job emits the difference between a case's facts before and after each event or
 * timer, so late and out-of-order events correct earlier figures instead of adding to them.
 */
public final class CaseFacts {
    /** The bucket of gauges, which are not windowed. */
    public static final long GAUGE = Long.MIN_VALUE;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long ABOUT_TO_BREACH_MS = TimeLimits.ABOUT_TO_BREACH.toMillis();

    private final Place place;
    private final Map<Long, long[]> byBucket;

    private CaseFacts(Place place, Map<Long, long[]> byBucket) {
        this.place = place;
        this.byBucket = byBucket;
    }

    /** Facts with the given content (to drop part of a case's facts). */
    static CaseFacts with(Place place, Map<Long, long[]> byBucket) {
        return new CaseFacts(place, byBucket);
    }

    /** No case: contributes nothing. */
    public static CaseFacts none() {
        return new CaseFacts(null, Map.of());
    }

    public Place place() {
        return place;
    }

    public Map<Long, long[]> byBucket() {
        return byBucket;
    }

    /** The minute a time falls in. */
    public static long minute(long epochMillis) {
        return Math.floorDiv(epochMillis, 60_000L);
    }

    /** The facts of {@code s} when event time stands at {@code watermark}. */
    public static CaseFacts of(CaseState s, long watermark) {
        Map<Long, long[]> facts = new HashMap<>();
        boolean open = s.status() == CaseState.Status.OPEN;
        boolean overdue = open && watermark > s.resolutionLimitAt;
        add(facts, GAUGE, MetricCounter.OPEN, open ? 1 : 0);
        add(facts, GAUGE, MetricCounter.OVERDUE, overdue ? 1 : 0);
        add(facts, GAUGE, MetricCounter.ABOUT_TO_BREACH,
                open && !overdue && watermark >= s.resolutionLimitAt - ABOUT_TO_BREACH_MS ? 1 : 0);
        if (s.isHotline()) {
            responseDecision(s, watermark, facts);
            ratings(s, facts);
        }
        if (s.isGrid()) {
            gridClosure(s, watermark, facts);
        }
        return new CaseFacts(Place.of(s), facts);
    }

    /** Decided when the case responds (on time if within its limit) or when its limit passes unanswered. */
    private static void responseDecision(CaseState s, long watermark, Map<Long, long[]> facts) {
        if (s.firstRespondedAt > 0) {
            boolean onTime = s.firstRespondedAt <= s.responseLimitAt;
            long decidedAt = onTime ? s.firstRespondedAt : s.responseLimitAt;
            add(facts, minute(decidedAt), MetricCounter.RESPONSE_DECISIONS, 1);
            add(facts, minute(decidedAt), MetricCounter.RESPONSE_ON_TIME, onTime ? 1 : 0);
        } else if (watermark > s.responseLimitAt) {
            add(facts, minute(s.responseLimitAt), MetricCounter.RESPONSE_DECISIONS, 1);
        } else {
            add(facts, GAUGE, MetricCounter.RESPONSE_PENDING, 1);
        }
    }

    /**
     * Only a case's latest rating counts in a rolling period (any period that holds an earlier
     * rating and ends now holds the latest too); for calendar months, the latest within each month.
     */
    private static void ratings(CaseState s, Map<Long, long[]> facts) {
        // Awaiting a rating while resolved and not rated since its latest resolution (a case
        // rated, reopened and resolved again awaits a new return visit); a reopened case is back
        // at work, and a closed one is finished (the list behind this count is the resolved cases).
        boolean resolved = s.status() == CaseState.Status.RESOLVED;
        if (s.ratingTimes.length == 0) {
            if (resolved) {
                add(facts, GAUGE, MetricCounter.RATING_PENDING, 1);
            }
            return;
        }
        int latest = 0;
        Map<YearMonth, Integer> latestInMonth = new HashMap<>();
        for (int i = 0; i < s.ratingTimes.length; i++) {
            if (s.ratingTimes[i] > s.ratingTimes[latest]) {
                latest = i;
            }
            YearMonth month = YearMonth.from(Instant.ofEpochMilli(s.ratingTimes[i]).atZone(ZONE));
            Integer best = latestInMonth.get(month);
            if (best == null || s.ratingTimes[i] > s.ratingTimes[best]) {
                latestInMonth.put(month, i);
            }
        }
        if (resolved && s.ratingTimes[latest] < s.lastResolvedAt) {
            add(facts, GAUGE, MetricCounter.RATING_PENDING, 1);
        }
        rating(facts, minute(s.ratingTimes[latest]), s.ratingOutcomes[latest], MetricCounter.RATINGS,
                MetricCounter.RATINGS_RESOLVED, MetricCounter.RATINGS_SATISFIED, MetricCounter.RATINGS_BASIC);
        for (int i : latestInMonth.values()) {
            rating(facts, minute(s.ratingTimes[i]), s.ratingOutcomes[i], MetricCounter.MONTH_RATINGS,
                    MetricCounter.MONTH_RATINGS_RESOLVED, MetricCounter.MONTH_RATINGS_SATISFIED,
                    MetricCounter.MONTH_RATINGS_BASIC);
        }
    }

    private static void rating(Map<Long, long[]> facts, long bucket, int outcome, MetricCounter all,
                               MetricCounter resolved, MetricCounter satisfied, MetricCounter basic) {
        add(facts, bucket, all, 1);
        add(facts, bucket, resolved, (outcome & CaseState.RATED_RESOLVED) != 0 ? 1 : 0);
        add(facts, bucket, satisfied, (outcome & CaseState.RATED_SATISFIED) != 0 ? 1 : 0);
        add(facts, bucket, basic, (outcome & CaseState.RATED_BASIC) != 0 ? 1 : 0);
    }

    /**
     * A GRID case is due in a period when its limit passed in it or it was resolved in it, and
     * counts once in each such period. For a period that ends now, "limit or resolution in it"
     * comes down to one time: the resolution while the limit is still ahead; once the limit has
     * passed, the limit for a case resolved on time (its resolution came earlier, so any such
     * period that holds the resolution holds the limit too) and the resolution for one resolved
     * late (it came later, likewise). So the case's entry moves to its limit when the limit passes.
     */
    private static void gridClosure(CaseState s, long watermark, Map<Long, long[]> facts) {
        long resolvedAt = s.resolvedAt();
        boolean limitPassed = watermark > s.resolutionLimitAt;
        if (resolvedAt > 0) {
            boolean onTime = resolvedAt <= s.resolutionLimitAt;
            long at = onTime && limitPassed ? s.resolutionLimitAt : resolvedAt;
            add(facts, minute(at), MetricCounter.GRID_CLOSURE_DUE, 1);
            add(facts, minute(at), MetricCounter.GRID_CLOSED_ON_TIME, onTime ? 1 : 0);
        } else if (limitPassed) {
            add(facts, minute(s.resolutionLimitAt), MetricCounter.GRID_CLOSURE_DUE, 1);
        }
    }

    private static void add(Map<Long, long[]> facts, long bucket, MetricCounter c, long value) {
        if (value != 0) {
            facts.computeIfAbsent(bucket, b -> new long[MetricCounter.SIZE])[c.ordinal()] += value;
        }
    }

    /** The deltas that turn {@code before} into {@code after}, one per place and bucket that changed. */
    public static void diff(CaseFacts before, CaseFacts after, DeltaCollector out) {
        if (before.place != null && !before.place.equals(after.place)) {
            before.byBucket.forEach((bucket, v) -> out.collect(before.place, bucket, negate(v)));
            after.byBucket.forEach((bucket, v) -> out.collect(after.place, bucket, v.clone()));
            return;
        }
        Map<Long, long[]> delta = new HashMap<>();
        after.byBucket.forEach((bucket, v) -> delta.put(bucket, v.clone()));
        before.byBucket.forEach((bucket, v) -> {
            long[] d = delta.computeIfAbsent(bucket, b -> new long[MetricCounter.SIZE]);
            for (int i = 0; i < d.length; i++) {
                d[i] -= v[i];
            }
        });
        delta.forEach((bucket, d) -> {
            if (!isZero(d)) {
                out.collect(after.place, bucket, d);
            }
        });
    }

    private static long[] negate(long[] v) {
        long[] n = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            n[i] = -v[i];
        }
        return n;
    }

    static boolean isZero(long[] d) {
        for (long x : d) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** Receives deltas. */
    @FunctionalInterface
    public interface DeltaCollector {
        void collect(Place place, long bucket, long[] delta);
    }
}
