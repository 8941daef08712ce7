package org.civicpulse.jobs.hotspot.eval;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.hotspot.HotspotConfig;
import org.civicpulse.jobs.hotspot.HotspotConfig.Method;
import org.civicpulse.simulator.FaultRates;
import org.civicpulse.simulator.Simulator;
import org.civicpulse.simulator.SimulatorConfig;

/**
 * {@code ./civicpulse evaluate-detection}: runs the detectors directly (no Flink) on the
 * simulator's new problems — history days, then evaluation days with injected bursts — for
 * tuning seeds and report seeds, and prints recall by burst size, median detection delay and
 * false alerts per district per day as Markdown. Progress goes to stderr.
 */
public final class DetectionEvaluation {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long DAY = 86_400_000L;
    /** A Monday well clear of holidays and of the heating season's start. */
    static final Instant T0 = Instant.parse("2026-10-11T16:00:00Z");
    static final Map<Method, double[]> THRESHOLDS = Map.of(
            Method.NB_SCAN, new double[] {4, 5, 6, 7},
            Method.NB_CUSUM, new double[] {10},
            Method.EARS_C2, new double[] {10, 12, 16});

    private final Catalogue catalogue = Catalogue.load();
    private final HotspotConfig base = HotspotConfig.from(Settings.fromEnvironment());
    private final double scale;
    private final int historyDays;
    private final int evalDays;
    private final int perType;
    private final List<OracleRow> oracle = new ArrayList<>();
    private final List<OracleDelays> oracleDelays = new ArrayList<>();

    DetectionEvaluation(double scale, int historyDays, int evalDays, int perType) {
        this.scale = scale;
        this.historyDays = historyDays;
        this.evalDays = evalDays;
        this.perType = perType;
    }

    public static void main(String[] args) {
        Map<String, String> o = options(args);
        DetectionEvaluation e = new DetectionEvaluation(Double.parseDouble(o.getOrDefault("scale", "1")),
                Integer.parseInt(o.getOrDefault("history-days", "7")), Integer.parseInt(o.getOrDefault("days", "14")),
                Integer.parseInt(o.getOrDefault("per-type", "6")));
        long[] tune = seeds(o.getOrDefault("tune-seeds", "101"));
        long[] report = seeds(o.getOrDefault("report-seeds", "201,202"));
        long started = System.nanoTime();
        Map<HotspotConfig, Scores> tuning = e.evaluate(tune, "tuning");
        Map<Method, HotspotConfig> chosen = choose(tuning);
        Map<HotspotConfig, Scores> reporting = e.evaluate(report, "report");
        System.out.printf(Locale.ROOT, "Scale %s, %d history days + %d evaluated days per seed, %d bursts of each "
                        + "size × duration per seed; tuning seeds %s, report seeds %s; %.0f s.%n%n", o.getOrDefault("scale", "1"),
                e.historyDays, e.evalDays, e.perType, o.getOrDefault("tune-seeds", "101"),
                o.getOrDefault("report-seeds", "201,202"), (System.nanoTime() - started) / 1e9);
        table("Tuning seeds", tuning, chosen);
        table("Report seeds", reporting, chosen);
        detail(reporting, chosen);
        OracleRow.table(e.oracle);
        OracleDelays.table(e.oracleDelays);
    }

    /** Per method, the lowest threshold whose false alerts stay within 0.5 per district per day. */
    static Map<Method, HotspotConfig> choose(Map<HotspotConfig, Scores> tuning) {
        Map<Method, HotspotConfig> chosen = new LinkedHashMap<>();
        tuning.forEach((c, s) -> {
            if (s.falseAlertsPerDistrictDay() <= 0.5) {
                chosen.merge(c.method(), c, (a, b) -> a.threshold() <= b.threshold() ? a : b);
            }
        });
        return chosen;
    }

    Map<HotspotConfig, Scores> evaluate(long[] seeds, String label) {
        Map<HotspotConfig, Scores> scores = new LinkedHashMap<>();
        for (Method m : Method.values()) {
            for (double t : THRESHOLDS.get(m)) {
                scores.put(base.with(m, t), new Scores());
            }
        }
        for (long seed : seeds) {
            List<DetectorRun> runs = new ArrayList<>();
            scores.keySet().forEach(c -> runs.add(new DetectorRun(c, catalogue)));
            List<Burst> bursts = runSeed(seed, runs, label);
            long evalStart = T0.toEpochMilli() + historyDays * DAY;
            long evalEnd = evalStart + evalDays * DAY;
            for (DetectorRun r : runs) {
                scores.get(r.config).add(bursts, r.opened, evalStart, evalEnd, catalogue.districts().size());
            }
        }
        return scores;
    }

    /** Feeds one seed's history and evaluation days to every run; returns the injected bursts. */
    private List<Burst> runSeed(long seed, List<DetectorRun> runs, String label) {
        SimulatorConfig config = SimulatorConfig.defaults().withSeed(seed).withScale(scale).withFaults(FaultRates.none());
        Instant evalStart = T0.plusMillis(historyDays * DAY);
        Instant end = evalStart.plusMillis(evalDays * DAY);
        BurstPlan plan = new BurstPlan();
        Clock clock = new Clock(runs, base.bucketMs(), T0.toEpochMilli());
        long lines = new ProblemFeed().run(new Simulator(catalogue, config), T0, evalStart, e -> {
            clock.feed(e);
            plan.observe(e, LocalDateTime.ofInstant(e.occurredAt(), ZONE).getHour());
        });
        System.err.printf(Locale.ROOT, "[%s seed %d] history: %d lines, %d problems%n", label, seed, lines, clock.count);
        List<Burst> bursts = plan.plan(new Random(seed), T0.toEpochMilli(), historyDays, historyDays + evalDays - 1,
                perType, historyDays);
        OracleRow bound = OracleRow.of(label, seed, plan, historyDays, catalogue.districts().size());
        oracle.add(bound);
        oracleDelays.add(OracleDelays.of(label, seed, bursts, bound.alpha()));
        Simulator drill = new Simulator(catalogue, config.withScenario(BurstPlan.scenario(bursts)));
        long before = clock.count;
        lines = new ProblemFeed().run(drill, evalStart, end, clock::feed);
        clock.advance(end.toEpochMilli());
        System.err.printf(Locale.ROOT, "[%s seed %d] evaluation: %d lines, %d problems, %d bursts%n", label, seed,
                lines, clock.count - before, bursts.size());
        return bursts;
    }

    /** Judges buckets as event time passes, like the job's watermark. */
    private static final class Clock {
        private final List<DetectorRun> runs;
        private final long bucket;
        private long next;
        long count;

        Clock(List<DetectorRun> runs, long bucket, long start) {
            this.runs = runs;
            this.bucket = bucket;
            this.next = start + bucket;
        }

        void feed(CivicEvent e) {
            advance(e.occurredAt().toEpochMilli());
            runs.forEach(r -> r.count(e));
            count++;
        }

        void advance(long t) {
            while (t >= next) {
                long boundary = next;
                runs.forEach(r -> r.advanceTo(boundary));
                next += bucket;
            }
        }
    }

    private static void table(String title, Map<HotspotConfig, Scores> scores, Map<Method, HotspotConfig> chosen) {
        List<String> sizes = sizes();
        System.out.println("### " + title + "\n");
        StringBuilder head = new StringBuilder("| detector | threshold | false alerts / district / day |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (String s : sizes) {
            head.append(" recall ").append(s).append(" |");
            rule.append("---|");
        }
        head.append(" recall 3x 30 min | median delay (min) | median delay 3x 30 min |");
        rule.append("---|---|---|");
        System.out.println(head + "\n" + rule);
        scores.forEach((c, s) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s%s | %s | %.2f |",
                    c.method().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    c.equals(chosen.get(c.method())) ? " **(chosen)**" : "", fmt(c.threshold()),
                    s.falseAlertsPerDistrictDay()));
            for (String size : sizes) {
                row.append(String.format(Locale.ROOT, " %s |", pct(s.recall(size))));
            }
            row.append(String.format(Locale.ROOT, " %s | %s | %s |", pct(s.recall("3x 30min")),
                    fmt(s.medianDelay("all")), fmt(s.medianDelay("3x 30min"))));
            System.out.println(row);
        });
        System.out.println();
    }

    private static void detail(Map<HotspotConfig, Scores> scores, Map<Method, HotspotConfig> chosen) {
        System.out.println("### Report seeds, chosen thresholds, by size and duration\n");
        System.out.println("| burst | bursts | usual count in window | " + String.join(" | ",
                chosen.values().stream().map(c -> c.method().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + " recall / median delay").toList()) + " |");
        System.out.println("|---|---|---|" + "---|".repeat(chosen.size()));
        Scores any = scores.values().iterator().next();
        for (String size : sizes()) {
            for (int minutes : BurstPlan.MINUTES) {
                String key = size + " " + minutes + "min";
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %.2f |", key,
                        any.bursts(key), any.baseline(key)));
                for (HotspotConfig c : chosen.values()) {
                    Scores s = scores.get(c);
                    row.append(String.format(Locale.ROOT, " %s / %s |", pct(s.recall(key)), fmt(s.medianDelay(key))));
                }
                System.out.println(row);
            }
        }
        System.out.println();
    }

    private static List<String> sizes() {
        List<String> sizes = new ArrayList<>();
        for (double m : BurstPlan.MULTIPLIERS) {
            sizes.add((m == Math.rint(m) ? Long.toString((long) m) : Double.toString(m)) + "x");
        }
        for (int x : BurstPlan.EXTRAS) {
            sizes.add("+" + x);
        }
        return sizes;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static long[] seeds(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("evaluate-detection [--tune-seeds 101] [--report-seeds 201,202] [--scale 1] "
                        + "[--history-days 7] [--days 14] [--per-type 6]");
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("Unknown or incomplete option: " + args[i]);
                System.exit(2);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }
}
