package org.civicpulse.jobs.metrics;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Sends each delta to every scope its place counts in. */
public final class ScopeFanOut implements FlatMapFunction<MetricDelta, ScopedDelta> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(MetricDelta d, Collector<ScopedDelta> out) {
        for (String scope : Scope.of(d.place())) {
            out.collect(new ScopedDelta(scope, d.bucket(), d.delta()));
        }
    }
}
