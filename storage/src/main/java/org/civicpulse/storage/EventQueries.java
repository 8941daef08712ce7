package org.civicpulse.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read path of the tables this issue builds: every read of raw events goes through FINAL,
 * so an id written twice (at-least-once delivery after a restart) is counted once.
 */
public final class EventQueries {
    private final ClickHouseDb db;

    public EventQueries(ClickHouseDb db) {
        this.db = db;
    }

    /** Accepted events per source. */
    public Map<String, Long> countsBySource() {
        return countBy("SELECT source AS k, count() AS n FROM raw_events FINAL GROUP BY source");
    }

    /** Accepted events per {@code source|district|category}. */
    public Map<String, Long> countsBySourceDistrictCategory() {
        return countBy("SELECT concat(toString(source), '|', district, '|', category) AS k, count() AS n "
                + "FROM raw_events FINAL GROUP BY k");
    }

    /** Accepted events in all. */
    public long rawCount() {
        return db.queryLong("SELECT count() AS n FROM raw_events FINAL");
    }

    /** Distinct ids among stored rows, to show no id is stored as two different rows. */
    public long distinctRawIds() {
        return db.queryLong("SELECT uniqExact(id) AS n FROM raw_events");
    }

    /** Dead letters per reason code. */
    public Map<String, Long> deadLettersByReason() {
        return countBy("SELECT reason AS k, count() AS n FROM dead_letters FINAL GROUP BY reason");
    }

    /** Dead letters with their reason, keyed by id, e.g. {@code replay:file.jsonl:7 -> INVALID_JSON}. */
    public List<JsonNode> deadLetters(int limit) {
        return db.query("SELECT id, reason, message, source_topic, line_number, event_id, original, original_base64 "
                + "FROM dead_letters FINAL ORDER BY received_at DESC, id LIMIT " + Math.max(1, Math.min(limit, 10_000)));
    }

    /** Events kept in the late-events table, by source. */
    public Map<String, Long> lateEventsBySource() {
        return countBy("SELECT source AS k, count() AS n FROM late_events FINAL GROUP BY source");
    }

    /** Event ids in the late-events table. */
    public List<String> lateEventIds() {
        return db.query("SELECT event_id FROM late_events FINAL ORDER BY event_id").stream()
                .map(r -> r.get("event_id").asText()).toList();
    }

    private Map<String, Long> countBy(String sql) {
        Map<String, Long> result = new TreeMap<>();
        for (JsonNode row : db.query(sql)) {
            result.put(row.get("k").asText(), row.get("n").asLong());
        }
        return result;
    }
}
