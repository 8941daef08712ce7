package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.civicpulse.contract.Catalogue;
import org.junit.jupiter.api.Test;

/** The rates of SPEC §4 as a screen shows them, from one scope's counters. */
class ScopeViewsTest {
    private final ScopeViews views = new ScopeViews(Catalogue.load(), Clock.systemUTC(),
            ServerOptions.fromJson(new JsonObject()));

    @Test
    void shouldWeighTheExactRatesNotTheRoundedOnes() {
        // 0/1 on time, 1 of 7 resolved, 3 of 7 satisfied: 0.45 · 4/7 = 0.257142…; the rounded
        // rates (0.1429, 0.4286) would give 0.257175… and so 0.2572.
        assertThat(views.composite(0, 1, 1, 3, 0, 7)).isEqualTo(0.2571);
        JsonObject counters = new JsonObject().put("response_decisions", 1).put("ratings", 7)
                .put("ratings_resolved", 1).put("ratings_satisfied", 3);
        JsonObject rates = views.view("city", new JsonObject().put("last24h", counters), null, 0)
                .getJsonObject("rates").getJsonObject("24h");
        assertThat(rates.getDouble("resolution")).isEqualTo(0.1429);
        assertThat(rates.getDouble("satisfaction")).isEqualTo(0.4286);
        assertThat(rates.getDouble("composite")).isEqualTo(0.2571);
    }

    @Test
    void shouldComputeEachRateOfItsOwnPeriodFromItsTwoCounters() {
        JsonObject day = new JsonObject().put("created_hotline", 709).put("created_grid", 200)
                .put("created_inspection", 91).put("checks", 400).put("checks_passed", 309)
                .put("grid_closure_due", 8).put("grid_closed_on_time", 6)
                .put("response_decisions", 4).put("response_on_time", 3).put("ratings", 5).put("ratings_resolved", 5)
                .put("ratings_satisfied", 5);
        // The month's ratings are each case's latest in the month: its own counters, not `ratings`.
        JsonObject month = day.copy().put("month_ratings", 4).put("month_ratings_resolved", 1)
                .put("month_ratings_satisfied", 1).put("month_ratings_basic", 1);
        JsonObject raw = new JsonObject().put("today", day).put("last24h", day).put("month", month)
                .put("gauges", new JsonObject().put("response_pending", 2).put("rating_pending", 3));
        JsonObject v = views.view("district:110101", raw, null, 709_000); // 东城区: 70.9万 residents
        assertThat(v.getJsonObject("per10k").getDouble("today")).isEqualTo(10.0);
        assertThat(v.getJsonObject("proactiveShare").getDouble("24h")).isEqualTo(0.291); // 291 of 1,000
        assertThat(v.getJsonObject("spotCheckPassRate").getDouble("24h")).isEqualTo(0.7725);
        assertThat(v.getJsonObject("gridClosureRate").getDouble("24h")).isEqualTo(0.75);
        JsonObject m = v.getJsonObject("rates").getJsonObject("month");
        assertThat(m.getDouble("response")).isEqualTo(0.75);
        assertThat(m.getDouble("resolution")).isEqualTo(0.25);
        assertThat(m.getDouble("satisfaction")).isEqualTo(0.5);
        assertThat(m.getLong("responsePending")).isEqualTo(2);
        assertThat(m.getLong("ratingPending")).isEqualTo(3);
        assertThat(v.getJsonObject("rates").getJsonObject("7d").getDouble("response")).isNull();
    }

    @Test
    void shouldLeaveTheCompositeNullWhenAnyRateIsNull() {
        assertThat(views.composite(0, 0, 1, 1, 0, 1)).isNull();
        assertThat(views.composite(1, 1, 0, 0, 0, 0)).isNull();
        assertThat(views.composite(1, 1, 1, 0, 1, 1)).isEqualTo(1.0); // BASIC weighs 1 by default
    }
}
