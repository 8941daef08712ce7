package org.civicpulse.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.CommandLine.Mode;
import org.civicpulse.simulator.CommandLine.UsageException;

/**
 * The simulator's command line: {@code file}, {@code backfill}, {@code live} and {@code rate}
 * modes; {@code --help} lists every option. Progress goes to stderr about once a second.
 */
public final class SimulatorMain {
    private static final Set<String> COMMON = Set.of("seed", "scale", "hotline-per-day", "grid-per-day",
            "inspections-per-day", "inspection-case-share", "response-late", "resolution-late", "reopen",
            "left-open", "scenario", "faults", "fault", "truth", "quiet", "cases-from");
    private static final Map<Mode, Set<String>> MODE_OPTIONS = Map.of(
            Mode.FILE, Set.of("from", "to", "days", "out"),
            Mode.BACKFILL, Set.of("from", "days"),
            Mode.LIVE, Set.of("from", "backfill-days", "speed"),
            Mode.RATE, Set.of("from", "to", "eps", "seconds"));

    /** Makes the Kafka sink; tests replace it. */
    interface KafkaConnector {
        EmissionSink connect(Settings settings) throws IOException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Settings settings;
    private final KafkaConnector kafka;
    private final PrintStream out;
    private final PrintStream err;

    SimulatorMain(Clock clock, Sleeper sleeper, Settings settings, KafkaConnector kafka, PrintStream out,
            PrintStream err) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
        this.kafka = kafka;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // The command line prints its own progress: keep Kafka's configuration dumps out of it.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka",
                System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error"));
        System.setProperty("org.slf4j.simpleLogger.log.org.civicpulse.contract.Catalogue",
                System.getProperty("org.slf4j.simpleLogger.log.org.civicpulse.contract.Catalogue", "warn"));
        StopSignals signals = new StopSignals().install();
        int status = new SimulatorMain(Clock.systemUTC(), Sleeper.SYSTEM, Settings.fromEnvironment(), realKafka(),
                System.out, System.err).run(args, signals::stopRequested);
        System.exit(status);
    }

    /** Checks that a broker answers, then opens the producer. */
    static KafkaConnector realKafka() {
        return s -> {
            KafkaEmissionSink.requireBroker(s, Duration.ofSeconds(10));
            return new KafkaEmissionSink(s);
        };
    }

    /** Runs a command line; returns the exit status. */
    int run(String[] args, BooleanSupplier stop) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        }
        Catalogue catalogue = Catalogue.load();
        if (cl.help) {
            out.print(CommandLine.help(new CityMap(catalogue, SimulatorConfig.DEFAULT_SEED).defaultGridPerDay()));
            return 0;
        }
        Simulator simulator;
        try {
            cl.allowOnly(union(COMMON, MODE_OPTIONS.get(cl.mode)));
            simulator = new Simulator(catalogue, config(cl, catalogue));
        } catch (UsageException | IllegalArgumentException e) {
            // A bad option value or a scenario that does not fit the catalogue.
            return usageError(e.getMessage());
        } catch (NoSuchFileException e) {
            return usageError(e.getFile() + ": " + (e.getReason() == null ? "no such file" : e.getReason()));
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        try {
            return execute(cl, simulator, stop);
        } catch (UsageException e) {
            return usageError(e.getMessage());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        }
    }

    private int execute(CommandLine cl, Simulator simulator, BooleanSupplier stop)
            throws UsageException, IOException, InterruptedException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from;
        Instant to;
        Throttler throttler;
        Duration maxWall = null;
        switch (cl.mode) {
            case FILE -> {
                Instant[] range = fileRange(cl, now);
                from = range[0];
                to = range[1];
                throttler = Throttler.NONE;
                if (cl.path("out") == null) {
                    throw new UsageException("file mode needs --out FILE");
                }
            }
            case BACKFILL -> {
                if (cl.has("from") && cl.has("days")) {
                    throw new UsageException("give --from or --days, not both");
                }
                int days = orDefault(cl.wholeNumber("days", 1), 8);
                from = cl.has("from") ? cl.instant("from") : now.minus(Duration.ofDays(days));
                to = now;
                throttler = Throttler.NONE;
            }
            case LIVE -> {
                double speed = orDefault(cl.number("speed", 0, true, 10_000), 1.0);
                Instant anchor = cl.has("from") ? cl.instant("from") : now;
                int backfillDays = orDefault(cl.wholeNumber("backfill-days", 0), 0);
                from = anchor.minus(Duration.ofDays(backfillDays));
                to = null;
                throttler = new EventTimeThrottler(clock, sleeper, anchor, speed, stop);
                if (speed > 1) {
                    Duration ahead = Duration.ofMillis((long) (Duration.between(anchor, now).toMillis() / (speed - 1)));
                    err.printf("simulator: note: at speed %s event time overtakes the wall clock %s; the pipeline "
                            + "rejects events more than 5 minutes ahead (FUTURE_TIMESTAMP)%n", cl.text("speed"),
                            ahead.isNegative() || ahead.isZero() ? "at once" : "after " + ahead);
                }
            }
            case RATE -> {
                double eps = requireValue(cl.number("eps", 0, true, 10_000_000), "rate mode needs --eps N");
                Double seconds = cl.number("seconds", 0, true, Double.MAX_VALUE);
                from = cl.has("from") ? cl.instant("from") : now.minus(Duration.ofDays(30));
                to = cl.has("to") ? cl.instant("to") : now;
                throttler = new FixedRateThrottler(clock, sleeper, eps, stop);
                maxWall = seconds == null ? null : Duration.ofMillis((long) (seconds * 1000));
            }
            default -> throw new IllegalStateException("mode " + cl.mode);
        }
        Instant casesFrom = cl.has("cases-from") ? cl.instant("cases-from") : from;
        if (casesFrom.isAfter(from)) {
            throw new UsageException("--cases-from must not be after the start of the range (" + from + ")");
        }
        if (to != null && !to.isAfter(from)) {
            throw new UsageException("the range is empty: " + from + " to " + to);
        }
        Path truthPath = cl.path("truth");
        if (truthPath == null && cl.mode == Mode.FILE) {
            truthPath = truthNextTo(cl.path("out"));
        }
        describe(cl, simulator, casesFrom, from, to, now, truthPath);

        try (EmissionSink sink = cl.mode == Mode.FILE ? new JsonlFileSink(cl.path("out")) : kafka.connect(settings);
                TruthFile truth = truthPath == null ? null
                        : new TruthFile(truthPath, runRecord(cl, simulator, casesFrom, from, to))) {
            SimulationRun.Summary summary;
            try (EmissionStream stream = simulator.emissions(casesFrom, from, to,
                    truth == null ? GroundTruth.NONE : truth)) {
                ProgressMeter progress = new ProgressMeter(cl.flag("quiet") ? null : err, clock);
                summary = SimulationRun.run(stream, throttler, sink, progress, stop, maxWall, clock);
            }
            if (truth != null) {
                truth.finish(summary.emitted());
            }
            if (cl.mode == Mode.FILE) {
                err.printf("simulator: wrote %,d lines to %s%s%n", summary.emitted(), cl.path("out"),
                        truthPath == null ? "" : "; ground truth in " + truthPath);
            }
            if (cl.mode == Mode.RATE && summary.exhausted() && maxWall != null) {
                err.printf("simulator: note: the range %s – %s was used up before --seconds passed; widen it with "
                        + "--from or raise --scale%n", from, to);
            }
            if (summary.stopped()) {
                err.println("simulator: stopped; everything emitted was flushed");
            }
        }
        return 0;
    }

    private Instant[] fileRange(CommandLine cl, Instant now) throws UsageException {
        Instant from = cl.instant("from");
        Instant to = cl.instant("to");
        Integer days = cl.wholeNumber("days", 1);
        if (days != null && from != null && to != null) {
            throw new UsageException("give two of --from, --to and --days, not all three");
        }
        if (days != null) {
            if (from != null) {
                to = from.plus(Duration.ofDays(days));
            } else {
                to = to != null ? to : now;
                from = to.minus(Duration.ofDays(days));
            }
        }
        if (from == null || to == null) {
            throw new UsageException("file mode needs --from and --to, or --days");
        }
        if (to.isAfter(now.plus(Duration.ofMinutes(5)))) {
            err.println("simulator: note: the range ends in the future; events after the wall clock are rejected "
                    + "as FUTURE_TIMESTAMP if replayed before they happen");
        }
        return new Instant[] {from, to};
    }

    private SimulatorConfig config(CommandLine cl, Catalogue catalogue) throws UsageException, IOException {
        SimulatorConfig d = SimulatorConfig.defaults();
        long seed = orDefault(cl.longNumber("seed"), d.seed());
        double scale = orDefault(cl.number("scale", 0, true, 1000), d.scale());
        double hotline = orDefault(cl.number("hotline-per-day", 0, false, 10_000_000), d.hotlinePerDay());
        Double grid = cl.number("grid-per-day", 0, false, 10_000_000);
        double inspections = orDefault(cl.number("inspections-per-day", 0, false, 10_000_000),
                d.inspectionsPerDay());
        double caseShare = orDefault(cl.number("inspection-case-share", 0, false, 1), d.inspectionCaseShare());
        double responseLate = orDefault(cl.number("response-late", 0, false, 1), d.responseLateShare());
        double resolutionLate = orDefault(cl.number("resolution-late", 0, false, 1), d.resolutionLateShare());
        double reopen = orDefault(cl.number("reopen", 0, false, 1), d.reopenShare());
        double leftOpen = orDefault(cl.number("left-open", 0, false, 1), d.leftOpenShare());
        if (hotline == 0 && (grid != null && grid == 0) && inspections == 0) {
            throw new UsageException("every volume is 0: nothing to simulate");
        }
        Scenario scenario = cl.has("scenario")
                ? new ScenarioLoader(catalogue).load(cl.path("scenario"))
                : Scenario.none();
        return new SimulatorConfig(seed, scale, hotline, grid, inspections, caseShare, responseLate, resolutionLate,
                reopen, leftOpen, cl.faults(), scenario);
    }

    private void describe(CommandLine cl, Simulator simulator, Instant casesFrom, Instant from, Instant to,
            Instant now, Path truth) {
        if (cl.flag("quiet")) {
            return;
        }
        SimulatorConfig c = simulator.config();
        err.printf(Locale.ROOT, "simulator: mode %s, seed %d, scale %s; a day: HOTLINE %,.0f · GRID %,.0f · "
                + "INSPECTION %,.0f%n", CommandLine.name(cl.mode), c.seed(), c.scale(),
                simulator.dailyVolume(Source.HOTLINE), simulator.dailyVolume(Source.GRID),
                simulator.dailyVolume(Source.INSPECTION));
        err.printf("simulator: range %s → %s%s%s%s%n", local(from), to == null ? "(no end)" : local(to),
                casesFrom.equals(from) ? "" : ", continuing cases created from " + local(casesFrom),
                c.scenario().isEmpty() ? "" : ", drill '" + c.scenario().name() + "'",
                truth == null ? "" : ", ground truth to " + truth);
        if (cl.mode != Mode.FILE) {
            err.printf("simulator: Kafka %s%n", settings.get(org.civicpulse.contract.Setting.KAFKA_BOOTSTRAP));
        }
    }

    private TruthFile.RunRecord runRecord(CommandLine cl, Simulator simulator, Instant casesFrom, Instant from,
            Instant to) {
        SimulatorConfig c = simulator.config();
        Map<String, Double> volumes = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            volumes.put(s.name(), simulator.dailyVolume(s));
        }
        return new TruthFile.RunRecord("run", CommandLine.name(cl.mode), c.seed(), c.scale(), casesFrom, from, to,
                volumes, c.faults().asMap(), c.scenario().isEmpty() ? null : c.scenario().name(),
                cl.mode == Mode.FILE ? cl.path("out").toString() : "kafka");
    }

    /** {@code events.jsonl} → {@code events.truth.jsonl}. */
    static Path truthNextTo(Path out) {
        String name = out.getFileName().toString();
        String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return out.resolveSibling(base + ".truth.jsonl");
    }

    private static String local(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private int usageError(String message) {
        err.println("error: " + message);
        err.println("Run with --help for every option.");
        return 2;
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> T requireValue(T value, String message) throws UsageException {
        if (value == null) {
            throw new UsageException(message);
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }
}
