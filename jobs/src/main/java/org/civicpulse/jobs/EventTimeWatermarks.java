package org.civicpulse.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Bounded out-of-orderness watermarks with SPEC §3's idle advancement: once no event has arrived
 * for the idleness timeout, event time moves on at wall-clock pace from the last event seen, so
 * overdue clocks and midnight keep moving on a quiet night. A subtask that has never seen an
 * event declares itself idle, so it does not hold the others back. A replay at full speed never
 * goes idle, so it never triggers the advancement. The Kafka source runs one generator per
 * partition and takes the minimum.
 */
public final class EventTimeWatermarks implements WatermarkGenerator<ParsedInput> {
    private final long outOfOrderness;
    private final long idleness;
    private final SerializableSupplier<Long> wallClock;
    private final long startedAt;
    private long maxEventTime = Long.MIN_VALUE;
    private long lastEventWallTime;
    private long lastEmitted = Long.MIN_VALUE;

    public EventTimeWatermarks(Duration outOfOrderness, Duration idleness, SerializableSupplier<Long> wallClock) {
        this.outOfOrderness = outOfOrderness.toMillis();
        this.idleness = idleness.toMillis();
        this.wallClock = wallClock;
        this.startedAt = wallClock.get();
    }

    @Override
    public void onEvent(ParsedInput input, long eventTimestamp, WatermarkOutput output) {
        if (input.accepted() == null) {
            return; // a rejected line never moves event time
        }
        maxEventTime = Math.max(maxEventTime, eventTimestamp);
        lastEventWallTime = wallClock.get();
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = wallClock.get();
        if (maxEventTime == Long.MIN_VALUE) {
            if (now - startedAt >= idleness) {
                output.markIdle();
            }
            return;
        }
        long watermark = watermarkAt(now);
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }

    /** The watermark at wall-clock time {@code now}: the bounded one, or the idle-advanced one when idle. */
    long watermarkAt(long now) {
        long bounded = maxEventTime - outOfOrderness - 1;
        long idleFor = now - lastEventWallTime;
        if (idleFor < idleness) {
            return bounded;
        }
        // Idle: everything up to the last event has been seen; move on at wall-clock pace.
        return Math.max(bounded, maxEventTime + (idleFor - idleness));
    }
}
