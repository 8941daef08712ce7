package org.civicpulse.jobs.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.civicpulse.contract.MetricCounter;

/**
 * Keyed by scope: adds each delta to its minute pane and day pane and to the running sums of the
 * windows it falls in (last 60 min, 24 h, 7 days, today, this month) as soon as it arrives (early
 * firing), and retires panes from the sums as the watermark moves on, minute by minute. Once a
 * second at most it emits the scope's absolute values and the panes that changed.
 */
public final class ScopeMetricsFunction extends KeyedProcessFunction<String, ScopedDelta, LiveMetric> {
    /** Changed minute and day panes, for the metric tables. */
    public static final OutputTag<PaneRow> PANES = new OutputTag<>("panes") { };
    static final long HOUR = 60;
    static final long DAY = 24 * 60;
    static final long WEEK = 7 * DAY;
    private static final long DAY_PANE_RETENTION = 40;
    private static final long BEIJING_OFFSET_MINUTES = 8 * 60;
    /** 1992-01-01T00:00+08:00 in epoch minutes: no daylight saving in Beijing after this. */
    private static final long FIXED_OFFSET_SINCE_MINUTE = 694_195_200L / 60;
    private static final long serialVersionUID = 1L;
    private final long emitIntervalMs;
    private transient MinutePanes minutePanes;
    private transient MapState<Long, long[]> dayPanes;
    private transient ValueState<ScopeState> scope;
    private transient EarlierScopeStates earlier;

    public ScopeMetricsFunction(Duration emitInterval) {
        this.emitIntervalMs = emitInterval.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        minutePanes = new MinutePanes(getRuntimeContext());
        // Day panes stay dense: a scope has at most 40 of them, and they change with every delta.
        dayPanes = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("day-panes", LongSerializer.INSTANCE, CountersSerializer.INSTANCE));
        scope = getRuntimeContext().getState(new ValueStateDescriptor<>("scope", TypeInformation.of(ScopeState.class)));
        earlier = new EarlierScopeStates(getRuntimeContext());
    }

    @Override
    public void processElement(ScopedDelta in, Context ctx, Collector<LiveMetric> out) throws Exception {
        ScopeState st = load();
        WindowSums s = current(st.sums, ctx.timerService().currentWatermark());
        if (in.bucket() == CaseFacts.GAUGE) {
            WindowSums.add(s.gauges, in.delta(), 1);
        } else {
            addToPanes(in.bucket(), in.delta(), st);
            scheduleMinuteTimer(ctx, st);
        }
        scheduleEmit(ctx, st);
        scope.update(st);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LiveMetric> out) throws Exception {
        ScopeState st = load();
        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            st.emitAt = ScopeState.NONE;
            emit(ctx, out, st);
        } else {
            st.nextMinute = ScopeState.NONE;
            long watermark = ctx.timerService().currentWatermark();
            current(st.sums, watermark);
            if (watermark != Long.MAX_VALUE) { // at the end of a bounded input no minute follows
                scheduleMinuteTimer(ctx, st);
            }
            scheduleEmit(ctx, st);
        }
        scope.update(st);
    }

    /** The scope's state; a new scope's, or one moved from the states of an earlier version. */
    private ScopeState load() throws Exception {
        ScopeState st = scope.value();
        if (st == null) {
            st = new ScopeState();
            earlier.moveInto(st);
            minutePanes.migrateLegacy();
        }
        st.sums.growToCurrentCounters();
        return st;
    }

    /** The sums brought up to the watermark's minute: panes that left a window are retired. */
    private WindowSums current(WindowSums s, long watermark) throws Exception {
        if (watermark == Long.MIN_VALUE || watermark == Long.MAX_VALUE) {
            return s; // no event time yet, or the end of a bounded input: nothing to retire
        }
        long w = CaseFacts.minute(watermark);
        if (w == s.watermarkMinute) {
            return s;
        }
        long previous = s.watermarkMinute;
        long previousDay = s.todayEpochDay;
        s.watermarkMinute = w;
        s.todayEpochDay = epochDay(w);
        if (previous != Long.MIN_VALUE && w - previous > 1 && dayPanes.isEmpty()) {
            // No day pane means no minute pane and nothing in any window (see scheduleMinuteTimer):
            // a scope of gauges only, or one quiet for 40 days, has nothing to retire. Without
            // this, its first delta after a quiet week walked the week minute by minute.
            return s;
        }
        // Retiring minute by minute costs three look-ups a minute; a full recount scans every pane,
        // so it is kept for jumps beyond the longest window (a replay moving days at a time).
        if (previous == Long.MIN_VALUE || w - previous > WEEK || w < previous) {
            recompute(s);
        } else {
            retire(s, previous, w);
            if (s.todayEpochDay != previousDay) {
                recomputeCalendar(s);
            }
        }
        return s;
    }

    private void retire(WindowSums s, long previous, long w) throws Exception {
        for (long m = previous + 1; m <= w; m++) {
            minutePanes.addTo(s.last60m, m - HOUR, -1);
            minutePanes.addTo(s.last24h, m - DAY, -1);
            if (minutePanes.addTo(s.last7d, m - WEEK, -1)) {
                minutePanes.remove(m - WEEK);
            }
        }
    }

    private void recompute(WindowSums s) throws Exception {
        WindowSums.clear(s.last60m, s.last24h, s.last7d);
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : minutePanes.entries()) {
            long m = e.getKey();
            if (!inWindow(m, s.watermarkMinute, WEEK)) {
                expired.add(m);
                continue;
            }
            addToWindows(s, m, e.getValue(), 1);
        }
        for (long m : expired) {
            minutePanes.remove(m);
        }
        recomputeCalendar(s);
    }

    private void recomputeCalendar(WindowSums s) throws Exception {
        WindowSums.clear(s.today, s.month);
        if (s.watermarkMinute == Long.MIN_VALUE) {
            return;
        }
        YearMonth month = YearMonth.from(LocalDate.ofEpochDay(s.todayEpochDay));
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : dayPanes.entries()) {
            long day = e.getKey();
            if (day < s.todayEpochDay - DAY_PANE_RETENTION) {
                expired.add(day);
            }
            long[] pane = WindowSums.grown(e.getValue());
            if (day == s.todayEpochDay) {
                WindowSums.add(s.today, pane, 1);
            }
            if (YearMonth.from(LocalDate.ofEpochDay(day)).equals(month)) {
                WindowSums.add(s.month, pane, 1);
            }
        }
        for (long day : expired) {
            dayPanes.remove(day);
        }
    }

    private void addToPanes(long minute, long[] delta, ScopeState st) throws Exception {
        WindowSums s = st.sums;
        long day = epochDay(minute);
        if (s.watermarkMinute == Long.MIN_VALUE || inWindow(minute, s.watermarkMinute, WEEK)) {
            minutePanes.add(minute, delta);
            st.minuteChanged(minute);
            addToWindows(s, minute, delta, 1);
        }
        dayPanes.put(day, addTo(dayPanes.get(day), delta));
        st.dayChanged(day);
        if (s.watermarkMinute != Long.MIN_VALUE) {
            if (day == s.todayEpochDay) {
                WindowSums.add(s.today, delta, 1);
            }
            if (day == s.todayEpochDay || sameMonth(day, s.todayEpochDay)) {
                WindowSums.add(s.month, delta, 1);
            }
        }
    }

    private static void addToWindows(WindowSums s, long minute, long[] v, int sign) {
        long w = s.watermarkMinute;
        if (w == Long.MIN_VALUE || inWindow(minute, w, HOUR)) {
            WindowSums.add(s.last60m, v, sign);
        }
        if (w == Long.MIN_VALUE || inWindow(minute, w, DAY)) {
            WindowSums.add(s.last24h, v, sign);
        }
        if (w == Long.MIN_VALUE || inWindow(minute, w, WEEK)) {
            WindowSums.add(s.last7d, v, sign);
        }
    }

    /** A minute is in the window of {@code length} minutes ending at {@code w} (later minutes too: early firing). */
    static boolean inWindow(long minute, long w, long length) {
        return minute > w - length;
    }

    /** A day pane with the delta added (a pane restored with fewer counters grown first). */
    private static long[] addTo(long[] pane, long[] delta) {
        long[] p = pane == null ? new long[MetricCounter.SIZE] : WindowSums.grown(pane);
        WindowSums.add(p, delta, 1);
        return p;
    }

    static long epochDay(long minute) {
        if (minute >= FIXED_OFFSET_SINCE_MINUTE) {
            // Beijing time has been UTC+8 all year since 1991: plain arithmetic, no zone rules,
            // on a path taken for every delta.
            return Math.floorDiv(minute + BEIJING_OFFSET_MINUTES, DAY);
        }
        return Instant.ofEpochSecond(minute * 60).atZone(CaseFacts.ZONE).toLocalDate().toEpochDay();
    }

    private static boolean sameMonth(long day, long otherDay) {
        return YearMonth.from(LocalDate.ofEpochDay(day)).equals(YearMonth.from(LocalDate.ofEpochDay(otherDay)));
    }

    private void scheduleMinuteTimer(Context ctx, ScopeState st) throws Exception {
        // No day pane means no minute pane either (a minute pane's day pane outlives it: 40 days
        // against 7), and asking the day panes is one look-up, the minute panes' ring 169.
        if (st.nextMinute != ScopeState.NONE || dayPanes.isEmpty()) {
            return;
        }
        long base = st.sums.watermarkMinute;
        long next = base == Long.MIN_VALUE ? latestPaneMinute() : base + 1;
        st.nextMinute = next;
        ctx.timerService().registerEventTimeTimer(next * 60_000L);
    }

    private long latestPaneMinute() throws Exception {
        long latest = Long.MIN_VALUE;
        for (long minute : minutePanes.minutes()) {
            latest = Math.max(latest, minute);
        }
        return latest == Long.MIN_VALUE ? 0 : latest;
    }

    private void scheduleEmit(Context ctx, ScopeState st) {
        if (st.emitAt == ScopeState.NONE) {
            long at = ctx.timerService().currentProcessingTime() + emitIntervalMs;
            st.emitAt = at;
            ctx.timerService().registerProcessingTimeTimer(at);
        }
    }

    private void emit(OnTimerContext ctx, Collector<LiveMetric> out, ScopeState st) throws Exception {
        WindowSums s = st.sums;
        String scope = ctx.getCurrentKey();
        long asOf = s.watermarkMinute == Long.MIN_VALUE ? Long.MIN_VALUE : ctx.timerService().currentWatermark();
        out.collect(new LiveMetric(scope, asOf, s.gauges.clone(), s.last60m.clone(), s.last24h.clone(),
                s.last7d.clone(), s.today.clone(), s.month.clone()));
        // The wall clock orders a pane's rows: after a restart from a checkpoint every pane that
        // changes is written again later than anything written before the crash, and its last
        // row is written once all its input is counted.
        long version = System.currentTimeMillis();
        for (long m : st.changedMinutes()) {
            long[] pane = minutePanes.get(m);
            if (pane != null) {
                ctx.output(PANES, new PaneRow("minute", scope, m, pane, version));
            }
        }
        for (long d : st.changedDays()) {
            long[] pane = dayPanes.get(d);
            if (pane != null) {
                ctx.output(PANES, new PaneRow("day", scope, d, WindowSums.grown(pane).clone(), version));
            }
        }
        st.clearChanged();
    }
}
