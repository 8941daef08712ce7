package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a starting server reads from ClickHouse before it follows the live topics: the newest value
 * of every scope ({@code live_values}), each source's freshness per district ({@code freshness})
 * and every alert not closed ({@code alerts}). Loaded into {@link LiveState} first, so a scope that
 * has not changed for longer than any topic replay is still there; then the topics are replayed
 * from {@code dashboard.rebuild.margin} before the newest value read, so what the job had published
 * but not yet written is not missed, and a newer topic value wins ({@link LiveState} keeps the
 * newer {@code asOf} and the higher alert version). Without those rows (ClickHouse down, a job
 * older than V7) the topics alone rebuild the state, as before.
 */
final class StoredLiveState {
    static final int MAX_KEYS = 200_000;
    static final int MAX_ALERTS = 10_000;
    private static final int MAX_FRESHNESS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StoredLiveState.class);

    private StoredLiveState() {
    }

    /** Where to start each topic, epoch ms; 0 means from its beginning. */
    record ReplayFrom(long metricsMs, long alertsMs) {
    }

    /** Loads what ClickHouse holds into the state; blocking. */
    static ReplayFrom load(DashboardQueries queries, LiveState state, AlertViews alertViews,
            ServerOptions options, long nowMs) {
        long margin = options.rebuildMargin().toMillis();
        long metricsFrom = nowMs - options.rebuildWindow().toMillis();
        try {
            long newest = loadMetrics(queries, state);
            if (newest > 0) {
                metricsFrom = newest - margin;
            }
        } catch (RuntimeException e) {
            LOG.warn("Live values not read from ClickHouse ({}); replaying {} of the metrics topic",
                    Replies.describe(e), options.rebuildWindow());
        }
        long alertsFrom = 0;
        try {
            long newest = loadAlerts(queries, state, alertViews);
            if (newest > 0) {
                alertsFrom = newest - margin;
            }
        } catch (RuntimeException e) {
            LOG.warn("Alerts not read from ClickHouse ({}); replaying the whole alerts topic",
                    Replies.describe(e));
        }
        return new ReplayFrom(metricsFrom, alertsFrom);
    }

    /** Returns the newest write time read (epoch ms), 0 when the table holds nothing. */
    private static long loadMetrics(DashboardQueries queries, LiveState state) {
        List<JsonNode> rows = queries.liveValues(MAX_KEYS);
        long newest = 0;
        for (JsonNode row : rows) {
            long version = row.path("written").asLong();
            try {
                state.applyMetrics(new JsonObject(row.path("latest").asText()), version);
                newest = Math.max(newest, version);
            } catch (RuntimeException e) {
                LOG.warn("Skipping unreadable live value of {}: {}", row.path("key").asText(),
                        e.getMessage());
            }
        }
        if (rows.size() >= MAX_KEYS) {
            LOG.warn("live_values holds more than {} keys; only that many were read", MAX_KEYS);
        }
        if (newest > 0) {
            // Freshness has its own table; a source that stopped delivering keeps its true lag.
            for (JsonNode row : queries.freshness(MAX_FRESHNESS)) {
                state.applyMetrics(freshnessRecord(row), row.path("delivered").asLong() * 1000);
            }
        }
        LOG.info("Read {} live values from ClickHouse, the newest written at {}", rows.size(),
                newest > 0 ? Instant.ofEpochMilli(newest) : "-");
        return newest;
    }

    /** The freshness record as the job publishes it on the metrics topic. */
    static JsonObject freshnessRecord(JsonNode row) {
        String source = row.path("source").asText();
        String district = row.path("district").asText();
        return new JsonObject().put("scope", "freshness:" + source + ":" + district)
                .put("kind", "freshness").put("source", source).put("district", district)
                .put("lastDeliveredAt", CityTime.seconds(
                        Instant.ofEpochSecond(row.path("delivered").asLong())))
                .put("lastEventAt", CityTime.seconds(Instant.ofEpochSecond(row.path("event").asLong())));
    }

    private static long loadAlerts(DashboardQueries queries, LiveState state, AlertViews alertViews) {
        DashboardQueries.ActiveAlerts active = queries.activeAlerts(MAX_ALERTS);
        for (JsonNode row : active.rows()) {
            state.applyAlert(alertViews.fromRow(row), active.newestWrittenAt() * 1000);
        }
        LOG.info("Read {} alerts not closed from ClickHouse", active.rows().size());
        return active.newestWrittenAt() * 1000;
    }
}
