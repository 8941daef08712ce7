package org.civicpulse.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.civicpulse.storage.ClickHouseDb;

/**
 * What storage holds of one run's input, by the run's own queries (not the product's): every
 * acknowledged valid line once in raw storage and once in the metrics, every malformed line in
 * dead-letter, and a city minute pane for every minute the load ran.
 *
 * @param rawRows      rows of the run's ids in raw_events (FINAL)
 * @param rawIds       distinct ids among them
 * @param metricsTotal the city's created_hotline summed over the day panes
 * @param minuteTotal  the same over the minute panes
 * @param deadLetters  INVALID_JSON dead letters of the run's topic
 * @param minuteGaps   minutes between the first and last pane with no pane or a zero count
 */
record Reconciliation(long rawRows, long rawIds, long metricsTotal, long minuteTotal, long deadLetters,
                      long minuteGaps) {

    static Reconciliation of(ClickHouseDb db, String run, String topic) {
        String like = "'" + run + "-%'"; // the run name is generated, never user text
        long rawRows = db.queryLong("SELECT count() FROM raw_events FINAL WHERE id LIKE " + like);
        long rawIds = db.queryLong("SELECT uniqExact(id) FROM raw_events FINAL WHERE id LIKE " + like);
        long days = db.queryLong("SELECT sum(created_hotline) FROM metric_days FINAL WHERE scope = 'city'");
        List<JsonNode> minutes = db.query("SELECT toUInt32(minute) AS m, created_hotline AS n FROM metric_minutes FINAL "
                + "WHERE scope = 'city' ORDER BY m");
        long minuteTotal = minutes.stream().mapToLong(r -> r.path("n").asLong()).sum();
        long gaps = 0;
        for (int i = 1; i < minutes.size(); i++) {
            long step = minutes.get(i).path("m").asLong() - minutes.get(i - 1).path("m").asLong();
            gaps += Math.max(0, step / 60 - 1);
        }
        gaps += minutes.stream().filter(r -> r.path("n").asLong() == 0).count();
        long dead = db.queryLong("SELECT count() FROM dead_letters FINAL WHERE reason = 'INVALID_JSON' AND source_topic = '"
                + topic + "'");
        return new Reconciliation(rawRows, rawIds, days, minuteTotal, dead, gaps);
    }

    /** Whether storage holds exactly the acknowledged input. */
    boolean exact(long acceptedSent, long malformedSent) {
        return rawRows == acceptedSent && rawIds == acceptedSent && metricsTotal == acceptedSent
                && minuteTotal == acceptedSent && deadLetters == malformedSent && minuteGaps == 0;
    }
}
