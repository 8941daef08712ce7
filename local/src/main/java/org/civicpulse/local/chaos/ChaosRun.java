package org.civicpulse.local.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.Folders;
import org.civicpulse.local.Ports;
import org.civicpulse.local.Stack;
import org.civicpulse.local.StackLayout;
import org.civicpulse.storage.ClickHouseDb;

/**
 * One fault run: a fresh private stack, load at a fixed rate, the fault injected after a warm-up,
 * then the load stopped and storage reconciled with what the broker acknowledged.
 */
final class ChaosRun {
    /** The screens count as fresh when they show everything acknowledged this long ago. */
    static final Duration FRESH_LAG = Duration.ofSeconds(2);
    /** Fresh this long without a relapse counts as recovered. */
    static final Duration SETTLED = Duration.ofSeconds(3);
    /** How long a run waits for the screens to catch up after a fault. */
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(120);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration CLICKHOUSE_PAUSE = Duration.ofSeconds(60);
    private static final Duration RECONCILE_TIMEOUT = Duration.ofMinutes(4);

    private final Settings base;
    private final StackLayout layout;
    private final PrintStream progress;

    ChaosRun(Settings base, StackLayout layout, PrintStream progress) {
        this.base = base;
        this.layout = layout;
        this.progress = progress;
    }

    /** What one run measured. */
    record Result(Fault fault, int eventsPerSecond, long validSent, long malformedSent, long failedSends,
                  Reconciliation storage, long lost, long countedTwice, double recoverySeconds, double loadSeconds,
                  double drainSeconds, boolean exact) {
        /**
         * The valid input's counting rate as a share of its offered rate: load time ÷ (load time +
         * the drain after it). A flood sends fewer valid lines at the same line rate, so rates in
         * events/s cannot be compared between runs; this share can.
         */
        double keptUp() {
            return loadSeconds / (loadSeconds + drainSeconds);
        }
    }

    Result run(Fault fault, int eventsPerSecond, Duration load) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("civicpulse-chaos-");
        Result result = runOnPrivateStack(fault, eventsPerSecond, load, data);
        keepOnlyIfWrong(data, result.exact());
        return result;
    }

    private Result runOnPrivateStack(Fault fault, int eventsPerSecond, Duration load, Path data)
            throws IOException, InterruptedException {
        Settings s = privateStack(data, fault == Fault.KILL_TASKMANAGER ? "standalone" : "local");
        String run = "chaos-" + fault.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = s.get(Setting.TOPIC_HOTLINE);
        progress.printf("%s: starting a private stack in %s%n", fault.description(), data);
        try (Stack stack = new Stack(s, layout, new PrintStream(Files.newOutputStream(data.resolve("stack.log"))))) {
            stack.start("chaos-token", false);
            Thread supervisor = daemon("supervisor", () -> {
                try {
                    stack.supervise();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            supervisor.start();
            int malformedEvery = fault == Fault.MALFORMED_FLOOD ? 10 : 0;
            try (LoadGenerator gen = new LoadGenerator(s.get(Setting.KAFKA_BOOTSTRAP), topic, s.get(Setting.TOPIC_GRID),
                    s.get(Setting.TOPIC_INSPECTION), run, malformedEvery);
                 LiveWatcher watcher = new LiveWatcher(s.get(Setting.KAFKA_BOOTSTRAP), s.get(Setting.TOPIC_METRICS_LIVE))) {
                Thread sender = daemon("load", () -> {
                    try {
                        gen.run(eventsPerSecond);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread watching = daemon("watch", watcher::run);
                sender.start();
                watching.start();
                long t0 = System.nanoTime();
                Freshness freshness = new Freshness(gen, watcher);
                freshness.sampleUntil(t0 + WARM_UP.toNanos());
                progress.printf("  %,d events acknowledged; injecting: %s%n", gen.ackedValid(), fault.description());
                long faultAt = System.nanoTime();
                inject(fault, stack, freshness);
                double recovery = freshness.recoveryAfter(faultAt, t0 + load.toNanos(), fault == Fault.KILL_DASHBOARD
                        ? () -> dashboardAnswers(s) : () -> true);
                gen.stop();
                sender.join();
                long stoppedAt = System.nanoTime();
                double loadSeconds = (stoppedAt - t0) / 1e9;
                progress.printf("  load stopped: %,d valid and %,d malformed lines acknowledged; reconciling…%n",
                        gen.ackedValid(), gen.ackedMalformed());
                Reconciliation r = reconcile(s, run, topic, gen);
                if (r == null) {
                    r = Reconciliation.NOTHING; // ClickHouse never answered: nothing is there
                }
                double drain = (System.nanoTime() - stoppedAt) / 1e9;
                watcher.stop();
                watching.join();
                boolean exact = r.exact(gen) && gen.failed() == 0;
                return new Result(fault, eventsPerSecond, gen.ackedValid(), gen.ackedMalformed(), gen.failed(), r,
                        r.lost(gen), r.countedTwice(gen), recovery, loadSeconds, drain, exact);
            }
        }
    }

    /** A run that reconciled leaves nothing behind; a failed one keeps its logs and data for a look. */
    private void keepOnlyIfWrong(Path data, boolean exact) {
        if (!exact) {
            progress.println("  kept for inspection (logs, data): " + data);
            return;
        }
        try {
            Folders.delete(data);
        } catch (IOException e) {
            progress.println("  could not delete " + data + ": " + e.getMessage());
        }
    }

    private void inject(Fault fault, Stack stack, Freshness freshness) throws InterruptedException {
        switch (fault) {
            case NONE, MALFORMED_FLOOD -> { }
            case KILL_FLINK, KILL_TASKMANAGER -> stack.flinkJob().kill();
            case KILL_KAFKA -> stack.kafka().kill();
            case KILL_DASHBOARD -> stack.dashboard().kill();
            case PAUSE_CLICKHOUSE -> {
                ChildProcess ch = stack.clickHouse();
                signal(ch.pid(), "STOP");
                try {
                    freshness.sampleUntil(System.nanoTime() + CLICKHOUSE_PAUSE.toNanos());
                } finally {
                    signal(ch.pid(), "CONT");
                }
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls storage until it holds exactly the input, or the timeout passes; returns the last look. */
    private Reconciliation reconcile(Settings s, String run, String topic, LoadGenerator gen) throws InterruptedException {
        long deadline = System.nanoTime() + RECONCILE_TIMEOUT.toNanos();
        Reconciliation last = null;
        while (System.nanoTime() < deadline) {
            try (ClickHouseDb db = ClickHouseDb.writer(s)) {
                last = Reconciliation.of(db, run, topic);
                if (last.exact(gen)) {
                    return last;
                }
            } catch (RuntimeException e) {
                progress.println("  ClickHouse not answering yet: " + e.getMessage());
            }
            Thread.sleep(1000); // polling interval of the reconciliation
        }
        return last;
    }

    private static boolean dashboardAnswers(Settings s) {
        return org.civicpulse.local.HttpProbe.answers("http://127.0.0.1:" + s.getInt(Setting.DASHBOARD_PORT) + "/health", body -> true);
    }

    /** Settings of a private stack: its own data folder and ports, so it never meets a running one. */
    private Settings privateStack(Path data, String flinkMode) {
        return base.with(Setting.DATA_DIR, data.toString())
                .with(Setting.FLINK_MODE, flinkMode)
                .with(Setting.DASHBOARD_PORT, Integer.toString(Ports.free()))
                .with(Setting.CLICKHOUSE_URL, "http://127.0.0.1:" + Ports.free())
                .with(Setting.CLICKHOUSE_TCP_PORT, Integer.toString(Ports.free()))
                .with(Setting.KAFKA_BOOTSTRAP, "127.0.0.1:" + Ports.free())
                .with(Setting.KAFKA_CONTROLLER_PORT, Integer.toString(Ports.free()))
                .with(Setting.FLINK_REST_PORT, Integer.toString(Ports.free()));
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, "chaos-" + name);
        t.setDaemon(true);
        return t;
    }

    /** Samples (time, acknowledged) and tells when the screens caught up after a fault. */
    static final class Freshness {
        private final LoadGenerator gen;
        private final LiveWatcher watcher;
        private final Deque<long[]> acked = new ArrayDeque<>();

        Freshness(LoadGenerator gen, LiveWatcher watcher) {
            this.gen = gen;
            this.watcher = watcher;
        }

        void sampleUntil(long until) throws InterruptedException {
            while (System.nanoTime() < until) {
                sample();
                Thread.sleep(100); // sampling interval
            }
        }

        private boolean sample() {
            long now = System.nanoTime();
            acked.addLast(new long[] {now, gen.ackedHotline()}); // the watcher follows the hotline count
            long target = 0;
            while (!acked.isEmpty() && acked.peekFirst()[0] <= now - FRESH_LAG.toNanos()) {
                target = acked.pollFirst()[1];
            }
            if (target > 0) {
                acked.addFirst(new long[] {now - FRESH_LAG.toNanos(), target});
            }
            return watcher.cityCreatedToday() >= target;
        }

        /**
         * Seconds from the fault until the live metrics (and {@code alsoReady}) show everything
         * acknowledged {@link #FRESH_LAG} before and stay so; 0 if they never fell behind; -1 if
         * they did not catch up within {@link #RECOVERY_LIMIT}. Samples at least until
         * {@code loadEnd}, and on (the load going on) while the screens are still catching up.
         */
        double recoveryAfter(long faultAt, long loadEnd, java.util.function.BooleanSupplier alsoReady)
                throws InterruptedException {
            long freshSince = -1;
            boolean sawStale = false;
            long limit = faultAt + RECOVERY_LIMIT.toNanos();
            while (true) {
                long now = System.nanoTime();
                boolean fresh = sample() && alsoReady.getAsBoolean();
                sawStale |= !fresh;
                freshSince = fresh ? (freshSince < 0 ? now : freshSince) : -1;
                boolean settled = freshSince >= 0 && now - freshSince >= SETTLED.toNanos();
                if (now >= loadEnd && (settled || now >= limit)) {
                    break;
                }
                Thread.sleep(100); // sampling interval
            }
            if (!sawStale) {
                return 0;
            }
            return freshSince < 0 ? -1 : (freshSince - faultAt) / 1e9;
        }
    }
}
