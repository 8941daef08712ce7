package org.civicpulse.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * Bounded out-of-orderness watermarks per Kafka partition with SPEC §3's idleness. The Kafka
 * source runs one generator per partition and takes the minimum; the generators of one source
 * subtask share a {@link SourceActivity}:
 * <ul>
 *   <li>a partition with recent events holds the watermark the out-of-orderness behind its own
 *       newest event, so a partition read ahead of another does not make the other's events late;
 *   <li>a partition quiet for the idleness timeout while others still get events stops holding
 *       event time back: it follows the newest event of the subtask;
 *   <li>once every partition has been quiet for the idleness timeout, event time moves on at
 *       wall-clock pace from the last event seen, so overdue clocks and midnight keep moving on a
 *       quiet night. A replay at full speed is never quiet that long.
 * </ul>
 * A partition that has never seen an event declares itself idle, so it does not hold the others back.
 */
public final class EventTimeWatermarks implements WatermarkGenerator<ParsedInput> {
    private final long outOfOrderness;
    private final long idleness;
    private final SerializableSupplier<Long> wallClock;
    private final SourceActivity subtask;
    private final long startedAt;
    private long maxEventTime = Long.MIN_VALUE;
    private long lastEventWallTime;
    private long lastEmitted = Long.MIN_VALUE;

    /** A generator that sees only its own partition (a subtask of one partition). */
    public EventTimeWatermarks(Duration outOfOrderness, Duration idleness, SerializableSupplier<Long> wallClock) {
        this(outOfOrderness, idleness, wallClock, new SourceActivity());
    }

    EventTimeWatermarks(Duration outOfOrderness, Duration idleness, SerializableSupplier<Long> wallClock,
                        SourceActivity subtask) {
        this.outOfOrderness = outOfOrderness.toMillis();
        this.idleness = idleness.toMillis();
        this.wallClock = wallClock;
        this.subtask = subtask;
        this.startedAt = wallClock.get();
    }

    @Override
    public void onEvent(ParsedInput input, long eventTimestamp, WatermarkOutput output) {
        if (input.accepted() == null) {
            return; // a rejected line never moves event time
        }
        maxEventTime = Math.max(maxEventTime, eventTimestamp);
        lastEventWallTime = wallClock.get();
        subtask.onEvent(eventTimestamp, lastEventWallTime);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = wallClock.get();
        if (maxEventTime == Long.MIN_VALUE) {
            // Also the reader's main output, which Flink gives a generator that never sees an
            // event: it must never emit, or it would bypass the minimum over partitions.
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

    /** The watermark at wall-clock time {@code now}. */
    long watermarkAt(long now) {
        long subtaskIdleFor = now - subtask.lastEventWallTime();
        long subtaskNewest = subtask.maxEventTime();
        if (subtaskIdleFor >= idleness) {
            // Every partition is quiet: everything up to the last event has been seen; move on at
            // wall-clock pace from it.
            return Math.max(bounded(subtaskNewest), subtaskNewest + (subtaskIdleFor - idleness));
        }
        if (now - lastEventWallTime >= idleness) {
            // Only this partition is quiet: it no longer holds back the partitions still active
            // (each of them is at or below the subtask's bounded watermark).
            return bounded(subtaskNewest);
        }
        return bounded(maxEventTime);
    }

    private long bounded(long newest) {
        return newest - outOfOrderness - 1;
    }
}
