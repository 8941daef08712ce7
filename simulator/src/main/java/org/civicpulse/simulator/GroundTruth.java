package org.civicpulse.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Receives what the simulator injected, as the stream emits it: every faulty line, and per drill
 * item the events it added. {@link TruthFile} writes it as JSONL next to the events.
 */
public interface GroundTruth {
    /** Discards everything. */
    GroundTruth NONE = new GroundTruth() {
        @Override
        public void fault(FaultRecord record) {
        }

        @Override
        public void injection(InjectionRecord record) {
        }
    };

    /** A faulty line was emitted. */
    void fault(FaultRecord record);

    /** A drill item's window has passed (or the stream ended): what it injected. */
    void injection(InjectionRecord record);

    /**
     * One faulty line.
     *
     * @param record always {@code "fault"}
     * @param kind the {@link FaultKind}
     * @param expected what the pipeline should do with it: a dead-letter reason such as
     *     {@code MISSING_FIELD:district}, or {@code DUPLICATE_IGNORED}, {@code ACCEPTED},
     *     {@code ACCEPTED_LATE}, {@code TOO_LATE}, {@code ACCEPTED_WITH_WARNING:UNKNOWN_STREET}
     * @param sendAt when the line was emitted
     * @param occurredAt the event time of the event it was derived from
     * @param id the id of that event (the line itself may carry another or none)
     * @param caseId its case, or null
     * @param source its source
     * @param delaySeconds for LATE and OUT_OF_ORDER: how long after its event time it was sent
     * @param line the emitted line
     */
    record FaultRecord(String record, String kind, String expected, Instant sendAt, Instant occurredAt, String id,
            String caseId, String source, Double delaySeconds, String line) {
    }

    /**
     * What one drill item injected (only events inside the emitted range are counted).
     *
     * @param record always {@code "injection"}
     * @param item {@code hotspots[i]} or {@code incidents[i]}
     * @param id the item's own id from the scenario file
     * @param kind {@code HOTSPOT} or the incident's kind
     * @param source the source of the injected cases
     * @param district district code
     * @param street the street, or null for a whole district
     * @param point the point (address), or null
     * @param category catalogue code
     * @param start start of the window
     * @param end end of the window
     * @param multiplier the hotspot's multiplier, or null
     * @param extraCount the planned number of extra problems, or null
     * @param injected how many extra problems were emitted (their opening events)
     * @param complete whether the whole window lay inside the emitted range
     * @param countsPerHour injected problems per hour (Beijing time, by event time)
     * @param ids the ids of the injected opening events
     * @param caseIds the injected cases
     */
    record InjectionRecord(String record, String item, String id, String kind, String source, String district,
            String street, String point, String category, Instant start, Instant end, Double multiplier,
            Integer extraCount, int injected, boolean complete, Map<String, Integer> countsPerHour,
            List<String> ids, List<String> caseIds) {
    }
}
