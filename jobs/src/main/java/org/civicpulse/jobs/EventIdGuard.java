package org.civicpulse.jobs;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by event id: rules on every event's id (SPEC §2) — the first time it is seen, a repeat
 * with the same content, or a conflicting duplicate — whatever case the event names, so the same
 * id under another case is caught too. An event more than the allowed lateness behind the
 * watermark is ruled late before its id is looked at: it claims nothing.
 *
 * <p>It sees a small {@link IdClaim}, not the event, and answers with an {@link IdVerdict} that
 * {@link DeduplicateFunction} (keyed by case, holding the event) applies, so a case's events keep
 * the order they were read in. An id is remembered until the watermark passes its event time
 * plus the allowed lateness; after that any copy of it is too late anyway.
 */
public final class EventIdGuard extends KeyedProcessFunction<String, IdClaim, IdVerdict> {
    private static final long serialVersionUID = 1L;
    private final long allowedLateness;
    private transient ValueState<SeenId> seen;

    public EventIdGuard(Duration allowedLateness) {
        this.allowedLateness = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen-id", TypeInformation.of(SeenId.class)));
    }

    @Override
    public void processElement(IdClaim claim, Context ctx, Collector<IdVerdict> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        IdVerdict.Outcome outcome;
        if (isLate(claim.eventTime(), watermark, allowedLateness)) {
            outcome = IdVerdict.Outcome.LATE;
        } else {
            SeenId first = seen.value();
            if (first == null) {
                long forgetAt = CleanupTimers.roundUp(claim.eventTime() + allowedLateness + 1, CleanupTimers.MINUTE);
                seen.update(new SeenId(claim.fingerprint(), forgetAt));
                ctx.timerService().registerEventTimeTimer(forgetAt);
                outcome = IdVerdict.Outcome.FIRST;
            } else {
                outcome = first.fingerprint() == claim.fingerprint() ? IdVerdict.Outcome.REPEAT
                        : IdVerdict.Outcome.CONFLICT;
            }
        }
        out.collect(new IdVerdict(claim.eventKey(), claim.position(), outcome, watermark));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IdVerdict> out) throws Exception {
        seen.clear();
    }

    /** What is remembered of an id: the fingerprint of its first content, and when to forget it. */
    public record SeenId(long fingerprint, long forgetAt) {
    }

    /** An event is too late when it lies more than the allowed lateness behind the watermark. */
    static boolean isLate(long eventTime, long watermark, long allowedLateness) {
        return watermark != Long.MIN_VALUE && eventTime < watermark - allowedLateness;
    }
}
