package org.civicpulse.simulator;

import java.time.Duration;

/** Waits; injected so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** {@link Thread#sleep}. */
    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()),
            (int) (duration.toNanosPart() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
