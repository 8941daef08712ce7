package org.civicpulse.jobs.points;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.jobs.AcceptedEvent;

/**
 * Keyed by district and point: counts problems and failed spot checks per day, and keeps the
 * watch-list (挂牌督办): a point is listed the day it reaches {@code minProblems} problems or
 * {@code minFailedChecks} failed checks in the last 30 days (today included), and leaves the list
 * the day it falls below both. Days are retired at midnight of the watermark's calendar.
 *
 * <p>A point is looked at again only when its count can change without an event: at the midnight
 * its oldest day leaves the window, or a day counted ahead of the watermark enters it — not at
 * every midnight. Most points have a problem or two: one timer at the end of their window, where
 * every point with a day in the window was woken 30 times.
 */
public final class PointFunction extends KeyedProcessFunction<String, AcceptedEvent, PointRecord> {
    static final int WINDOW_DAYS = 30;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long serialVersionUID = 1L;
    private final long minProblems;
    private final long minFailedChecks;
    private transient MapState<Long, long[]> days;
    private transient ValueState<Long> listedSince;
    private transient ValueState<String> street;

    public PointFunction(long minProblems, long minFailedChecks) {
        this.minProblems = minProblems;
        this.minFailedChecks = minFailedChecks;
    }

    /** The key: district and point, or null when the event has no point or district. */
    public static String keyOf(CivicEvent e) {
        String point = Point.of(e);
        return point == null || e.district() == null ? null : e.district() + "|" + point;
    }

    @Override
    public void open(OpenContext ctx) {
        days = getRuntimeContext().getMapState(new MapStateDescriptor<>("days", Types.LONG,
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        listedSince = getRuntimeContext().getState(new ValueStateDescriptor<>("listed-since", Types.LONG));
        street = getRuntimeContext().getState(new ValueStateDescriptor<>("street", Types.STRING));
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<PointRecord> out) throws Exception {
        CivicEvent e = in.event();
        if (e.street() != null) {
            street.update(e.street());
        }
        long day = epochDay(in.eventTime());
        long[] counts = days.get(day);
        counts = counts == null ? new long[2] : counts;
        counts[0]++;
        counts[1] += e.type() == org.civicpulse.contract.EventType.CHECKED ? 1 : 0;
        days.put(day, counts);
        out.collect(record("day", ctx.getCurrentKey(), day, counts[0], counts[1], null));
        long today = today(ctx.timerService().currentWatermark(), day);
        long next = review(ctx.getCurrentKey(), today, out);
        ctx.timerService().registerEventTimeTimer(startOfDay(next));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PointRecord> out) throws Exception {
        long today = epochDay(timestamp);
        java.util.List<Long> old = new java.util.ArrayList<>();
        for (long d : days.keys()) {
            if (d <= today - WINDOW_DAYS) {
                old.add(d);
            }
        }
        for (long d : old) {
            days.remove(d);
        }
        long next = review(ctx.getCurrentKey(), today, out);
        if (days.isEmpty() && listedSince.value() == null) {
            street.clear();
        } else {
            ctx.timerService().registerEventTimeTimer(startOfDay(Math.max(next, today + 1)));
        }
    }

    /**
     * Lists or delists the point by its last 30 days as of {@code today}; returns the next day
     * whose midnight can change that without an event (its oldest day leaves the window, or a
     * later day than today enters it).
     */
    private long review(String key, long today, Collector<PointRecord> out) throws Exception {
        long problems = 0;
        long failed = 0;
        long next = Long.MAX_VALUE;
        for (Map.Entry<Long, long[]> d : days.entries()) {
            long day = d.getKey();
            if (day > today - WINDOW_DAYS && day <= today) {
                problems += d.getValue()[0];
                failed += d.getValue()[1];
            }
            next = Math.min(next, day > today ? day : day + WINDOW_DAYS);
        }
        boolean qualifies = problems >= minProblems || failed >= minFailedChecks;
        Long since = listedSince.value();
        if (qualifies && since == null) {
            listedSince.update(today);
            out.collect(record("watchlist", key, today, problems, failed, null));
        } else if (!qualifies && since != null) {
            listedSince.clear();
            out.collect(record("watchlist", key, since, problems, failed, today));
        }
        return next == Long.MAX_VALUE ? today + 1 : next;
    }

    private PointRecord record(String kind, String key, long day, long problems, long failed, Long leftOn)
            throws Exception {
        int bar = key.indexOf('|');
        String s = street.value();
        return new PointRecord(kind, key.substring(0, bar), s == null ? "" : s, key.substring(bar + 1), day,
                problems, failed, leftOn, System.currentTimeMillis());
    }

    private static long today(long watermark, long fallback) {
        return watermark == Long.MIN_VALUE ? fallback : epochDay(watermark);
    }

    static long epochDay(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate().toEpochDay();
    }

    static long startOfDay(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).atStartOfDay(ZONE).toInstant().toEpochMilli();
    }
}
