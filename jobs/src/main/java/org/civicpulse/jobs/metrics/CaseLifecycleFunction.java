package org.civicpulse.jobs.metrics;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.TimeLimits;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.CleanupTimers;

/**
 * Keyed by case: keeps each case's lifecycle (status, stage times, unit, limits) and emits the
 * change in what the case contributes to the metrics ({@link CaseFacts}) after every event and
 * every event-time timer: the response limit, "about to breach" 2 h before the resolution limit,
 * and the resolution limit itself. A finished case is forgotten a grace period after it closed
 * (a GRID case not before its resolution limit);
 * an open case {@code caseRetention} after its last event (it then leaves the backlog).
 * The retention timer is moved lazily ({@link CleanupTimers#armRetention}).
 */
public final class CaseLifecycleFunction extends KeyedProcessFunction<String, AcceptedEvent, MetricDelta> {
    /** Every new version of a case, for the {@code cases} table. */
    public static final OutputTag<CaseRow> CASES = new OutputTag<>("cases") { };
    private static final long serialVersionUID = 1L;
    private final long grace;
    private final long caseRetention;
    private transient ValueState<CaseState> state;
    /** Where an earlier version kept the latest event time: read once per restored case. */
    private transient ValueState<Long> earlierLastEventAt;
    private transient Catalogue catalogue;

    public CaseLifecycleFunction(Duration grace, Duration caseRetention) {
        this.grace = grace.toMillis();
        this.caseRetention = caseRetention.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("case", TypeInformation.of(CaseState.class)));
        earlierLastEventAt = getRuntimeContext().getState(new ValueStateDescriptor<>("last-event-at", Types.LONG));
        catalogue = Catalogue.load();
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<MetricDelta> out) throws Exception {
        CivicEvent e = in.event();
        if (e.caseId() == null) {
            return;
        }
        long watermark = ctx.timerService().currentWatermark();
        CaseState s = restored(state.value(), ctx);
        CaseFacts before = s == null ? CaseFacts.none() : CaseFacts.of(s, watermark);
        if (s == null) {
            if (!e.opensCase()) {
                return; // the case was forgotten after its grace period: history keeps what it counted
            }
            s = CaseState.open(e, urgencyDefault(e.category()));
            registerLimitTimers(s, watermark, ctx);
        } else {
            s.apply(e);
        }
        s.lastEventAt = Math.max(s.lastEventAt, e.occurredAt().toEpochMilli());
        if (s.retentionTimerAt == 0) {
            s.retentionTimerAt = CleanupTimers.armRetention(ctx.timerService(), s.lastEventAt, caseRetention);
        }
        state.update(s);
        if (s.status() == CaseState.Status.CLOSED) {
            ctx.timerService().registerEventTimeTimer(forgetAt(s));
        }
        emit(before, s, watermark, ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricDelta> out) throws Exception {
        CaseState s = restored(state.value(), ctx);
        if (s == null) {
            return;
        }
        if (isForgotten(s, timestamp)) {
            // From the facts last emitted: a limit point may share this timer's time.
            CaseFacts.diff(CaseFacts.of(s, timestamp - 1), gaugesDropped(s, timestamp), (p, b, d) ->
                    out.collect(new MetricDelta(p, b, d)));
            dropTimers(s, timestamp, ctx);
            state.clear();
            return;
        }
        if (timestamp == s.retentionTimerAt) {
            // Not forgotten: the case has had events since the timer was set, or it is closed and
            // waits for its grace period.
            s.retentionTimerAt = CleanupTimers.rearmRetention(ctx.timerService(), s.lastEventAt, caseRetention,
                    timestamp, 0);
            state.update(s);
            if (!isLimitPoint(s, timestamp)) {
                return;
            }
        }
        // A limit point passed. Each point has its own timer, so this one emits exactly the change
        // at its own time, even when several fire for one watermark.
        emit(CaseFacts.of(s, timestamp - 1), s, timestamp, ctx, out);
    }

    /**
     * Deletes the timers a forgotten case still has after {@code now} (its retention and limit
     * points), so the timer queue — which every checkpoint writes — holds live cases only.
     */
    private void dropTimers(CaseState s, long now, Context ctx) {
        if (s.retentionTimerAt != 0) {
            CleanupTimers.deleteIfPending(ctx.timerService(), s.retentionTimerAt, now);
        }
        for (long point : limitPoints(s)) {
            CleanupTimers.deleteIfPending(ctx.timerService(), point, now);
        }
    }

    private boolean isForgotten(CaseState s, long timestamp) {
        if (s.status() == CaseState.Status.CLOSED) {
            return timestamp >= forgetAt(s);
        }
        return timestamp >= s.lastEventAt + caseRetention;
    }

    /**
     * The case as this version keeps it: one restored from an earlier version (no latest event
     * time in it) takes it from the state that version kept it in, and that version's retention
     * timer, which it set after every event, is the pending one.
     */
    private CaseState restored(CaseState s, Context ctx) throws Exception {
        if (s == null || s.lastEventAt != 0) {
            return s;
        }
        Long last = earlierLastEventAt.value();
        if (last != null) {
            s.lastEventAt = last;
            s.retentionTimerAt = CleanupTimers.retentionAt(last, caseRetention);
        } else {
            s.lastEventAt = s.createdAt;
            s.retentionTimerAt = CleanupTimers.armRetention(ctx.timerService(), s.lastEventAt, caseRetention);
        }
        earlierLastEventAt.clear();
        state.update(s);
        return s;
    }

    private static boolean isLimitPoint(CaseState s, long timestamp) {
        for (long point : limitPoints(s)) {
            if (point == timestamp) {
                return true;
            }
        }
        return false;
    }

    /**
     * A closed case is forgotten a grace period after it closed; a GRID case not before its
     * resolution limit has passed, since its closure-rate entry moves to the limit then.
     */
    private long forgetAt(CaseState s) {
        long at = CleanupTimers.graceAt(s.closedAt, grace);
        return s.isGrid() ? Math.max(at, s.resolutionLimitAt + 1) : at;
    }

    /** An abandoned open case leaves the backlog gauges but keeps what it counted in history. */
    private static CaseFacts gaugesDropped(CaseState s, long watermark) {
        CaseFacts all = CaseFacts.of(s, watermark);
        java.util.Map<Long, long[]> kept = new java.util.HashMap<>(all.byBucket());
        kept.remove(CaseFacts.GAUGE);
        return CaseFacts.with(all.place(), kept);
    }

    private void emit(CaseFacts before, CaseState s, long watermark, Context ctx, Collector<MetricDelta> out)
            throws Exception {
        CaseFacts after = CaseFacts.of(s, watermark);
        CaseFacts.diff(before, after, (p, b, d) -> out.collect(new MetricDelta(p, b, d)));
        long[] gauges = after.byBucket().getOrDefault(CaseFacts.GAUGE, new long[MetricCounter.SIZE]);
        ctx.output(CASES, new CaseRow(s, gauges[MetricCounter.OVERDUE.ordinal()] > 0,
                gauges[MetricCounter.ABOUT_TO_BREACH.ordinal()] > 0, System.currentTimeMillis()));
    }

    /**
     * Timers at the points where the case's facts change with time alone. A point the watermark
     * has already passed is already in the facts just emitted, so it gets no timer.
     */
    private static void registerLimitTimers(CaseState s, long watermark, Context ctx) {
        for (long point : limitPoints(s)) {
            if (point > watermark) {
                ctx.timerService().registerEventTimeTimer(point);
            }
        }
    }

    private static long[] limitPoints(CaseState s) {
        return new long[] {s.responseLimitAt + 1, s.resolutionLimitAt - TimeLimits.ABOUT_TO_BREACH.toMillis(),
                s.resolutionLimitAt + 1};
    }

    private String urgencyDefault(String category) {
        return category == null ? "normal" : catalogue.category(category).map(c -> c.urgencyDefault()).orElse("normal");
    }
}
