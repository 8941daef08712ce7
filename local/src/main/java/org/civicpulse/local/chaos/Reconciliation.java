package org.civicpulse.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.civicpulse.storage.ClickHouseDb;

/**
 * What storage holds of one run's input, by the run's own queries (not the product's): every
 * acknowledged valid line once in raw storage and once in the metrics (hotline and grid cases,
 * spot checks), every malformed line in dead-letter, and a city minute pane with hotline cases for
 * every minute the load ran.
 *
 * @param rawRows     rows of the run's ids in raw_events (FINAL)
 * @param rawIds      distinct ids among them
 * @param hotline     the city's created_hotline summed over the day panes
 * @param grid        the city's created_grid summed over the day panes
 * @param checks      the city's checks summed over the day panes
 * @param minuteTotal the city's created_hotline summed over the minute panes
 * @param deadLetters INVALID_JSON dead letters of the run's hotline topic
 * @param minuteGaps  minutes between the first and last pane with no pane or no hotline case
 */
record Reconciliation(long rawRows, long rawIds, long hotline, long grid, long checks, long minuteTotal,
                      long deadLetters, long minuteGaps) {

    static final Reconciliation NOTHING = new Reconciliation(0, 0, 0, 0, 0, 0, 0, 0);

    static Reconciliation of(ClickHouseDb db, String run, String hotlineTopic) {
        String like = "'" + run + "-%'"; // the run name is generated, never user text
        long rawRows = db.queryLong("SELECT count() FROM raw_events FINAL WHERE id LIKE " + like);
        long rawIds = db.queryLong("SELECT uniqExact(id) FROM raw_events FINAL WHERE id LIKE " + like);
        String days = "FROM metric_days FINAL WHERE scope = 'city'";
        long hotline = db.queryLong("SELECT sum(created_hotline) " + days);
        long grid = db.queryLong("SELECT sum(created_grid) " + days);
        long checks = db.queryLong("SELECT sum(checks) " + days);
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
                + hotlineTopic + "'");
        return new Reconciliation(rawRows, rawIds, hotline, grid, checks, minuteTotal, dead, gaps);
    }

    /** Whether storage holds exactly the acknowledged input. */
    boolean exact(LoadGenerator sent) {
        long valid = sent.ackedValid();
        return rawRows == valid && rawIds == valid && hotline == sent.ackedHotline() && grid == sent.ackedGrid()
                && checks == sent.ackedInspection() && minuteTotal == sent.ackedHotline()
                && deadLetters == sent.ackedMalformed() && minuteGaps == 0;
    }

    /** Valid lines acknowledged by the broker that raw storage does not hold. */
    long lost(LoadGenerator sent) {
        return Math.max(0, sent.ackedValid() - rawIds);
    }

    /** Rows or counts beyond what was sent: duplicate ids in raw storage, excess in the metrics. */
    long countedTwice(LoadGenerator sent) {
        return Math.max(0, rawRows - rawIds) + Math.max(0, hotline - sent.ackedHotline())
                + Math.max(0, grid - sent.ackedGrid()) + Math.max(0, checks - sent.ackedInspection());
    }
}
