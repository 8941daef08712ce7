package org.civicpulse.jobs.metrics;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.civicpulse.contract.MetricCounter;

/**
 * Sends each delta to every scope its place counts in ({@link Scope#of}), adding up deltas of
 * the same scope and minute before they cross the network: thousands of events a second touch the
 * city and a handful of districts in the same minute, so this cuts the shuffle to the scope
 * aggregators by orders of magnitude. The buffer is flushed before every watermark and every checkpoint barrier
 * (so nothing buffered is lost or counted twice), at a size limit and at least every
 * {@code flushIntervalMs}.
 */
public final class ScopeCombiner extends AbstractStreamOperator<ScopedDelta>
        implements OneInputStreamOperator<MetricDelta, ScopedDelta> {
    private static final long serialVersionUID = 1L;
    private final int maxEntries;
    private final long flushIntervalMs;
    private transient Map<Key, long[]> buffer;

    /** A scope and a bucket. */
    private record Key(String scope, long bucket) {
    }

    public ScopeCombiner(int maxEntries, long flushIntervalMs) {
        this.maxEntries = maxEntries;
        this.flushIntervalMs = flushIntervalMs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        buffer = new HashMap<>();
        scheduleFlush();
    }

    @Override
    public void processElement(StreamRecord<MetricDelta> element) {
        MetricDelta d = element.getValue();
        for (String scope : Scope.of(d.place(), d.bucket())) {
            long[] sum = buffer.computeIfAbsent(new Key(scope, d.bucket()), k -> new long[MetricCounter.SIZE]);
            WindowSums.add(sum, d.delta(), 1);
        }
        if (buffer.size() >= maxEntries) {
            flush();
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    private void scheduleFlush() {
        getProcessingTimeService().registerTimer(getProcessingTimeService().getCurrentProcessingTime()
                + flushIntervalMs, now -> {
                    flush();
                    scheduleFlush();
                });
    }

    private void flush() {
        for (Map.Entry<Key, long[]> e : buffer.entrySet()) {
            if (!CaseFacts.isZero(e.getValue())) {
                output.collect(new StreamRecord<>(new ScopedDelta(e.getKey().scope(), e.getKey().bucket(),
                        e.getValue())));
            }
        }
        buffer.clear();
    }
}
