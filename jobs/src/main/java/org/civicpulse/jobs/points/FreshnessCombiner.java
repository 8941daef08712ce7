package org.civicpulse.jobs.points;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.civicpulse.jobs.AcceptedEvent;

/**
 * Keeps, per source × district, when this task last saw an event and the newest event time, and
 * sends them on at most once per interval: freshness needs one timestamp per district, not every
 * event sent across the network. Nothing is lost on a crash that matters: the next event refreshes
 * it, and a stale value only makes the data look older than it is.
 */
public final class FreshnessCombiner extends AbstractStreamOperator<Freshness>
        implements OneInputStreamOperator<AcceptedEvent, Freshness> {
    private static final long serialVersionUID = 1L;
    private final long intervalMs;
    private transient Map<String, Freshness> latest;

    public FreshnessCombiner(long intervalMs) {
        this.intervalMs = intervalMs;
    }

    @Override
    public void open() throws Exception {
        super.open();
        latest = new HashMap<>();
        schedule();
    }

    @Override
    public void processElement(StreamRecord<AcceptedEvent> element) {
        AcceptedEvent e = element.getValue();
        if (e.event().district() == null) {
            return;
        }
        String source = e.event().source().name();
        String key = source + "|" + e.event().district();
        Freshness previous = latest.get(key);
        long newest = previous == null ? e.eventTime() : Math.max(previous.lastEventAt(), e.eventTime());
        latest.put(key, new Freshness(source, e.event().district(),
                getProcessingTimeService().getCurrentProcessingTime(), newest));
    }

    private void schedule() {
        getProcessingTimeService().registerTimer(getProcessingTimeService().getCurrentProcessingTime() + intervalMs,
                now -> {
                    latest.values().forEach(f -> output.collect(new StreamRecord<>(f)));
                    latest.clear();
                    schedule();
                });
    }
}
