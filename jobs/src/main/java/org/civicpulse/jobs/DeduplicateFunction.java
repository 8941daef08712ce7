package org.civicpulse.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.Rejection;

/**
 * Keyed by case (or by event id when there is no case, see {@link org.civicpulse.contract.CivicEvent#key()}):
 * holds each event until {@link EventIdGuard}'s verdict on its id arrives, then lets it through
 * (the id's first time), drops it (a repeat with the same content: counted once, silently), sends
 * it to dead-letter as {@code CONFLICTING_DUPLICATE} (the first wins) or to the late output.
 *
 * <p>The ruling is made by id, so a repeat that names another case is caught; the events wait
 * here, keyed by case, so they leave in the order they were read — the case gate downstream
 * depends on it (a later event inherits the place and handling unit of the events before it),
 * and an event keyed by id on the way would lose that order between channels. An event whose
 * verdict has come stays held while one read before it still waits for its own. Verdicts match
 * events by input position ({@code topic:partition:offset}), which no two inputs share.
 */
public final class DeduplicateFunction extends KeyedCoProcessFunction<String, AcceptedEvent, IdVerdict, AcceptedEvent> {
    private static final long serialVersionUID = 1L;
    /** The case's events waiting for a verdict, or behind one that is, in the order they were read. */
    private transient ListState<AcceptedEvent> held;
    /** Verdicts that came before their event reached the head of {@link #held}, by position. */
    private transient MapState<String, IdVerdict> early;
    /** Where an earlier version remembered a case's ids; its clean-up timers still fire here, and clear it. */
    private transient MapState<String, SeenEvent> earlierSeen;

    @Override
    public void open(OpenContext openContext) {
        held = getRuntimeContext().getListState(new ListStateDescriptor<>("held-for-verdict",
                TypeInformation.of(AcceptedEvent.class)));
        early = getRuntimeContext().getMapState(new MapStateDescriptor<>("verdicts-before-event", Types.STRING,
                TypeInformation.of(IdVerdict.class)));
        earlierSeen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-events", Types.STRING,
                TypeInformation.of(SeenEvent.class)));
    }

    @Override
    public void processElement1(AcceptedEvent in, Context ctx, Collector<AcceptedEvent> out) throws Exception {
        if (!held.get().iterator().hasNext()) {
            String position = in.position();
            IdVerdict verdict = early.get(position);
            if (verdict != null) {
                early.remove(position);
                apply(in, verdict, ctx, out);
                return;
            }
        }
        held.add(in);
    }

    @Override
    public void processElement2(IdVerdict verdict, Context ctx, Collector<AcceptedEvent> out) throws Exception {
        List<AcceptedEvent> events = new ArrayList<>();
        held.get().forEach(events::add);
        if (events.isEmpty() || !events.get(0).position().equals(verdict.position())) {
            early.put(verdict.position(), verdict); // its event has not come, or one before it still waits
            return;
        }
        apply(events.get(0), verdict, ctx, out);
        int next = 1;
        while (next < events.size()) {
            AcceptedEvent e = events.get(next);
            IdVerdict v = early.get(e.position());
            if (v == null) {
                break;
            }
            early.remove(e.position());
            apply(e, v, ctx, out);
            next++;
        }
        if (next == events.size()) {
            held.clear();
        } else {
            held.update(new ArrayList<>(events.subList(next, events.size())));
        }
    }

    private static void apply(AcceptedEvent in, IdVerdict verdict, Context ctx, Collector<AcceptedEvent> out) {
        switch (verdict.outcome()) {
            case FIRST -> out.collect(in);
            case REPEAT -> { } // the same id with the same content again: counted once, silently
            case CONFLICT -> ctx.output(Outputs.DEAD_LETTERS, DeadLetter.fromKafka(in.topic(), in.partition(),
                    in.offset(), Instant.ofEpochMilli(in.receivedAt()), Rejection.conflictingDuplicate(in.event().id()),
                    in.event().id(), in.original()));
            case LATE -> ctx.output(Outputs.LATE, new LateEvent(in, verdict.watermark()));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AcceptedEvent> out) throws Exception {
        earlierSeen.clear(); // only an earlier version's timers fire here: this one sets none
    }

    /**
     * An earlier version's memory of an id (its content's fingerprint, when to forget it), read by
     * no one; the name and fields stay as they were so its checkpoints restore.
     */
    public record SeenEvent(long hash, long forgetAt) {
    }
}
