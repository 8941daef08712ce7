package org.civicpulse.jobs;

import java.io.Serializable;

/**
 * What one source subtask has seen across all its Kafka partitions: the newest accepted event
 * time and the wall-clock time of the last accepted event. The partitions' watermark generators
 * share it (Flink creates them from one deserialized strategy per subtask), so a quiet partition
 * can tell "only I am idle" from "every partition is idle" (SPEC §3).
 */
final class SourceActivity implements Serializable {
    private static final long serialVersionUID = 1L;
    private long maxEventTime = Long.MIN_VALUE;
    private long lastEventWallTime;

    // Synchronized although Flink calls the generators from the task's one thread: nothing here
    // relies on that, and the lock is uncontended.
    synchronized void onEvent(long eventTime, long wallTime) {
        maxEventTime = Math.max(maxEventTime, eventTime);
        lastEventWallTime = Math.max(lastEventWallTime, wallTime);
    }

    /** The newest event time seen, or {@code Long.MIN_VALUE} before the first event. */
    synchronized long maxEventTime() {
        return maxEventTime;
    }

    synchronized long lastEventWallTime() {
        return lastEventWallTime;
    }
}
