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
    void shouldLeaveTheCompositeNullWhenAnyRateIsNull() {
        assertThat(views.composite(0, 0, 1, 1, 0, 1)).isNull();
        assertThat(views.composite(1, 1, 0, 0, 0, 0)).isNull();
        assertThat(views.composite(1, 1, 1, 0, 1, 1)).isEqualTo(1.0); // BASIC weighs 1 by default
    }
}
