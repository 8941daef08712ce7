package org.civicpulse.local.chaos;

/** The faults a chaos run injects into a running stack under load (issue 8). */
public enum Fault {
    /** No fault: the reference for throughput and freshness. */
    NONE("no fault (baseline)"),
    /** {@code kill -9} of the Flink job's JVM; the supervisor restarts it from its latest checkpoint. */
    KILL_FLINK("kill -9 of the Flink job's JVM"),
    /**
     * {@code kill -9} of the TaskManager of a standalone Flink cluster (JobManager and TaskManager
     * JVMs); the supervisor starts a new one and the JobManager restores the job from its latest
     * checkpoint.
     */
    KILL_TASKMANAGER("kill -9 of the TaskManager on a standalone Flink cluster"),
    /** {@code kill -9} of the Kafka broker; the supervisor restarts it, producers and the job retry. */
    KILL_KAFKA("kill -9 of the Kafka broker"),
    /** {@code kill -9} of the dashboard server; restarted, it rebuilds its state from the topics. */
    KILL_DASHBOARD("kill -9 of the dashboard server"),
    /** ClickHouse frozen (SIGSTOP) for 60 s, then resumed: the sinks back off and catch up. */
    PAUSE_CLICKHOUSE("ClickHouse stopped for 60 s"),
    /** One line in ten is malformed: all of them must land in dead-letter with a reason. */
    MALFORMED_FLOOD("malformed input at 10% of traffic");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
