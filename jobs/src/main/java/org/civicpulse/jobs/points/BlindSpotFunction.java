package org.civicpulse.jobs.points;

import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.metrics.CaseFacts;
import org.civicpulse.jobs.metrics.MetricDelta;
import org.civicpulse.jobs.metrics.Place;

/**
 * Keyed by point (or street, without one) × category: a HOTLINE case is a blind spot when no GRID
 * or INSPECTION problem was created there in the 7 days before it (SPEC §4). A proactive problem
 * that arrives late turns the cases of the 7 days after it back into seen ones, so the count is
 * corrected rather than left wrong. Entries are dropped once nothing on time can change them.
 */
public final class BlindSpotFunction extends KeyedProcessFunction<String, AcceptedEvent, MetricDelta> {
    static final long WEEK = Duration.ofDays(7).toMillis();
    private static final long serialVersionUID = 1L;
    private final long lateness;
    private transient ValueState<long[]> proactive;
    private transient ValueState<long[]> hotline;
    private transient ValueState<long[]> blind;
    private transient ValueState<Place> place;

    public BlindSpotFunction(Duration allowedLateness) {
        this.lateness = allowedLateness.toMillis();
    }

    /** The key: district, point or street, category; null when the event has no place to key by. */
    public static String keyOf(CivicEvent e) {
        String where = Point.of(e);
        if (where == null) {
            where = e.street() == null ? null : "street:" + e.street();
        }
        return where == null || e.district() == null || e.category() == null ? null
                : e.district() + "|" + where + "|" + e.category();
    }

    @Override
    public void open(OpenContext ctx) {
        TypeInformation<long[]> longs = PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO;
        proactive = getRuntimeContext().getState(new ValueStateDescriptor<>("proactive-times", longs));
        hotline = getRuntimeContext().getState(new ValueStateDescriptor<>("hotline-times", longs));
        blind = getRuntimeContext().getState(new ValueStateDescriptor<>("hotline-blind", longs));
        place = getRuntimeContext().getState(new ValueStateDescriptor<>("place", TypeInformation.of(Place.class)));
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<MetricDelta> out) throws Exception {
        CivicEvent e = in.event();
        long t = in.eventTime();
        long[] p = orEmpty(proactive.value());
        long[] h = orEmpty(hotline.value());
        long[] b = orEmpty(blind.value());
        if (e.source() == Source.HOTLINE) {
            Place where = new Place(Source.HOTLINE.name(), e.district(), e.street() == null ? "" : e.street(),
                    e.category(), "");
            place.update(where);
            boolean isBlind = !seenBefore(p, t);
            hotline.update(append(h, t));
            blind.update(append(b, isBlind ? 1 : 0));
            if (isBlind) {
                out.collect(delta(where, t, 1));
            }
            ctx.timerService().registerEventTimeTimer(t + lateness + 1);
        } else {
            proactive.update(append(p, t));
            Place where = place.value();
            for (int i = 0; i < h.length; i++) {
                if (b[i] == 1 && h[i] > t && h[i] <= t + WEEK) {
                    b[i] = 0;
                    out.collect(delta(where, h[i], -1));
                }
            }
            blind.update(b);
            ctx.timerService().registerEventTimeTimer(t + WEEK + lateness + 1);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricDelta> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        long[] p = orEmpty(proactive.value());
        long[] h = orEmpty(hotline.value());
        long[] b = orEmpty(blind.value());
        // A proactive problem older than this could only matter to a case that would itself be too late.
        long[] keptP = Arrays.stream(p).filter(x -> x >= watermark - lateness - WEEK).toArray();
        int kept = 0;
        for (int i = 0; i < h.length; i++) {
            if (h[i] >= watermark - lateness) {
                h[kept] = h[i];
                b[kept] = b[i];
                kept++;
            }
        }
        if (keptP.length == 0 && kept == 0) {
            proactive.clear();
            hotline.clear();
            blind.clear();
            place.clear();
            return;
        }
        proactive.update(keptP);
        hotline.update(Arrays.copyOf(h, kept));
        blind.update(Arrays.copyOf(b, kept));
    }

    /** True when a proactive problem lies in the 7 days before {@code t}. */
    static boolean seenBefore(long[] proactiveTimes, long t) {
        for (long p : proactiveTimes) {
            if (p >= t - WEEK && p < t) {
                return true;
            }
        }
        return false;
    }

    private static MetricDelta delta(Place where, long at, long value) {
        long[] d = new long[MetricCounter.SIZE];
        d[MetricCounter.BLIND_SPOTS.ordinal()] = value;
        return new MetricDelta(where, CaseFacts.minute(at), d);
    }

    private static long[] orEmpty(long[] a) {
        return a == null ? new long[0] : a;
    }

    private static long[] append(long[] a, long v) {
        long[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        return r;
    }
}
