package org.civicpulse.dashboard;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.CityTime;
import org.civicpulse.contract.Source;

/**
 * Turns the counters of one scope, as the job publishes them on the live metrics topic, into what a
 * screen shows (docs/API.md, "ScopeView"): volumes per source, backlog, the 三率 with their pending
 * counts, proactive share, pass and closure rates, 万人诉求比 and data freshness. Every rate is
 * computed here, from two counters, so each number can be traced back.
 */
public final class ScopeViews {
    private final Catalogue catalogue;
    private final Clock clock;
    private final Duration staleAfter;
    private final double[] weights;
    private final double basicWeight;

    public ScopeViews(Catalogue catalogue, Clock clock, ServerOptions options) {
        this.catalogue = catalogue;
        this.clock = clock;
        this.staleAfter = options.staleAfter();
        this.weights = options.weights();
        this.basicWeight = options.basicWeight();
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /**
     * The view of one scope.
     *
     * @param raw        the scope's latest live record, or null when it published nothing yet
     * @param freshness  the freshness records of the sources that deliver to this scope, keyed by
     *                   source; null for scopes that do not show freshness
     * @param population residents, for 万人诉求比; 0 for scopes without a population
     */
    public JsonObject view(String scope, JsonObject raw, Map<Source, JsonObject> freshness,
            long population) {
        JsonObject json = raw == null ? new JsonObject() : raw;
        JsonObject gauges = obj(json, "gauges");
        JsonObject day = obj(json, "today");
        JsonObject last24h = obj(json, "last24h");
        JsonObject view = new JsonObject()
                .put("scope", scope)
                .put("asOf", CityTime.seconds(json.getString("asOf")))
                .put("today", perSource(day))
                .put("last60m", perSource(obj(json, "last60m")))
                .put("last24h", perSource(last24h))
                .put("open", n(gauges, "open"))
                .put("overdue", n(gauges, "overdue"))
                .put("aboutToBreach", n(gauges, "about_to_breach"))
                .put("rates", new JsonObject()
                        .put("24h", rates(last24h, gauges, ""))
                        .put("7d", rates(obj(json, "last7d"), gauges, ""))
                        .put("month", rates(obj(json, "month"), gauges, "month_")))
                .put("proactiveShare", new JsonObject().put("24h", proactive(last24h))
                        .put("today", proactive(day)))
                .put("spotCheckPassRate", new JsonObject()
                        .put("24h", ratio(n(last24h, "checks_passed"), n(last24h, "checks")))
                        .put("today", ratio(n(day, "checks_passed"), n(day, "checks"))))
                .put("gridClosureRate", new JsonObject().put("24h",
                        ratio(n(last24h, "grid_closed_on_time"), n(last24h, "grid_closure_due"))))
                .put("blindSpots", new JsonObject().put("24h", n(last24h, "blind_spots")));
        if (population > 0) {
            double tenThousands = population / 10_000.0;
            view.put("per10k", new JsonObject()
                    .put("24h", round(n(last24h, "created_hotline") / tenThousands))
                    .put("today", round(n(day, "created_hotline") / tenThousands)));
        }
        if (freshness != null) {
            view.put("freshness", freshness(freshness));
        }
        return view;
    }

    /**
     * Composite score (月评) from the counters of the three rates; null if any rate is null. It
     * weighs the exact rates, not the ones rounded for display, which could move its last digit.
     */
    public Double composite(long onTime, long decisions, long resolved, long satisfied, long basic,
            long ratings) {
        if (decisions == 0 || ratings == 0) {
            return null;
        }
        return round(weights[0] * onTime / decisions + weights[1] * resolved / ratings
                + weights[2] * satisfactionOf(satisfied, basic, ratings));
    }

    /** Satisfaction rate: (SATISFIED + w·BASIC) ÷ ratings. */
    public Double satisfaction(long satisfied, long basic, long ratings) {
        return ratings == 0 ? null : round(satisfactionOf(satisfied, basic, ratings));
    }

    private double satisfactionOf(long satisfied, long basic, long ratings) {
        return (satisfied + basicWeight * basic) / ratings;
    }

    /** A fraction rounded to four places, or null when nothing was decided. */
    public static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    private JsonObject rates(JsonObject c, JsonObject gauges, String ratingPrefix) {
        long onTime = n(c, "response_on_time");
        long decisions = n(c, "response_decisions");
        long ratings = n(c, ratingPrefix + "ratings");
        long resolved = n(c, ratingPrefix + "ratings_resolved");
        long satisfied = n(c, ratingPrefix + "ratings_satisfied");
        long basic = n(c, ratingPrefix + "ratings_basic");
        return new JsonObject()
                .put("response", ratio(onTime, decisions))
                .put("resolution", ratio(resolved, ratings))
                .put("satisfaction", satisfaction(satisfied, basic, ratings))
                .put("composite", composite(onTime, decisions, resolved, satisfied, basic, ratings))
                .put("responsePending", n(gauges, "response_pending"))
                .put("ratingPending", n(gauges, "rating_pending"))
                .put("responseDecisions", decisions)
                .put("ratings", ratings);
    }

    private JsonObject freshness(Map<Source, JsonObject> bySource) {
        JsonObject out = new JsonObject();
        Instant now = clock.instant();
        for (Source source : Source.values()) {
            JsonObject record = bySource.get(source);
            String delivered = record == null ? null : record.getString("lastDeliveredAt");
            if (delivered == null) {
                out.put(source.name(), new JsonObject().putNull("lagSeconds")
                        .putNull("lastDeliveredAt").put("stale", true));
                continue;
            }
            long lag = Math.max(0, Duration.between(OffsetDateTime.parse(delivered).toInstant(),
                    now).toSeconds());
            out.put(source.name(), new JsonObject().put("lagSeconds", lag)
                    .put("lastDeliveredAt", CityTime.seconds(delivered))
                    .put("stale", lag > staleAfter.toSeconds()));
        }
        return out;
    }

    private static Double proactive(JsonObject c) {
        long proactive = n(c, "created_grid") + n(c, "created_inspection");
        return ratio(proactive, proactive + n(c, "created_hotline"));
    }

    private static JsonObject perSource(JsonObject c) {
        return new JsonObject()
                .put(Source.HOTLINE.name(), n(c, "created_hotline"))
                .put(Source.GRID.name(), n(c, "created_grid"))
                .put(Source.INSPECTION.name(), n(c, "created_inspection"));
    }

    private static JsonObject obj(JsonObject json, String field) {
        JsonObject value = json.getJsonObject(field);
        return value == null ? new JsonObject() : value;
    }

    private static long n(JsonObject json, String field) {
        Number value = json.getNumber(field);
        return value == null ? 0 : value.longValue();
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
