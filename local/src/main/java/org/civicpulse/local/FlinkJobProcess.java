package org.civicpulse.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/** Starts the Flink job in its own JVM (a local MiniCluster) and tells when it is running. */
public final class FlinkJobProcess {
    public static final String MAIN_CLASS = "org.civicpulse.jobs.IngestJob";
    /** The job JVM's initial heap, so also the smallest heap it may be given. */
    static final int MIN_HEAP_MB = 512;
    /**
     * JVM options for every JVM that runs the job's operators. Biased locking: a heap checkpoint
     * writes each character of every String key (and timer, and String field) through the
     * {@code synchronized} {@code DataOutputStream.write(int)}; without a bias every byte pays two
     * atomic operations — 6–7% of the job's samples at 120 MB a checkpoint every 10 s
     * (docs/BENCHMARKS.md, issue 4, session 10). Java 17 still has it (deprecated, off by default); from
     * Java 19 the option no longer exists and would stop the JVM, so it is only given to 17 and older.
     */
    public static final List<String> OPERATOR_JVM_OPTIONS = Runtime.version().feature() <= 17
            ? List.of("-XX:+UseBiasedLocking") : List.of();

    private FlinkJobProcess() {
    }

    /** Starts the job JVM with {@code classpath} and waits until Flink's REST API reports it RUNNING. */
    public static ChildProcess start(Settings settings, String classpath, Duration timeout) {
        int restPort = requireFreeRestPort(settings);
        Path log = settings.dataDir().resolve("logs/flink-job.log");
        // The job's state lives on its heap: a GC log beside the job's log shows when it runs short.
        // Quoted: a ':' in the data folder's path would otherwise end the file name.
        String gcLog = "-Xlog:gc:file=\"" + settings.dataDir().resolve("logs/flink-job-gc.log")
                + "\":uptime,time:filecount=3,filesize=10m";
        List<String> jvm = new ArrayList<>(List.of("-Xms" + MIN_HEAP_MB + "m", "-Xmx" + heap(settings),
                "-XX:+UseG1GC", gcLog,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.civicpulse=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true"));
        jvm.addAll(OPERATOR_JVM_OPTIONS);
        jvm.addAll(settings.asJvmOptions());
        ChildProcess job = ChildProcess.start("flink-job",
                ChildProcess.javaCommand(classpath, jvm, MAIN_CLASS, List.of()), log, settings.secretsAsEnvironment());
        job.awaitReady("the Flink job to be RUNNING", timeout, () -> isRunning(restPort));
        return job;
    }

    /**
     * The job JVM's heap as the JVM reads it ({@code 2g}, {@code 6144m}); anything else, or less
     * than the JVM's initial 512m, is refused with the variable to fix.
     */
    static String heap(Settings settings) {
        String heap = settings.get(Setting.FLINK_JOB_HEAP).trim();
        if (!heap.matches("[1-9][0-9]{0,9}[kKmMgG]") || toMebibytes(heap) < MIN_HEAP_MB) {
            throw new IllegalArgumentException(Setting.FLINK_JOB_HEAP.envVar() + " must be a JVM size of at least "
                    + MIN_HEAP_MB + "m, such as 2g or 6144m, not '" + heap + "'");
        }
        return heap;
    }

    /** The job's heap in MiB (the standalone TaskManager's JVM gets the same). */
    static long heapMebibytes(Settings settings) {
        return toMebibytes(heap(settings));
    }

    private static long toMebibytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
            case 'k' -> n / 1024;
            case 'm' -> n;
            default -> n * 1024;
        };
    }

    /** The configured Flink REST port, or a clear error when something already listens there. */
    static int requireFreeRestPort(Settings settings) {
        int restPort = settings.getInt(Setting.FLINK_REST_PORT);
        if (Ports.inUse(restPort)) {
            throw new IllegalStateException("Port " + restPort + " (Flink REST) is already in use: is another "
                    + "CivicPulse running? Stop it, or set " + Setting.FLINK_REST_PORT.envVar());
        }
        return restPort;
    }

    /** True when Flink's REST API on {@code restPort} lists a RUNNING job. */
    public static boolean isRunning(int restPort) {
        return HttpProbe.answers("http://127.0.0.1:" + restPort + "/jobs/overview",
                body -> body.contains("\"state\":\"RUNNING\""));
    }
}
