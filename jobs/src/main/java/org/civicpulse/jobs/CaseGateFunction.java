package org.civicpulse.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Rejection;

/**
 * Keyed by case: lets a case's later events through once its opening event (CREATED, or a
 * failed CHECKED with a caseId) has arrived, filling in the district, street, category and unit
 * they inherit. A later event that arrives first waits; if the opening event has not come
 * within the allowed lateness of the waiting event's time, it goes to dead-letter as
 * {@code ORPHAN_CASE_EVENT} (SPEC §2). Events without a case pass straight through, and so does a
 * passed spot check whose case is not known (it opens nothing, so there is nothing to wait for).
 *
 * <p>A closed case is remembered for {@code grace} after it closed, any other case until
 * {@code caseRetention} after its last event, so the state stays bounded; a later event after
 * that is treated as an orphan. The retention timer is moved lazily ({@link CleanupTimers#armRetention}).
 */
public final class CaseGateFunction extends KeyedProcessFunction<String, AcceptedEvent, AcceptedEvent> {
    private static final long serialVersionUID = 1L;
    private final long allowedLateness;
    private final long grace;
    private final long caseRetention;
    private transient ValueState<GateState> gate;
    private transient ListState<AcceptedEvent> waiting;
    /** Where an earlier version kept a case's place and times, a state each: read once per case. */
    private transient ValueState<CasePlace> earlierPlace;
    private transient ValueState<Long> earlierLastEventTime;
    private transient ValueState<Long> earlierClosedAt;
    private transient Catalogue catalogue;

    public CaseGateFunction(Duration allowedLateness, Duration grace, Duration caseRetention) {
        this.allowedLateness = allowedLateness.toMillis();
        this.grace = grace.toMillis();
        this.caseRetention = caseRetention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        catalogue = Catalogue.load();
        gate = getRuntimeContext().getState(new ValueStateDescriptor<>("gate", TypeInformation.of(GateState.class)));
        earlierPlace = getRuntimeContext().getState(new ValueStateDescriptor<>("case-place",
                TypeInformation.of(CasePlace.class)));
        earlierLastEventTime = getRuntimeContext().getState(new ValueStateDescriptor<>("last-event-time", Types.LONG));
        earlierClosedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("closed-at", Types.LONG));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-for-opening",
                TypeInformation.of(AcceptedEvent.class)));
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<AcceptedEvent> out) throws Exception {
        CivicEvent e = in.event();
        if (e.caseId() == null) {
            out.collect(in);
            return;
        }
        GateState g = load();
        if (isPassedCheck(e) && (g == null || g.place == null)) {
            // A passed check opens nothing and names its own district and category (SPEC §2): with
            // no case to join it has nothing to wait for, and it must still count toward the pass rate.
            out.collect(in);
            return;
        }
        if (g == null) {
            g = new GateState();
        }
        remember(g, in.eventTime(), ctx);
        if (e.type() == org.civicpulse.contract.EventType.CLOSED
                && (g.closedAt == GateState.NONE || in.eventTime() < g.closedAt)) {
            // The earliest CLOSED decides; its timer replaces a later one.
            if (g.closedAt != GateState.NONE) {
                ctx.timerService().deleteEventTimeTimer(CleanupTimers.graceAt(g.closedAt, grace));
            }
            g.closedAt = in.eventTime();
            ctx.timerService().registerEventTimeTimer(CleanupTimers.graceAt(in.eventTime(), grace));
        }
        CasePlace known = g.place;
        if (e.opensCase()) {
            CasePlace opened = known == null ? CasePlace.of(e) : known;
            g.place = opened;
            out.collect(in.withEvent(opened.applyTo(e)));
            if (known == null) {
                g.place = releaseWaiting(opened, out);
            }
        } else if (known != null) {
            AcceptedEvent checked = withKnownStreet(in, known);
            g.place = known.updatedBy(checked.event());
            out.collect(checked.withEvent(known.applyTo(checked.event())));
        } else {
            waiting.add(in);
            ctx.timerService().registerEventTimeTimer(in.eventTime() + allowedLateness);
        }
        gate.update(g);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AcceptedEvent> out) throws Exception {
        GateState g = load();
        if (g == null) {
            return; // every timer of a forgotten case is deleted with it; nothing to do
        }
        if (g.place == null) {
            List<AcceptedEvent> stillWaiting = new ArrayList<>();
            for (AcceptedEvent w : waiting.get()) {
                if (w.eventTime() + allowedLateness <= timestamp) {
                    ctx.output(Outputs.DEAD_LETTERS, orphan(w));
                } else {
                    stillWaiting.add(w);
                }
            }
            waiting.update(stillWaiting);
        }
        boolean closedLongAgo = g.closedAt != GateState.NONE && timestamp >= g.closedAt + grace;
        boolean orphansSent = g.place == null && g.closedAt == GateState.NONE && !waiting.get().iterator().hasNext();
        boolean quietLongAgo = g.lastEventTime != GateState.NONE && timestamp >= g.lastEventTime + caseRetention;
        if (quietLongAgo || closedLongAgo || orphansSent) {
            // An orphan's events have all gone to dead-letter: nothing of the case is left to keep.
            forget(g, timestamp, ctx);
            return;
        }
        if (timestamp == g.retentionTimerAt) {
            // Not forgotten, so the case has had events since the timer was set.
            g.retentionTimerAt = CleanupTimers.rearmRetention(ctx.timerService(), g.lastEventTime, caseRetention,
                    timestamp, GateState.NONE);
        }
        gate.update(g);
    }

    /** Clears the case and the clean-up timers it still has after {@code now}. */
    private void forget(GateState g, long now, OnTimerContext ctx) {
        if (g.retentionTimerAt != GateState.NONE) {
            CleanupTimers.deleteIfPending(ctx.timerService(), g.retentionTimerAt, now);
        }
        if (g.closedAt != GateState.NONE) {
            CleanupTimers.deleteIfPending(ctx.timerService(), CleanupTimers.graceAt(g.closedAt, grace), now);
        }
        gate.clear();
        waiting.clear();
    }

    private void remember(GateState g, long eventTime, Context ctx) {
        g.lastEventTime = Math.max(g.lastEventTime, eventTime); // NONE is Long.MIN_VALUE
        if (g.retentionTimerAt == GateState.NONE) {
            g.retentionTimerAt = CleanupTimers.armRetention(ctx.timerService(), g.lastEventTime, caseRetention);
        }
    }

    /**
     * The case's state, or null for none; a case kept by an earlier version (a state per field,
     * its retention timer set after every event) is moved into one {@link GateState} on the way.
     */
    private GateState load() throws Exception {
        GateState g = gate.value();
        if (g != null) {
            return g;
        }
        CasePlace place = earlierPlace.value();
        Long last = earlierLastEventTime.value();
        Long closed = earlierClosedAt.value();
        if (place == null && last == null && closed == null) {
            return null;
        }
        g = new GateState();
        g.place = place;
        if (last != null) {
            g.lastEventTime = last;
            g.retentionTimerAt = CleanupTimers.retentionAt(last, caseRetention);
        }
        g.closedAt = closed == null ? GateState.NONE : closed;
        earlierPlace.clear();
        earlierLastEventTime.clear();
        earlierClosedAt.clear();
        gate.update(g);
        return g;
    }

    /** Lets the events that waited for the opening through; returns the place after them. */
    private CasePlace releaseWaiting(CasePlace opened, Collector<AcceptedEvent> out) throws Exception {
        CasePlace current = opened;
        for (AcceptedEvent w : waiting.get()) {
            AcceptedEvent checked = withKnownStreet(w, current);
            out.collect(checked.withEvent(current.applyTo(checked.event())));
            current = current.updatedBy(checked.event());
        }
        waiting.clear();
        return current;
    }

    /**
     * A later event that names a street but no district inherits the case's district (SPEC §2), so
     * the street must lie in it: one that does not is dropped with a data-quality warning, as the
     * validator does for an event that names both, and the event inherits the case's street.
     */
    private AcceptedEvent withKnownStreet(AcceptedEvent in, CasePlace known) {
        CivicEvent e = in.event();
        if (e.street() == null || e.district() != null || known.district() == null
                || catalogue.street(known.district(), e.street()).isPresent()) {
            return in;
        }
        String warning = EventValidator.unknownStreet(e.street());
        return new AcceptedEvent(e.withPlace(null, null, e.category(), e.unit()),
                in.qualityWarning() == null ? warning : in.qualityWarning() + "," + warning,
                in.topic(), in.partition(), in.offset(), in.receivedAt(), in.original());
    }

    private static boolean isPassedCheck(CivicEvent e) {
        return e.type() == org.civicpulse.contract.EventType.CHECKED && !e.opensCase();
    }

    private DeadLetter orphan(AcceptedEvent w) {
        return DeadLetter.fromKafka(w.topic(), w.partition(), w.offset(), Instant.ofEpochMilli(w.receivedAt()),
                Rejection.orphanCaseEvent(w.event().caseId(), Duration.ofMillis(allowedLateness)), w.event().id(), w.original());
    }
}
