package org.civicpulse.jobs;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.Rejection;

/**
 * Keyed by case (or by event id when there is no case, see {@link org.civicpulse.contract.CivicEvent#key()}):
 * sends events later than the allowed lateness to the late side output, counts an id once (a
 * repeat with the same content is dropped silently) and sends a repeat with different content to
 * dead-letter as {@code CONFLICTING_DUPLICATE} (the first wins). Keying by case rather than by id
 * keeps a case's events in the order they were read, for the case gate downstream.
 *
 * <p>An id is remembered until the watermark passes its event time plus the allowed lateness;
 * after that any copy of it is too late anyway, so the state stays bounded.
 */
public final class DeduplicateFunction extends KeyedProcessFunction<String, AcceptedEvent, AcceptedEvent> {
    private static final long serialVersionUID = 1L;
    private final long allowedLateness;
    private transient MapState<String, SeenEvent> seen;

    public DeduplicateFunction(Duration allowedLateness) {
        this.allowedLateness = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-events", Types.STRING,
                TypeInformation.of(SeenEvent.class)));
    }

    @Override
    public void processElement(AcceptedEvent in, Context ctx, Collector<AcceptedEvent> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        if (isLate(in.eventTime(), watermark, allowedLateness)) {
            ctx.output(Outputs.LATE, new LateEvent(in, watermark));
            return;
        }
        long hash = EventFingerprint.of(in.event());
        SeenEvent first = seen.get(in.event().id());
        if (first == null) {
            long forgetAt = CleanupTimers.roundUp(in.eventTime() + allowedLateness + 1, CleanupTimers.MINUTE);
            seen.put(in.event().id(), new SeenEvent(hash, forgetAt));
            ctx.timerService().registerEventTimeTimer(forgetAt);
            out.collect(in);
        } else if (first.hash() != hash) {
            ctx.output(Outputs.DEAD_LETTERS, DeadLetter.fromKafka(in.topic(), in.partition(), in.offset(),
                    Instant.ofEpochMilli(in.receivedAt()), Rejection.conflictingDuplicate(in.event().id()),
                    in.event().id(), in.original()));
        }
        // else: the same id with the same content again — counted once, silently.
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AcceptedEvent> out) throws Exception {
        var it = seen.iterator();
        while (it.hasNext()) {
            if (it.next().getValue().forgetAt() <= timestamp) {
                it.remove();
            }
        }
        if (seen.isEmpty()) {
            seen.clear(); // drops the key's empty map too, so a quiet case leaves no state behind
        }
    }

    /** What is remembered of an id: a hash of its first content, and when to forget it. */
    public record SeenEvent(long hash, long forgetAt) {
    }

    /** An event is too late when it lies more than the allowed lateness behind the watermark. */
    static boolean isLate(long eventTime, long watermark, long allowedLateness) {
        return watermark != Long.MIN_VALUE && eventTime < watermark - allowedLateness;
    }
}
