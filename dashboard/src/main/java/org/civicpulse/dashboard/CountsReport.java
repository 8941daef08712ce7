package org.civicpulse.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.civicpulse.contract.CityTime;
import org.civicpulse.contract.Source;
import org.civicpulse.storage.EventQueries;

/** The body of {@code GET /api/v1/counts}: accepted, dead-lettered and late events. */
public final class CountsReport {
    private CountsReport() {
    }

    /** Runs the queries (blocking: call from a worker thread) and builds the report. */
    public static JsonObject read(EventQueries queries, Instant now) {
        return of(now, queries.countsBySource(), queries.deadLettersByReason(),
                queries.lateEventsBySource());
    }

    /** Builds the report; every source appears in {@code bySource} and {@code late}, 0 if none. */
    public static JsonObject of(Instant asOf, Map<String, Long> bySource,
            Map<String, Long> deadLetters, Map<String, Long> late) {
        JsonObject sources = perSource(bySource);
        JsonObject lateSources = perSource(late);
        return new JsonObject()
                .put("asOf", CityTime.seconds(asOf))
                .put("bySource", sources)
                .put("total", sum(sources))
                .put("deadLetters", new JsonObject(Map.copyOf(deadLetters)))
                .put("deadLetterTotal", sum(new JsonObject(Map.copyOf(deadLetters))))
                .put("late", lateSources)
                .put("lateTotal", sum(lateSources));
    }

    private static JsonObject perSource(Map<String, Long> counts) {
        JsonObject json = new JsonObject();
        for (Source source : Source.values()) {
            json.put(source.name(), 0L);
        }
        counts.forEach(json::put);
        return json;
    }

    private static long sum(JsonObject counts) {
        long total = 0;
        for (String key : counts.fieldNames()) {
            total += counts.getLong(key);
        }
        return total;
    }
}
