package org.civicpulse.jobs.hotspot.eval;

import java.time.Instant;
import java.util.function.Consumer;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.jobs.hotspot.HotspotFunction;
import org.civicpulse.simulator.Emission;
import org.civicpulse.simulator.EmissionStream;
import org.civicpulse.simulator.Simulator;

/**
 * The simulator's new problems (HOTLINE and GRID {@code CREATED}, failed checks) with a street, in
 * the order they are sent: exactly what the job's hotspot operator would be given.
 */
final class ProblemFeed {
    private final EventCodec codec = new EventCodec();

    /** Sends every new problem created in [from, to) to {@code out}; returns how many lines were read. */
    long run(Simulator sim, Instant from, Instant to, Consumer<CivicEvent> out) {
        long lines = 0;
        try (EmissionStream stream = sim.emissions(from, to)) {
            while (stream.hasNext()) {
                Emission e = stream.next();
                lines++;
                String line = e.line();
                // Most lines are follow-ups: skip them before paying for a parse.
                if (!line.contains("\"CREATED\"") && !line.contains("\"CHECKED\"")) {
                    continue;
                }
                CivicEvent event = codec.decodeTrusted(line);
                if (HotspotFunction.keyOf(event) != null) {
                    out.accept(event);
                }
            }
        }
        return lines;
    }
}
