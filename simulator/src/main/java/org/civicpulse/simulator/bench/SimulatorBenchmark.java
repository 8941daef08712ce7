package org.civicpulse.simulator.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.simulator.Emission;
import org.civicpulse.simulator.EmissionStream;
import org.civicpulse.simulator.KafkaEmissionSink;
import org.civicpulse.simulator.Simulator;
import org.civicpulse.simulator.SimulatorConfig;

/**
 * Measures how many events a second the simulator produces: generation alone (plan, lifecycle,
 * faults, JSON encoding), and with {@code --kafka} through the real producer to the broker of
 * {@code CIVICPULSE_KAFKA_BOOTSTRAP} (into the configured topics: run it against a scratch stack).
 * Prints one Markdown table row per figure: {@code | what | size | time | rate |}.
 *
 * <p>Usage: {@code SimulatorBenchmark [--days N (3)] [--scale F (1)] [--seed N (12345)] [--kafka]}
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int days = 3;
        double scale = 1;
        long seed = SimulatorConfig.DEFAULT_SEED;
        boolean kafka = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--kafka" -> kafka = true;
                default -> {
                    System.err.println("usage: SimulatorBenchmark [--days N] [--scale F] [--seed N] [--kafka]");
                    System.exit(2);
                }
            }
        }
        SimulatorConfig config = SimulatorConfig.defaults().withScale(scale).withSeed(seed);
        Simulator simulator = new Simulator(Catalogue.load(), config);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofDays(days));
        String label = String.format(Locale.ROOT, "scale %s, %d days, seed %d, default fault rates", fmt(scale), days,
                seed);

        // Warm-up: the JIT compiles the generator on a separate, earlier range.
        drain(simulator, from.minus(Duration.ofDays(1)), from.minus(Duration.ofHours(12)), null);

        long t0 = System.nanoTime();
        long[] generated = drain(simulator, from, to, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        row("simulator: generate + encode only (" + label + ")", generated[0], generated[1], seconds);

        if (kafka) {
            Settings settings = Settings.fromEnvironment();
            KafkaEmissionSink.requireBroker(settings, Duration.ofSeconds(10));
            long t1 = System.nanoTime();
            long[] sent;
            try (KafkaEmissionSink sink = new KafkaEmissionSink(settings)) {
                sent = drain(simulator, from, to, sink);
                sink.flush();
            }
            double kafkaSeconds = (System.nanoTime() - t1) / 1e9;
            row("simulator → Kafka " + settings.get(Setting.KAFKA_BOOTSTRAP)
                    + " (acks=all, idempotent, lz4, linger 10 ms, 256 KiB batches; " + label + ")",
                    sent[0], sent[1], kafkaSeconds);
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    /** Emits the range, optionally into the sink; returns {lines, UTF-8 bytes}. */
    private static long[] drain(Simulator simulator, Instant from, Instant to, KafkaEmissionSink sink)
            throws IOException {
        long lines = 0;
        long chars = 0;
        try (EmissionStream stream = simulator.emissions(from, to)) {
            while (stream.hasNext()) {
                Emission e = stream.next();
                lines++;
                chars += utf8Length(e.line());
                if (sink != null) {
                    sink.send(e);
                }
            }
        }
        return new long[] {lines, chars};
    }

    private static void row(String what, long lines, long chars, double seconds) {
        System.out.printf(Locale.ROOT, "| %s | %,d events (%.0f MB of JSON) | %.1f s | %,.0f events/s |%n", what,
                lines, chars / 1e6, seconds, lines / seconds);
    }

    private static String fmt(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
