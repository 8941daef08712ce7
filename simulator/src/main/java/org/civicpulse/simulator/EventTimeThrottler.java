package org.civicpulse.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Live pacing: an emission is sent when the wall clock reaches its send time, mapped as
 * {@code wall = wallAnchor + (sendAt − simAnchor) / speed}. Emissions before the anchor (a
 * backfill) go out at once; waits are cut into slices so a stop request is seen within 200 ms.
 */
public final class EventTimeThrottler implements Throttler {
    private static final Duration SLICE = Duration.ofMillis(200);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant simAnchor;
    private final Instant wallAnchor;
    private final double speed;
    private final BooleanSupplier stopRequested;

    /**
     * @param simAnchor the event time that corresponds to now on the wall clock
     * @param speed event-time seconds per wall-clock second (1 = real time)
     */
    public EventTimeThrottler(Clock clock, Sleeper sleeper, Instant simAnchor, double speed,
            BooleanSupplier stopRequested) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, is " + speed);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.simAnchor = simAnchor;
        this.wallAnchor = clock.instant();
        this.speed = speed;
        this.stopRequested = stopRequested;
    }

    /** The wall-clock time at which an emission with this send time is due. */
    Instant dueAt(Instant sendAt) {
        double seconds = Duration.between(simAnchor, sendAt).toMillis() / 1000.0 / speed;
        return wallAnchor.plusMillis((long) Math.floor(seconds * 1000));
    }

    @Override
    public boolean await(Emission emission) throws InterruptedException {
        Instant due = dueAt(emission.sendAt());
        while (true) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            Duration wait = Duration.between(clock.instant(), due);
            if (wait.isNegative() || wait.isZero()) {
                return true;
            }
            sleeper.sleep(wait.compareTo(SLICE) > 0 ? SLICE : wait);
        }
    }
}
