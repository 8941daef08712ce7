package org.civicpulse.local;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The job on a standalone Flink session cluster ({@code flink.mode=standalone}): a JobManager and a
 * TaskManager JVM started from the Flink distribution's artifacts, the shaded job jar submitted
 * through the REST API — the shape a deployment on more machines has.
 */
final class StandaloneJob implements AutoCloseable {
    private final Settings settings;
    private final StackLayout layout;
    private final Duration timeout;
    private FlinkCluster cluster;
    private String jobId;

    private StandaloneJob(Settings settings, StackLayout layout, Duration timeout) {
        this.settings = settings;
        this.layout = layout;
        this.timeout = timeout;
    }

    static StandaloneJob start(Settings settings, StackLayout layout, Duration timeout) {
        StandaloneJob job = new StandaloneJob(settings, layout, timeout);
        job.startClusterAndSubmit();
        return job;
    }

    private void startClusterAndSubmit() {
        int restPort = FlinkJobProcess.requireFreeRestPort(settings);
        int slots = settings.getInt(Setting.FLINK_PARALLELISM);
        try {
            cluster = FlinkCluster.start(settings.dataDir().resolve("flink-cluster"), layout.flinkClusterClasspath(),
                    settings, slots, timeout, restPort);
            jobId = cluster.submit(layout.jobJar(), FlinkJobProcess.MAIN_CLASS, slots);
        } catch (IOException e) {
            close();
            throw new IllegalStateException("Submitting the job to the standalone cluster failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while submitting the job", e);
        }
        cluster.jobManager().awaitReady("the job to be RUNNING on the standalone cluster", timeout,
                () -> cluster.jobState(jobId).equals("RUNNING"));
    }

    /** The TaskManager: the JVM that runs the job's tasks and holds its state. */
    ChildProcess taskManager() {
        return cluster.taskManager();
    }

    /**
     * A dead TaskManager is started again and the JobManager restores the job from its latest
     * checkpoint (its restart strategy); a dead JobManager (no HA here) takes the cluster with it,
     * so the cluster is started again and the job resubmitted, resuming from the consumer group's
     * committed offsets.
     */
    void restartIfDead(PrintStream out) {
        if (!cluster.jobManager().isAlive()) {
            out.println("The Flink JobManager stopped unexpectedly; restarting the cluster and resubmitting the job");
            close();
            startClusterAndSubmit();
        } else if (!cluster.taskManager().isAlive()) {
            out.println("The Flink TaskManager stopped unexpectedly; restarting it (the job resumes from its latest "
                    + "checkpoint)");
            cluster.startTaskManager(settings.getInt(Setting.FLINK_PARALLELISM), timeout);
        }
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
