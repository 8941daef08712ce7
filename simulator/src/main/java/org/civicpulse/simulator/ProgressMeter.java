package org.civicpulse.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Prints progress to stderr about once a second: lines emitted, lines per second, simulated time. */
final class ProgressMeter {
    private static final DateTimeFormatter SIMULATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    private final PrintStream out;
    private final Clock clock;
    private final long startMs;
    private long lastMs;
    private long lastCount;

    ProgressMeter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
        this.startMs = clock.millis();
        this.lastMs = startMs;
    }

    /** Prints a line when a second has passed since the last one. */
    void update(long emitted, Instant simulated) {
        long now = clock.millis();
        if (now - lastMs < 1000) {
            return;
        }
        double rate = (emitted - lastCount) * 1000.0 / (now - lastMs);
        lastMs = now;
        lastCount = emitted;
        if (out != null) {
            out.printf("simulator: %,d events emitted · %,.0f events/s · simulated time %s%n", emitted, rate,
                    format(simulated));
        }
    }

    /** Prints the final line. */
    void done(long emitted, Instant simulated) {
        double seconds = Math.max(1, clock.millis() - startMs) / 1000.0;
        if (out != null) {
            out.printf("simulator: done, %,d events in %.1f s (%,.0f events/s), simulated time reached %s%n",
                    emitted, seconds, emitted / seconds, format(simulated));
        }
    }

    private static String format(Instant t) {
        return t == null ? "-" : t.atOffset(ZoneOffset.ofHours(8)).format(SIMULATED);
    }
}
