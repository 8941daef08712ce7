package org.civicpulse.local.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.StackLayout;

/**
 * {@code ./civicpulse chaos}: fault runs under load, each on a fresh private stack, each ending in
 * a reconciliation of storage against the acknowledged input; prints a Markdown table.
 * Exits 1 when any run lost or double-counted anything.
 */
public final class ChaosMain {
    private ChaosMain() {
    }

    static final String USAGE = """
            usage: ./civicpulse chaos [--faults F1,F2,…] [--eps N] [--seconds S]
              --faults   which faults, comma-separated (default: all):
                         NONE, KILL_FLINK, KILL_TASKMANAGER (on a standalone cluster), KILL_KAFKA,
                         KILL_DASHBOARD, PAUSE_CLICKHOUSE, MALFORMED_FLOOD
              --eps      load in events per second                 (default 10000)
              --seconds  load per run, fault after a 15 s warm-up   (default 60; the ClickHouse pause
                         run lasts at least 95 s)
            Each run starts its own stack on free ports in a temporary folder and stops it after.""";

    public static void main(String[] args) throws Exception {
        System.exit(run(Arrays.asList(args), Settings.fromEnvironment(), StackLayout.detect(), System.out));
    }

    public static int run(List<String> args, Settings settings, StackLayout layout, PrintStream out) throws Exception {
        List<Fault> faults = new ArrayList<>(List.of(Fault.values()));
        int eps = 10_000;
        int seconds = 60;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.size()) {
                out.println("Missing value for " + a + "\n" + USAGE);
                return 2;
            }
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--faults" -> faults = Arrays.stream(v.split(",")).map(String::trim).map(Fault::valueOf).toList();
                    case "--eps" -> eps = Integer.parseInt(v);
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    default -> {
                        out.println("Unknown option " + a + "\n" + USAGE);
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                out.println("Bad value for " + a + ": " + v + "\n" + USAGE);
                return 2;
            }
        }
        List<ChaosRun.Result> results = new ArrayList<>();
        ChaosRun runner = new ChaosRun(settings, layout, out);
        for (Fault f : faults) {
            results.add(runner.run(f, eps, Duration.ofSeconds(seconds)));
        }
        out.println();
        out.println(table(results));
        return results.stream().allMatch(ChaosRun.Result::exact) ? 0 : 1;
    }

    /** How much the malformed flood slowed valid traffic against the baseline run, when both ran. */
    static Optional<String> floodSlowdown(List<ChaosRun.Result> results) {
        Optional<ChaosRun.Result> base = results.stream().filter(r -> r.fault() == Fault.NONE).findFirst();
        Optional<ChaosRun.Result> flood = results.stream().filter(r -> r.fault() == Fault.MALFORMED_FLOOD).findFirst();
        if (base.isEmpty() || flood.isEmpty()) {
            return Optional.empty();
        }
        double b = base.get().keptUp();
        double f = flood.get().keptUp();
        double slowdown = Math.max(0, 1 - f / b);
        return Optional.of(String.format("%nChaos flood: valid events were counted at %.1f%% of their offered rate under "
                + "the malformed flood against %.1f%% in the baseline (load time ÷ load and drain time): slowed by %.1f%% "
                + "(goal ≤ 10%%: %s); the recovery column shows how long the screens lagged once the flood began%n",
                100 * f, 100 * b, 100 * slowdown, slowdown <= 0.10 ? "met" : "NOT met"));
    }

    /** The Markdown table of docs/BENCHMARKS.md. */
    static String table(List<ChaosRun.Result> results) {
        StringBuilder b = new StringBuilder("Chaos runs, " + LocalDate.now() + "\n\n"
                + "| fault | load | valid lines | malformed | lost | counted twice | minute gaps | dead letters | "
                + "recovery to fresh metrics | drain after load | result |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ChaosRun.Result r : results) {
            b.append(String.format("| %s | %,d ev/s | %,d | %,d | %d | %d | %d | %,d | %s | %.1f s | %s |%n",
                    r.fault().description(), r.eventsPerSecond(), r.validSent(), r.malformedSent(), r.lost(),
                    r.countedTwice(), r.storage().minuteGaps(), r.storage().deadLetters(),
                    r.recoverySeconds() < 0 ? "not within 120 s" : String.format("%.1f s", r.recoverySeconds()),
                    r.drainSeconds(), r.exact() ? "exact" : "MISMATCH " + r.storage()));
        }
        floodSlowdown(results).ifPresent(b::append);
        return b.toString();
    }
}
