package org.civicpulse.jobs.metrics;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.jobs.AcceptedEvent;

/**
 * The counts that need no case state: problems created per source (HOTLINE and GRID
 * {@code CREATED}, failed INSPECTION {@code CHECKED}) and spot checks made and passed, each in
 * the minute it happened. Every accepted event arrives here exactly once (after deduplication).
 */
public final class ProblemCounts implements FlatMapFunction<AcceptedEvent, MetricDelta> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(AcceptedEvent in, Collector<MetricDelta> out) {
        CivicEvent e = in.event();
        long[] d = new long[MetricCounter.SIZE];
        if (e.type() == EventType.CREATED) {
            MetricCounter created = switch (e.source()) {
                case HOTLINE -> MetricCounter.CREATED_HOTLINE;
                case GRID -> MetricCounter.CREATED_GRID;
                case INSPECTION -> MetricCounter.CREATED_INSPECTION;
            };
            d[created.ordinal()] = 1;
        } else if (e.type() == EventType.CHECKED) {
            boolean passed = Boolean.TRUE.equals(e.passed());
            d[MetricCounter.CHECKS.ordinal()] = 1;
            d[MetricCounter.CHECKS_PASSED.ordinal()] = passed ? 1 : 0;
            d[MetricCounter.CREATED_INSPECTION.ordinal()] = passed ? 0 : 1;
        } else {
            return;
        }
        Place place = new Place(e.source().name(), Place.nz(e.district()), Place.nz(e.street()),
                Place.nz(e.category()), Place.nz(e.unit()));
        out.collect(new MetricDelta(place, CaseFacts.minute(e.occurredAt().toEpochMilli()), d));
    }
}
