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
 * that is treated as an orphan.
 */
public final class CaseGateFunction extends KeyedProcessFunction<String, AcceptedEvent, AcceptedEvent> {
    private static final long serialVersionUID = 1L;
    private final long allowedLateness;
    private final long grace;
    private final long caseRetention;
    private transient ValueState<CasePlace> place;
    private transient ValueState<Long> lastEventTime;
    private transient ListState<AcceptedEvent> waiting;
    private transient ValueState<Long> closedAt;
    private transient Catalogue catalogue;

    public CaseGateFunction(Duration allowedLateness, Duration grace, Duration caseRetention) {
        this.allowedLateness = allowedLateness.toMillis();
        this.grace = grace.toMillis();
        this.caseRetention = caseRetention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        catalogue = Catalogue.load();
        place = getRuntimeContext().getState(new ValueStateDescriptor<>("case-place",
                TypeInformation.of(CasePlace.class)));
        lastEventTime = getRuntimeContext().getState(new ValueStateDescriptor<>("last-event-time", Types.LONG));
        closedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("closed-at", Types.LONG));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-for-opening",
                TypeInformation.of(AcceptedEvent.class)));
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<AcceptedEvent> out) throws Exception {
        CivicEvent e = in.event();
        if (e.caseId() == null || isPassedCheck(e) && place.value() == null) {
            // A passed check opens nothing and names its own district and category (SPEC §2): with
            // no case to join it has nothing to wait for, and it must still count toward the pass rate.
            out.collect(in);
            return;
        }
        remember(in.eventTime(), ctx);
        if (e.type() == org.civicpulse.contract.EventType.CLOSED) {
            Long closed = closedAt.value();
            if (closed == null || in.eventTime() < closed) {
                // The earliest CLOSED decides; its timer replaces a later one.
                if (closed != null) {
                    ctx.timerService().deleteEventTimeTimer(CleanupTimers.graceAt(closed, grace));
                }
                closedAt.update(in.eventTime());
                ctx.timerService().registerEventTimeTimer(CleanupTimers.graceAt(in.eventTime(), grace));
            }
        }
        CasePlace known = place.value();
        if (e.opensCase()) {
            CasePlace opened = known == null ? CasePlace.of(e) : known;
            place.update(opened);
            out.collect(in.withEvent(opened.applyTo(e)));
            if (known == null) {
                releaseWaiting(opened, out);
            }
        } else if (known != null) {
            AcceptedEvent checked = withKnownStreet(in, known);
            place.update(known.updatedBy(checked.event()));
            out.collect(checked.withEvent(known.applyTo(checked.event())));
        } else {
            waiting.add(in);
            ctx.timerService().registerEventTimeTimer(in.eventTime() + allowedLateness);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AcceptedEvent> out) throws Exception {
        if (place.value() == null) {
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
        Long last = lastEventTime.value();
        Long closed = closedAt.value();
        boolean orphansSent = place.value() == null && closed == null && !waiting.get().iterator().hasNext();
        if (last != null && timestamp >= last + caseRetention || closed != null && timestamp >= closed + grace
                || orphansSent) {
            // An orphan's events have all gone to dead-letter: nothing of the case is left to keep.
            forget(last, closed, timestamp, ctx);
        }
    }

    /** Clears the case and the clean-up timers it still has after {@code now}. */
    private void forget(Long last, Long closed, long now, OnTimerContext ctx) {
        if (last != null) {
            CleanupTimers.deleteIfPending(ctx.timerService(), CleanupTimers.retentionAt(last, caseRetention), now);
        }
        if (closed != null) {
            CleanupTimers.deleteIfPending(ctx.timerService(), CleanupTimers.graceAt(closed, grace), now);
        }
        place.clear();
        lastEventTime.clear();
        closedAt.clear();
        waiting.clear();
    }

    private void remember(long eventTime, Context ctx) throws Exception {
        Long last = lastEventTime.value();
        if (last == null || eventTime > last) {
            lastEventTime.update(eventTime);
            CleanupTimers.moveRetention(ctx.timerService(), last, eventTime, caseRetention);
        }
    }

    private void releaseWaiting(CasePlace opened, Collector<AcceptedEvent> out) throws Exception {
        CasePlace current = opened;
        for (AcceptedEvent w : waiting.get()) {
            AcceptedEvent checked = withKnownStreet(w, current);
            out.collect(checked.withEvent(current.applyTo(checked.event())));
            current = current.updatedBy(checked.event());
        }
        place.update(current);
        waiting.clear();
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
