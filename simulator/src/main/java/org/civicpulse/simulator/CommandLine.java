package org.civicpulse.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The simulator's command line, parsed by hand: a mode and {@code --option value} pairs. */
final class CommandLine {
    /** What the simulator does with the stream. */
    enum Mode {
        FILE, BACKFILL, LIVE, RATE
    }

    /** A command line that cannot be run, with a message for the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Options that take a value, and those that do not. */
    private static final Set<String> WITH_VALUE = Set.of("from", "to", "days", "cases-from", "backfill-days", "out",
            "truth", "speed", "eps", "seconds", "seed", "scale", "hotline-per-day", "grid-per-day",
            "inspections-per-day", "inspection-case-share", "response-late", "resolution-late", "reopen",
            "left-open", "scenario", "faults", "fault");
    private static final Set<String> FLAGS = Set.of("help", "quiet");

    final Mode mode;
    final boolean help;
    private final Map<String, List<String>> values;

    private CommandLine(Mode mode, boolean help, Map<String, List<String>> values) {
        this.mode = mode;
        this.help = help;
        this.values = values;
    }

    static CommandLine parse(String[] args) throws UsageException {
        Mode mode = null;
        boolean help = false;
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("help")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                if (mode != null) {
                    throw new UsageException("unexpected argument '" + arg + "' (the mode is already "
                            + name(mode) + ")");
                }
                mode = mode(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                if (name.equals("help")) {
                    help = true;
                } else {
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                }
                continue;
            }
            if (!WITH_VALUE.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!name.equals("fault") && values.containsKey(name)) {
                throw new UsageException("--" + name + " is given twice");
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (mode == null && !help) {
            throw new UsageException("no mode given: file, backfill, live or rate");
        }
        return new CommandLine(mode, help, values);
    }

    private static Mode mode(String text) throws UsageException {
        try {
            return Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown mode '" + text + "': use file, backfill, live or rate");
        }
    }

    static String name(Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String text(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Rejects options that mean nothing in this mode. */
    void allowOnly(Set<String> allowed) throws UsageException {
        for (String name : values.keySet()) {
            if (!allowed.contains(name)) {
                throw new UsageException("--" + name + " does not apply to mode " + name(mode));
            }
        }
    }

    Instant instant(String name) throws UsageException {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return ScenarioLoader.parseTime(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    Path path(String name) {
        String v = text(name);
        return v == null ? null : Path.of(v);
    }

    Integer wholeNumber(String name, int min) throws UsageException {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", is " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    Long longNumber(String name) throws UsageException {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a whole number");
        }
    }

    /** A number in [min, max]; {@code minExclusive} excludes min itself. */
    Double number(String name, double min, boolean minExclusive, double max) throws UsageException {
        String v = text(name);
        return v == null ? null : number(name, v, min, minExclusive, max);
    }

    static double number(String name, String v, double min, boolean minExclusive, double max) throws UsageException {
        double x;
        try {
            x = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": '" + v + "' is not a number");
        }
        boolean aboveMin = minExclusive ? x > min : x >= min;
        if (!aboveMin || !(x <= max)) {
            throw new UsageException("--" + name + " must be " + (minExclusive ? "> " : "≥ ") + fmt(min)
                    + (max < Double.MAX_VALUE ? " and ≤ " + fmt(max) : "") + ", is " + v);
        }
        return x;
    }

    /** The fault rates: defaults, then {@code --faults} for all, then each {@code --fault KIND=RATE}. */
    FaultRates faults() throws UsageException {
        try {
            FaultRates rates = FaultRates.defaults();
            Double all = number("faults", 0, false, 0.5 / FaultKind.values().length);
            if (all != null) {
                rates = FaultRates.all(all);
            }
            for (String spec : all("fault")) {
                int eq = spec.indexOf('=');
                if (eq < 0) {
                    throw new UsageException("--fault takes KIND=RATE, e.g. LATE=0.01; got '" + spec + "'");
                }
                String kindName = spec.substring(0, eq).trim().toUpperCase(Locale.ROOT).replace('-', '_');
                FaultKind kind;
                try {
                    kind = FaultKind.valueOf(kindName);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--fault: unknown kind '" + spec.substring(0, eq) + "'; kinds: "
                            + List.of(FaultKind.values()));
                }
                rates = rates.with(kind, number("fault " + kind, spec.substring(eq + 1), 0, false, 0.5));
            }
            return rates;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** The text of {@code --help}. */
    static String help(double defaultGridPerDay) {
        StringBuilder faults = new StringBuilder();
        for (FaultKind k : FaultKind.values()) {
            faults.append(String.format(Locale.ROOT, "                          %-22s %-7s %s%n", k.name(),
                    fmt(k.defaultRate()), k.description()));
        }
        return """
                CivicPulse simulator: realistic Beijing 12345 hotline, grid and spot-check events.

                Usage: ./civicpulse simulate MODE [options]
                       (java -cp … org.civicpulse.simulator.SimulatorMain MODE [options])

                Modes:
                  file       write the events as JSONL (the replay format) to --out, with the ground
                             truth next to it; range --from/--to, or --days
                  backfill   --days of history up to now, as fast as possible, to Kafka
                  live       from now on, paced by the wall clock (x --speed), to Kafka, until Ctrl-C or
                             SIGTERM (which flush and exit 0); --backfill-days sends history first
                  rate       a fixed --eps events per second, to Kafka, for benchmarks; the stream from
                             --from to --to is sent in its own order with its own event times, so event
                             time advances as fast as the rate consumes it (compressed, not rewritten)

                Range (ISO-8601 with an offset, e.g. 2026-11-20T09:00:00+08:00; a Beijing local
                2026-11-20T09:00 or a date 2026-11-20 also work):
                  --from ISO              start of the emitted range            (file: or --days; backfill: now
                                          minus --days; live: now; rate: now minus 30 days)
                  --to ISO                end of the range, exclusive            (file: or --days; rate: now)
                  --days N                file: N days ending at --to (default now) or starting at --from;
                                          backfill: N days up to now            (default 8)
                  --backfill-days N       live: first send the N days before --from as fast as possible,
                                          then go live without a gap             (default 0)
                  --cases-from ISO        simulate the cases created from here on (default: the start of
                                          the range); set it to an earlier run's start to continue that
                                          run's open cases without orphans
                  --speed F               live: event-time seconds per wall-clock second (default 1); above 1,
                                          event time overtakes the wall clock unless --from is in the past,
                                          and the pipeline rejects events > 5 min ahead (FUTURE_TIMESTAMP)
                  --eps N                 rate: events per second                (required)
                  --seconds S             rate: stop after S seconds             (default: until the range is
                                          used up or the run is stopped)

                Output:
                  --out FILE              file: the JSONL file to write          (required)
                  --truth FILE            ground truth JSONL: every faulty line with its expected outcome,
                                          every drill item with its injected ids and counts per hour
                                          (file: default <out>.truth.jsonl; other modes: none)
                  --quiet                 no progress lines on stderr (progress: about once a second)

                Model (every volume is scaled by --scale):
                  --seed N                random seed; same seed, options and range = same bytes (default 12345)
                  --scale F               volume factor, 1 = full-scale Beijing   (default 1)
                  --hotline-per-day N     dispatched HOTLINE tickets a day (requests, not consultations)
                                          (default 25000)
                  --grid-per-day N        GRID reports a day (default %s: Xicheng's ~700 a day per 1.1M
                                          residents in the core, less in outer districts)
                  --inspections-per-day N INSPECTION spot checks a day            (default 3000)
                  --inspection-case-share F  share of failed checks that open a case (default 0.6)
                  --response-late F       share of cases responding after their limit   (default 0.01)
                  --resolution-late F     share of cases resolved after their limit     (default 0.05)
                  --reopen F              share of resolved cases REOPENED               (default 0.03)
                  --left-open F           share of cases never resolved or closed        (default 0.002)
                  --scenario FILE         drill: hotspots and incidents to inject (JSON; see
                                          samples/drill-example.json)

                Data faults (rates are shares of the valid events each kind applies to; 0 disables):
                  --faults F              every kind at rate F (--faults 0: a clean stream)
                  --fault KIND=F          one kind's rate; repeatable. Kinds and defaults:
                %s
                Kafka (backfill, live, rate): bootstrap servers and topics come from the environment:
                  CIVICPULSE_KAFKA_BOOTSTRAP (default 127.0.0.1:19092), CIVICPULSE_TOPIC_HOTLINE,
                  CIVICPULSE_TOPIC_GRID, CIVICPULSE_TOPIC_INSPECTION. Record key: caseId, else id. Lines with
                  no routable source (not JSON, no or an unknown source) are sent to the HOTLINE topic, so
                  the pipeline sees them and dead-letters them.

                  --help                  this text

                Exit status: 0 done (or stopped by Ctrl-C/SIGTERM), 1 failure (e.g. no broker), 2 bad options.
                """.formatted(String.format(Locale.ROOT, "%.0f", defaultGridPerDay), faults);
    }
}
