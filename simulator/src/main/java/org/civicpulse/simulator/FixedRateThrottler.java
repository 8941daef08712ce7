package org.civicpulse.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Benchmark pacing: the n-th emission is due {@code n / eventsPerSecond} seconds after the first,
 * whatever its event time. Waits shorter than a millisecond are skipped, so high rates go out in
 * small bursts that keep the average exact.
 */
public final class FixedRateThrottler implements Throttler {
    private final Clock clock;
    private final Sleeper sleeper;
    private final double eventsPerSecond;
    private final BooleanSupplier stopRequested;
    private Instant start;
    private long count;

    public FixedRateThrottler(Clock clock, Sleeper sleeper, double eventsPerSecond, BooleanSupplier stopRequested) {
        if (!(eventsPerSecond > 0) || Double.isInfinite(eventsPerSecond)) {
            throw new IllegalArgumentException("events per second must be a positive number, is " + eventsPerSecond);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.eventsPerSecond = eventsPerSecond;
        this.stopRequested = stopRequested;
    }

    @Override
    public boolean await(Emission emission) throws InterruptedException {
        if (start == null) {
            start = clock.instant();
        }
        Instant due = start.plusNanos((long) (count * 1e9 / eventsPerSecond));
        count++;
        while (true) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            Duration wait = Duration.between(clock.instant(), due);
            if (wait.toMillis() < 1) {
                return true;
            }
            sleeper.sleep(wait.compareTo(Duration.ofMillis(200)) > 0 ? Duration.ofMillis(200) : wait);
        }
    }
}
