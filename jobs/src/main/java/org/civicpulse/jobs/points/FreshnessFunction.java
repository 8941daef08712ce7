package org.civicpulse.jobs.points;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by source and district: when the source last delivered an event for the district (wall
 * clock, as the job processed it) and the newest event time it carried — merged from every task's
 * {@link FreshnessCombiner} — published at most once per interval. The reader turns it into a
 * lag: now − last delivery.
 */
public final class FreshnessFunction extends KeyedProcessFunction<String, Freshness, Freshness> {
    private static final long serialVersionUID = 1L;
    private final long intervalMs;
    /** {last delivered (wall ms), newest event time (ms)}. */
    private transient ValueState<long[]> last;
    private transient ValueState<Long> publishAt;

    public FreshnessFunction(Duration interval) {
        this.intervalMs = interval.toMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        publishAt = getRuntimeContext().getState(new ValueStateDescriptor<>("publish-at", Types.LONG));
    }

    @Override
    public void processElement(Freshness in, Context ctx, Collector<Freshness> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        long[] l = last.value();
        long delivered = l == null ? in.lastDeliveredAt() : Math.max(l[0], in.lastDeliveredAt());
        long newest = l == null ? in.lastEventAt() : Math.max(l[1], in.lastEventAt());
        last.update(new long[] {delivered, newest});
        if (publishAt.value() == null) {
            publishAt.update(now + intervalMs);
            ctx.timerService().registerProcessingTimeTimer(now + intervalMs);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Freshness> out) throws Exception {
        publishAt.clear();
        long[] l = last.value();
        String[] key = ctx.getCurrentKey().split("\\|", 2);
        out.collect(new Freshness(key[0], key[1], l[0], l[1]));
    }
}
