package org.civicpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicpulse.contract.Settings;

/**
 * A standalone Flink session cluster on this machine: a JobManager and a TaskManager, each in its
 * own JVM, started from Flink's Maven Central artifacts (module {@code flink-cluster}), to which
 * the shaded job jar is submitted over the REST API — the same path as a cluster of many machines.
 */
public final class FlinkCluster implements AutoCloseable {
    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Flink's start scripts pass on Java 17 (env.java.opts.all): its serializers reach into the JDK. */
    private static final List<String> MODULE_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** Flink's own share of the TaskManager's heap; the rest is the task heap, where the state lives. */
    private static final long FRAMEWORK_HEAP_MB = 128;

    private final Path dir;
    private final int restPort;
    private final String classpath;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final ChildProcess jobManager;
    private ChildProcess taskManager;

    private FlinkCluster(Path dir, int restPort, String classpath, List<String> jvmOptions,
            Map<String, String> environment, ChildProcess jobManager) {
        this.dir = dir;
        this.restPort = restPort;
        this.classpath = classpath;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.jobManager = jobManager;
    }

    /**
     * Starts the JobManager and one TaskManager with {@code slots} slots and waits until the
     * TaskManager has registered. Both JVMs get {@code settings} as system properties, the secret
     * ones (passwords) in their environment, as the containers of a deployment get them.
     */
    public static FlinkCluster start(Path dir, Path clusterClasspath, Settings settings, int slots, Duration timeout)
            throws IOException {
        return start(dir, clusterClasspath, settings, slots, timeout, Ports.free());
    }

    /** As {@link #start(Path, Path, Settings, int, Duration)}, with the JobManager's REST API on {@code restPort}. */
    public static FlinkCluster start(Path dir, Path clusterClasspath, Settings settings, int slots, Duration timeout,
                                     int restPort) throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("tmp"));
        // The job's state lives on the TaskManager's heap: it gets flink.job.heap, as the local job's JVM does.
        long heapMb = FlinkJobProcess.heapMebibytes(settings);
        Files.writeString(dir.resolve("conf/config.yaml"), config(restPort, Ports.free(), slots, dir.resolve("tmp"),
                heapMb - FRAMEWORK_HEAP_MB));
        List<String> jvm = jvmOptions("-Xmx1g", settings);
        String cp = ChildProcess.classpath(clusterClasspath);
        Map<String, String> secrets = settings.secretsAsEnvironment();
        ChildProcess jm = ChildProcess.start("flink-jobmanager", ChildProcess.javaCommand(cp, jvm, JOB_MANAGER_MAIN,
                List.of("--configDir", dir.resolve("conf").toString())), dir.resolve("jobmanager.log"), secrets);
        List<String> taskManagerJvm = new ArrayList<>(jvmOptions("-Xmx" + heapMb + "m", settings));
        taskManagerJvm.addAll(FlinkJobProcess.OPERATOR_JVM_OPTIONS); // the operators run in the TaskManager
        FlinkCluster cluster = new FlinkCluster(dir, restPort, cp, taskManagerJvm, secrets, jm);
        try {
            jm.awaitReady("the Flink JobManager's REST API", timeout,
                    () -> HttpProbe.answers(cluster.restUrl() + "/config", b -> b.contains("flink-version")));
            cluster.startTaskManager(slots, timeout);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static List<String> jvmOptions(String maxHeap, Settings settings) {
        List<String> jvm = new ArrayList<>(List.of("-Xms256m", maxHeap, "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.log.org.civicpulse=info"));
        jvm.addAll(MODULE_OPENS);
        jvm.addAll(settings.asJvmOptions());
        return jvm;
    }

    /**
     * Flink 2.x reads config.yaml from the folder given with --configDir. The TaskManager's JVM heap
     * is Flink's framework heap plus {@code taskHeapMb}.
     */
    static String config(int restPort, int rpcPort, int slots, Path tmp, long taskHeapMb) {
        return String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1200m",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: " + slots,
                // Flink's start scripts compute these; a TaskManager started with plain java needs them set.
                "taskmanager.cpu.cores: " + slots,
                "taskmanager.memory.framework.heap.size: " + FRAMEWORK_HEAP_MB + "m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.task.heap.size: " + taskHeapMb + "m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.managed.size: 128m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "parallelism.default: " + slots,
                "io.tmp.dirs: " + tmp,
                // A killed TaskManager is noticed within seconds anyway (failed heartbeat RPCs count,
                // heartbeat.rpc-failure-threshold); the timeout only covers a silent peer, and 10 s
                // dropped healthy TaskManagers again and again on a machine under full load.
                "heartbeat.timeout: 30000",
                // The RPC system's start gives up after 10 s by default: on a machine at load 35 the
                // JobManager died of it at start-up (seen in a CI run beside a soak).
                "pekko.startup-timeout: 60 s",
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 1000",
                "restart-strategy.fixed-delay.delay: 2s",
                "");
    }

    /** Starts a (new) TaskManager and waits until the JobManager counts {@code slots} free or used slots. */
    public void startTaskManager(int slots, Duration timeout) {
        taskManager = ChildProcess.start("flink-taskmanager", ChildProcess.javaCommand(classpath, jvmOptions,
                TASK_MANAGER_MAIN, List.of("--configDir", dir.resolve("conf").toString())),
                dir.resolve("taskmanager.log"), environment);
        taskManager.awaitReady("a Flink TaskManager to register", timeout,
                () -> HttpProbe.answers(restUrl() + "/overview", b -> slotsTotal(b) >= slots));
    }

    private static int slotsTotal(String overview) {
        try {
            return JSON.readTree(overview).path("slots-total").asInt();
        } catch (IOException e) {
            return 0;
        }
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public ChildProcess jobManager() {
        return jobManager;
    }

    public ChildProcess taskManager() {
        return taskManager;
    }

    /** Uploads the job jar and runs {@code entryClass} from it; returns the job id. */
    public String submit(Path jobJar, String entryClass, int parallelism) throws IOException, InterruptedException {
        String boundary = "civicpulse-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jobJar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jobJar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode upload = post("/jars/upload", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        String jarId = Path.of(upload.path("filename").asText()).getFileName().toString();
        String run = JSON.createObjectNode().put("entryClass", entryClass).put("parallelism", parallelism).toString();
        JsonNode started = post("/jars/" + jarId + "/run", "application/json", run.getBytes(StandardCharsets.UTF_8));
        return started.path("jobid").asText();
    }

    private JsonNode post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + path))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IOException("Flink REST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The job's state as the JobManager reports it (RUNNING, RESTARTING, FAILED, ...). */
    public String jobState(String jobId) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(restUrl() + "/jobs/" + jobId))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()).path("state").asText() : "UNKNOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    @Override
    public void close() {
        if (taskManager != null) {
            taskManager.stop(Duration.ofSeconds(10));
        }
        jobManager.stop(Duration.ofSeconds(10));
    }
}
