package org.civicpulse.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * Drives a stream of emissions through a throttler into a sink until the stream ends, a time
 * limit passes or a stop is requested.
 */
final class SimulationRun {
    /** How a run ended. */
    record Summary(long emitted, double seconds, Instant lastSendAt, boolean stopped, boolean exhausted) {
        double eventsPerSecond() {
            return seconds > 0 ? emitted / seconds : emitted;
        }
    }

    private SimulationRun() {
    }

    /**
     * Runs to the end.
     *
     * @param maxWall stop after this much wall-clock time, or null for no limit
     */
    static Summary run(Iterator<Emission> stream, Throttler throttler, EmissionSink sink, ProgressMeter progress,
            BooleanSupplier stop, Duration maxWall, Clock clock) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        Instant deadline = maxWall == null ? null : clock.instant().plus(maxWall);
        long emitted = 0;
        Instant last = null;
        boolean stopped = false;
        boolean exhausted = false;
        while (true) {
            if (stop.getAsBoolean()) {
                stopped = true;
                break;
            }
            if (deadline != null && !clock.instant().isBefore(deadline)) {
                break;
            }
            if (!stream.hasNext()) {
                exhausted = true;
                break;
            }
            Emission e = stream.next();
            if (!throttler.await(e)) {
                stopped = true;
                break;
            }
            sink.send(e);
            emitted++;
            last = e.sendAt();
            progress.update(emitted, last);
        }
        sink.flush();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        progress.done(emitted, last);
        return new Summary(emitted, seconds, last, stopped, exhausted);
    }
}
