package org.civicpulse.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One line the simulator sends: a SPEC §2 event as JSON (or, for a data fault, whatever bytes a
 * broken producer would send), with the event time at which it is sent.
 *
 * @param sendAt event time at which the line is emitted: its {@code occurredAt} for a normal
 *     event, later for a late or out-of-order one; emissions come ordered by it
 * @param topicSource {@code HOTLINE}, {@code GRID} or {@code INSPECTION}: the topic it goes to;
 *     {@code null} when the line has no routable source (not JSON, no or unknown {@code source})
 * @param key the Kafka record key: the line's {@code caseId}, else its {@code id}; may be null
 * @param line one JSONL line, without the line break
 */
public record Emission(Instant sendAt, String topicSource, String key, String line) {
    /** Requires the time and the line. */
    public Emission {
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(line, "line");
    }
}
