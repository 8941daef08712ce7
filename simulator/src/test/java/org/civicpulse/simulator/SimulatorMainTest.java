package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help, errors, and each mode with a fake clock and, for Kafka modes, a collecting sink. */
class SimulatorMainTest {
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Emission> sent = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void shouldListEveryOptionWithItsDefaultInTheHelp() {
        assertThat(run("--help")).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--from", "--to", "--days", "--cases-from", "--backfill-days", "--out",
                "--truth", "--speed", "--eps", "--seconds", "--seed", "--scale", "--hotline-per-day", "--grid-per-day",
                "--inspections-per-day", "--inspection-case-share", "--response-late", "--resolution-late", "--reopen",
                "--left-open", "--scenario", "--faults", "--fault", "--quiet", "--help")) {
            assertThat(help).contains(option + " ");
        }
        assertThat(help).contains("file", "backfill", "live", "rate", "(default 12345)", "(default 25000)",
                "(default 8)", "HOTLINE topic", "dead-letters");
        for (FaultKind k : FaultKind.values()) {
            assertThat(help).contains(k.name());
        }
    }

    @Test
    void shouldExplainBadCommandLinesAndExitWithTwo() {
        assertThat(run("file", "--bogus", "1")).isEqualTo(2);
        assertThat(errors()).contains("unknown option --bogus");
        assertThat(run("fly")).isEqualTo(2);
        assertThat(errors()).contains("unknown mode 'fly'");
        assertThat(run("file", "--from")).isEqualTo(2);
        assertThat(errors()).contains("--from needs a value");
        assertThat(run("file", "--from", "tomorrow", "--days", "1", "--out", "x.jsonl")).isEqualTo(2);
        assertThat(errors()).contains("--from: 'tomorrow' is not an ISO-8601 date-time");
        assertThat(run("file", "--days", "1")).isEqualTo(2);
        assertThat(errors()).contains("file mode needs --out FILE");
        assertThat(run("rate")).isEqualTo(2);
        assertThat(errors()).contains("rate mode needs --eps N");
        assertThat(run("file", "--speed", "2", "--days", "1", "--out", "x.jsonl")).isEqualTo(2);
        assertThat(errors()).contains("--speed does not apply to mode file");
        assertThat(run("backfill", "--scale", "-1")).isEqualTo(2);
        assertThat(errors()).contains("--scale must be > 0");
        assertThat(run("backfill", "--fault", "NOT_A_KIND=0.1")).isEqualTo(2);
        assertThat(errors()).contains("unknown kind 'NOT_A_KIND'");
        assertThat(run("file", "--days", "1", "--out", "x.jsonl", "--scenario", "missing.json")).isEqualTo(2);
        assertThat(errors()).contains("missing.json");
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldWriteTheSameLinesAsTheGeneratorAndTheGroundTruthNextToThem() throws IOException {
        Path events = dir.resolve("day.jsonl");
        assertThat(run("file", "--from", "2026-11-20T00:00:00+08:00", "--to", "2026-11-20T12:00:00+08:00",
                "--scale", "0.02", "--faults", "0.01", "--out", events.toString())).isZero();
        Runs.Output expected = Runs.run(SimulatorConfig.defaults().withScale(0.02).withFaults(FaultRates.all(0.01)),
                Runs.midnight(2026, 11, 20), Runs.midnight(2026, 11, 20).plus(Duration.ofHours(12)));
        assertThat(Files.readAllLines(events)).isEqualTo(expected.lines());
        List<String> truth = Files.readAllLines(dir.resolve("day.truth.jsonl"));
        JsonNode first = Runs.CODEC.mapper().readTree(truth.get(0));
        JsonNode last = Runs.CODEC.mapper().readTree(truth.get(truth.size() - 1));
        assertThat(first.get("record").asText()).isEqualTo("run");
        assertThat(first.get("seed").asLong()).isEqualTo(12345);
        assertThat(last.get("record").asText()).isEqualTo("summary");
        assertThat(last.get("emitted").asLong()).isEqualTo(expected.emissions().size());
        assertThat(truth).hasSize(expected.faults().size() + 2);
        assertThat(errors()).contains("wrote", "events/s");
    }

    @Test
    void shouldBackfillTheLastDaysToKafkaAsFastAsPossible() {
        assertThat(run("backfill", "--days", "2", "--scale", "0.01", "--quiet")).isZero();
        assertThat(sent).isNotEmpty();
        assertThat(sent.get(0).sendAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(2)));
        assertThat(sent.get(sent.size() - 1).sendAt()).isBefore(NOW);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void shouldPaceLiveEventsByTheWallClockAfterABackfillAndStopCleanly() {
        AtomicBoolean stop = new AtomicBoolean();
        // Stop once an hour of live events has gone out; the fake sleeper moves the clock forward.
        SimulatorMain main = main(emission -> {
            if (emission.sendAt().isAfter(NOW.plus(Duration.ofHours(1)))) {
                stop.set(true);
            }
        });
        assertThat(main.run(new String[] {"live", "--backfill-days", "1", "--scale", "0.01", "--quiet"}, stop::get))
                .isZero();
        List<Emission> live = sent.stream().filter(e -> !e.sendAt().isBefore(NOW)).toList();
        assertThat(sent.stream().filter(e -> e.sendAt().isBefore(NOW))).hasSizeGreaterThan(100);
        assertThat(live).hasSizeGreaterThan(10);
        // Each live line went out no earlier than its send time on the (fake) wall clock.
        assertThat(clock.instant()).isAfterOrEqualTo(live.get(live.size() - 1).sendAt());
        assertThat(clock.instant()).isBefore(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldSendAFixedNumberOfEventsPerSecond() {
        assertThat(run("rate", "--eps", "100", "--seconds", "3", "--scale", "0.05", "--quiet")).isZero();
        assertThat(sent).hasSizeBetween(295, 301);
        assertThat(Duration.between(NOW, clock.instant())).isBetween(Duration.ofMillis(2900), Duration.ofMillis(3100));
    }

    @Test
    void shouldPutTheGroundTruthBesideTheOutputFile() {
        assertThat(SimulatorMain.truthNextTo(Path.of("out/events.jsonl"))).isEqualTo(Path.of("out/events.truth.jsonl"));
        assertThat(SimulatorMain.truthNextTo(Path.of("events.txt"))).isEqualTo(Path.of("events.txt.truth.jsonl"));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return main(e -> { }).run(args, () -> false);
    }

    private SimulatorMain main(java.util.function.Consumer<Emission> onSend) {
        SimulatorMain.KafkaConnector kafka = settings -> new EmissionSink() {
            @Override
            public void send(Emission emission) {
                sent.add(emission);
                onSend.accept(emission);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Sleeper sleeper = clock::advance;
        return new SimulatorMain(clock, sleeper, Settings.defaults(), kafka,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A clock the fake sleeper moves forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
