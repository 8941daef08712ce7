package org.civicpulse.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.Migrations;

/**
 * The whole local stack — ClickHouse, Kafka, the Flink job and the dashboard — started in order,
 * supervised (a child that dies is restarted; the Flink job resumes from its latest checkpoint),
 * and stopped in reverse order.
 */
public final class Stack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final Settings settings;
    private final StackLayout layout;
    private final PrintStream out;
    private LocalClickHouse clickHouse;
    private LocalKafka kafka;
    /** The job's own JVM in local mode; in standalone mode the cluster holds the job instead. */
    private ChildProcess flinkJob;
    private StandaloneJob standalone;
    private ChildProcess dashboard;
    private ChildProcess simulator;
    private boolean simulate;
    private volatile boolean stopping;
    private String token;

    public Stack(Settings settings, StackLayout layout, PrintStream out) {
        this.settings = settings;
        this.layout = layout;
        this.out = out;
    }

    /** Starts every part and waits until each answers. */
    public void start(String operatorToken, boolean withSimulator) {
        this.token = operatorToken;
        this.simulate = withSimulator;
        startServices();
        step("Flink job", this::startFlink);
        step("dashboard", () -> dashboard = startDashboard());
        if (simulate) {
            step("simulator", () -> simulator = startSimulator());
        }
    }

    /**
     * Starts ClickHouse (its tables migrated) and Kafka only: for a job run elsewhere (a Flink
     * cluster, a benchmark's own job) that should not share the machine with an idle one.
     */
    public void startServices() {
        step("ClickHouse", () -> {
            clickHouse = LocalClickHouse.start(settings, START_TIMEOUT);
            try (ClickHouseDb db = ClickHouseDb.writer(settings)) {
                Migrations.apply(db);
            }
        });
        step("Kafka", () -> kafka = LocalKafka.start(settings, layout.brokerClasspath(), START_TIMEOUT));
    }

    /**
     * The simulator sends the last days of history as fast as it can, then goes on live without a
     * gap; a restart after a crash sends the backfill again, which deduplication absorbs.
     */
    private ChildProcess startSimulator() {
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx1g"));
        jvm.addAll(settings.asJvmOptions());
        Path log = settings.dataDir().resolve("logs/simulator.log");
        Path truth = settings.dataDir().resolve("simulator/truth.jsonl");
        try {
            java.nio.file.Files.createDirectories(truth.getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create " + truth.getParent(), e);
        }
        ChildProcess p = ChildProcess.start("simulator", ChildProcess.javaCommand(layout.simulatorClasspath(), jvm,
                "org.civicpulse.simulator.SimulatorMain", List.of("live",
                        "--backfill-days", settings.get(Setting.SIMULATOR_BACKFILL_DAYS),
                        "--scale", settings.get(Setting.SIMULATOR_SCALE),
                        "--seed", settings.get(Setting.SIMULATOR_SEED),
                        "--truth", truth.toString())), log, settings.secretsAsEnvironment());
        p.awaitReady("the simulator to start sending", START_TIMEOUT,
                () -> p.tail(5).contains("simulator:"));
        out.println("  the simulator is sending " + settings.get(Setting.SIMULATOR_BACKFILL_DAYS)
                + " days of history, then live events (progress: " + log + ")");
        return p;
    }

    private void startFlink() {
        String mode = settings.get(Setting.FLINK_MODE);
        switch (mode) {
            case "local" -> flinkJob = FlinkJobProcess.start(settings, layout.jobsClasspath(), START_TIMEOUT);
            case "standalone" -> standalone = StandaloneJob.start(settings, layout, START_TIMEOUT);
            default -> throw new IllegalArgumentException("Setting " + Setting.FLINK_MODE.key() + " ("
                    + Setting.FLINK_MODE.envVar() + ") is '" + mode + "', expected local or standalone");
        }
    }

    private void step(String what, Runnable action) {
        long t0 = System.nanoTime();
        out.printf("starting %s…%n", what);
        action.run();
        out.printf("  %s ready in %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private ChildProcess startDashboard() {
        int port = settings.getInt(Setting.DASHBOARD_PORT);
        if (Ports.inUse(port)) {
            throw new IllegalStateException("Port " + port + " (dashboard) is already in use: set "
                    + Setting.DASHBOARD_PORT.envVar() + " to another port");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xms128m", "-Xmx1g",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.org.civicpulse=info"));
        Settings withToken = settings.with(Setting.TOKEN, token);
        jvm.addAll(withToken.asJvmOptions());
        Path log = settings.dataDir().resolve("logs/dashboard.log");
        ChildProcess p = ChildProcess.start("dashboard", ChildProcess.javaCommand(layout.dashboardClasspath(), jvm,
                "org.civicpulse.dashboard.DashboardMain", List.of()), log, withToken.secretsAsEnvironment());
        p.awaitReady("the dashboard to answer on port " + port, START_TIMEOUT,
                () -> HttpProbe.answers("http://127.0.0.1:" + port + "/health", body -> true));
        return p;
    }

    /**
     * The JVM that runs the job's tasks and holds its state (a fault run kills it): the job's own
     * JVM, or the TaskManager on a standalone cluster.
     */
    public synchronized ChildProcess flinkJob() {
        return standalone != null ? standalone.taskManager() : flinkJob;
    }

    public synchronized ChildProcess dashboard() {
        return dashboard;
    }

    public synchronized ChildProcess kafka() {
        return kafka.process();
    }

    public synchronized ChildProcess clickHouse() {
        return clickHouse.process();
    }

    /** Blocks, restarting any child that dies, until {@link #close()} is called. */
    public void supervise() throws InterruptedException {
        while (!stopping) {
            synchronized (this) {
                wait(1000);
            }
            if (stopping) {
                return;
            }
            restartIfDead();
        }
    }

    private synchronized void restartIfDead() {
        if (stopping) {
            return; // close() ran while this call waited for the lock: nothing may start again
        }
        try {
            if (!clickHouse.process().isAlive()) {
                out.println("ClickHouse stopped unexpectedly; restarting it");
                clickHouse = LocalClickHouse.start(settings, START_TIMEOUT);
            }
            if (!kafka.process().isAlive()) {
                out.println("Kafka stopped unexpectedly; restarting it");
                kafka = LocalKafka.start(settings, layout.brokerClasspath(), START_TIMEOUT);
            }
            if (standalone != null) {
                standalone.restartIfDead(out);
            } else if (flinkJob != null && !flinkJob.isAlive()) {
                out.println("The Flink job stopped unexpectedly; restarting it from its latest checkpoint");
                flinkJob = FlinkJobProcess.start(settings, layout.jobsClasspath(), START_TIMEOUT);
            }
            if (dashboard != null && !dashboard.isAlive()) {
                out.println("The dashboard stopped unexpectedly; restarting it");
                dashboard = startDashboard();
            }
            if (simulator != null && !simulator.isAlive()) {
                out.println("The simulator stopped unexpectedly; restarting it");
                simulator = startSimulator();
            }
        } catch (RuntimeException e) {
            out.println("Restart failed, will retry: " + e.getMessage());
        }
    }

    /** Stops every child, newest first. */
    @Override
    public synchronized void close() {
        stopping = true;
        notifyAll();
        AutoCloseable flink = standalone != null ? standalone : flinkJob;
        for (AutoCloseable c : new AutoCloseable[] {simulator, dashboard, flink, kafka, clickHouse}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    out.println("Stopping failed: " + e.getMessage());
                }
            }
        }
    }
}
