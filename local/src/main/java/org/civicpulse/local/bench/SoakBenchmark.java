package org.civicpulse.local.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.FlinkJobProcess;
import org.civicpulse.local.StackLayout;

/**
 * The soak (issue 8, the suite's long mode): the simulator's mix at a fixed rate for hours on a
 * running stack, sampling the job's consumer lag, the heap of the job's and the dashboard's JVMs,
 * the job's latest checkpoint and ClickHouse's parts. The simulated calendar runs faster than the
 * wall clock (at scale 0.25 and 1,000 events/s about two simulated days a minute), so a two-hour run
 * passes every retention and window the job keeps (30-day points, 60-day open cases) and shows the
 * state it settles at, not only its first hours. Prints a Markdown table by time window and whether
 * heap, state and lag stayed flat from the first window after the warm-up to the last.
 *
 * <p>Usage: {@code SoakBenchmark MINUTES EVENTS_PER_SECOND SCALE}
 */
public final class SoakBenchmark {
    private static final Duration SAMPLE = Duration.ofSeconds(30);
    private static final int WINDOWS = 8;
    /** Measured (bench/simulator.sh): 8 simulated days at scale 1 are 1,395,234 events. */
    private static final double EVENTS_PER_DAY_AT_SCALE_1 = 174_400;
    /** Flat: the last window's figure is at most this multiple of the first window after the warm-up. */
    private static final double FLAT = 1.2;

    private SoakBenchmark() {
    }

    record Sample(double seconds, long committed, long lag, long flinkHeap, long dashboardHeap, long checkpointBytes,
                  long checkpointMillis, int maxParts) {
    }

    public static void main(String[] args) throws Exception {
        int minutes = Integer.parseInt(args[0]);
        int eps = Integer.parseInt(args[1]);
        double scale = Double.parseDouble(args[2]);
        Settings s = Settings.fromEnvironment();
        StackLayout layout = StackLayout.detect();
        long seconds = minutes * 60L;
        long days = (long) Math.ceil(1.3 * eps * seconds / (EVENTS_PER_DAY_AT_SCALE_1 * scale)) + 1;
        Instant now = Instant.now();
        System.err.printf("soak: %d min at %,d events/s, scale %s: %d simulated days of the mix%n", minutes, eps, scale, days);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        // Stopped early (Ctrl-C, SIGTERM): still print what was measured so far.
        Thread early = new Thread(() -> {
            synchronized (samples) {
                if (!samples.isEmpty()) {
                    System.out.println(report(new ArrayList<>(samples), eps, false) + "\nNote: stopped early.");
                }
            }
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy); // the simulator
        }, "soak-report");
        Runtime.getRuntime().addShutdownHook(early);
        boolean usedUp;
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(s.asJvmOptions());
        String dataDir = s.dataDir().toString();
        JvmHeap flinkHeap = new JvmHeap(FlinkJobProcess.MAIN_CLASS, dataDir);
        JvmHeap dashboardHeap = new JvmHeap("org.civicpulse.dashboard.DashboardMain", dataDir);
        FlinkCheckpoints checkpoints = new FlinkCheckpoints(s.getInt(Setting.FLINK_REST_PORT));
        try (Admin admin = SustainedBenchmark.admin(s);
             ChildProcess sim = ChildProcess.start("simulator", ChildProcess.javaCommand(layout.simulatorClasspath(), jvm,
                     "org.civicpulse.simulator.SimulatorMain", List.of("rate", "--eps", Integer.toString(eps),
                             "--seconds", Long.toString(seconds), "--scale", Double.toString(scale),
                             "--from", now.minus(Duration.ofDays(days)).toString(), "--to", now.toString(), "--quiet")),
                     s.dataDir().resolve("logs/soak-simulator.log"), s.secretsAsEnvironment())) {
            long t0 = System.nanoTime();
            while (sim.isAlive()) {
                long[] lag = SustainedBenchmark.lag(admin, s);
                Optional<FlinkCheckpoints.Checkpoint> c = checkpoints.latest();
                Sample x = new Sample((System.nanoTime() - t0) / 1e9, lag[1], lag[0], flinkHeap.used().orElse(-1L),
                        dashboardHeap.used().orElse(-1L), c.map(FlinkCheckpoints.Checkpoint::bytes).orElse(-1L),
                        c.map(FlinkCheckpoints.Checkpoint::millis).orElse(-1L), SustainedBenchmark.maxPartsPerPartition(s));
                samples.add(x);
                System.err.printf("soak: %5.0f s  lag %,d  job heap %s  dashboard heap %s  checkpoint %s in %,d ms  "
                                + "parts %d%n", x.seconds(), x.lag(), mb(x.flinkHeap()), mb(x.dashboardHeap()),
                        mb(x.checkpointBytes()), x.checkpointMillis(), x.maxParts());
                sim.waitFor(SAMPLE); // the sampling interval; returns early when the simulator ends
            }
            usedUp = (System.nanoTime() - t0) / 1e9 < seconds - SAMPLE.toSeconds();
        }
        Runtime.getRuntime().removeShutdownHook(early);
        System.out.println(report(samples, eps, usedUp));
    }

    /** The Markdown table by window and the flatness verdict. */
    static String report(List<Sample> samples, int eps, boolean usedUp) {
        StringBuilder b = new StringBuilder();
        b.append("| window | consumed | lag max | job heap (min–max) | dashboard heap (min–max) | checkpoint at end "
                + "| checkpoint duration max | max parts in a partition |\n|---|---|---|---|---|---|---|---|\n");
        List<List<Sample>> windows = windows(samples);
        Sample before = samples.get(0);
        for (List<Sample> w : windows) {
            Sample first = w.get(0);
            Sample last = w.get(w.size() - 1);
            // Consumed since the end of the previous window, so a one-sample window has a rate too.
            double rate = (last.committed() - before.committed()) / Math.max(1, last.seconds() - before.seconds());
            before = last;
            b.append(String.format("| %.0f–%.0f min | %,.0f ev/s | %,d | %s–%s | %s–%s | %s | %,d ms | %d |%n",
                    first.seconds() / 60, last.seconds() / 60, rate, max(w, Sample::lag),
                    mb(min(w, Sample::flinkHeap)), mb(max(w, Sample::flinkHeap)),
                    mb(min(w, Sample::dashboardHeap)), mb(max(w, Sample::dashboardHeap)),
                    mb(last.checkpointBytes()), max(w, Sample::checkpointMillis), max(w, Sample::maxParts)));
        }
        if (windows.size() >= 3) {
            // The first window is the warm-up: empty state, JIT and caches filling.
            List<Sample> early = windows.get(1);
            List<Sample> late = windows.get(windows.size() - 1);
            b.append(String.format("%nSoak at %,d ev/s: job heap (window minimum) ×%.2f, dashboard heap ×%.2f, "
                            + "checkpoint ×%.2f, lag max %,d → %,d from the second window to the last; %s%n", eps,
                    ratio(min(late, Sample::flinkHeap), min(early, Sample::flinkHeap)),
                    ratio(min(late, Sample::dashboardHeap), min(early, Sample::dashboardHeap)),
                    ratio(late.get(late.size() - 1).checkpointBytes(), early.get(early.size() - 1).checkpointBytes()),
                    max(early, Sample::lag), max(late, Sample::lag), verdict(early, late, eps)));
        }
        if (usedUp) {
            b.append("\nNote: the simulated range was used up before the time ended.\n");
        }
        return b.toString();
    }

    /** Flat when heap and state grew by at most {@link #FLAT}× and the lag stayed under 30 s of input. */
    static String verdict(List<Sample> early, List<Sample> late, int eps) {
        boolean heap = ratio(min(late, Sample::flinkHeap), min(early, Sample::flinkHeap)) <= FLAT
                && ratio(min(late, Sample::dashboardHeap), min(early, Sample::dashboardHeap)) <= FLAT;
        boolean state = ratio(late.get(late.size() - 1).checkpointBytes(), early.get(early.size() - 1).checkpointBytes()) <= FLAT;
        boolean lag = max(late, Sample::lag) < 30L * eps;
        List<String> grew = new ArrayList<>();
        if (!heap) {
            grew.add("heap");
        }
        if (!state) {
            grew.add("state");
        }
        if (!lag) {
            grew.add("lag");
        }
        return grew.isEmpty() ? "flat" : "NOT flat (" + String.join(", ", grew) + ")";
    }

    static List<List<Sample>> windows(List<Sample> samples) {
        List<List<Sample>> windows = new ArrayList<>();
        int per = Math.max(1, (int) Math.ceil(samples.size() / (double) WINDOWS));
        for (int i = 0; i < samples.size(); i += per) {
            windows.add(samples.subList(i, Math.min(samples.size(), i + per)));
        }
        return windows;
    }

    private static long min(List<Sample> w, ToDoubleFunction<Sample> f) {
        return (long) w.stream().mapToDouble(f).filter(v -> v >= 0).min().orElse(-1);
    }

    private static long max(List<Sample> w, ToDoubleFunction<Sample> f) {
        return (long) w.stream().mapToDouble(f).max().orElse(-1);
    }

    private static double ratio(long late, long early) {
        return early <= 0 || late < 0 ? Double.NaN : late / (double) early;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1e6);
    }
}
