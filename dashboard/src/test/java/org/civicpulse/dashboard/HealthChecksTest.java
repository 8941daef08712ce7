package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.civicpulse.dashboard.HealthChecks.Check;
import org.civicpulse.dashboard.HealthChecks.Health;
import org.junit.jupiter.api.Test;

class HealthChecksTest {
    @Test
    void shouldCountFlinkUpWhenSomeJobIsRunning() {
        JsonObject overview = new JsonObject("{\"jobs\":["
                + "{\"jid\":\"a\",\"name\":\"old\",\"state\":\"CANCELED\"},"
                + "{\"jid\":\"b\",\"name\":\"civicpulse-jobs\",\"state\":\"RUNNING\"}]}");

        assertThat(HealthChecks.flinkCheck(overview))
                .isEqualTo(new Check(true, "civicpulse-jobs: RUNNING"));
    }

    @Test
    void shouldCountFlinkDownWhenNoJobRuns() {
        JsonObject overview = new JsonObject("{\"jobs\":[{\"jid\":\"a\","
                + "\"name\":\"civicpulse-jobs\",\"state\":\"RESTARTING\"}]}");

        Check check = HealthChecks.flinkCheck(overview);

        assertThat(check.up()).isFalse();
        assertThat(check.detail()).contains("civicpulse-jobs: RESTARTING");
    }

    @Test
    void shouldCountFlinkDownWhenNoJobWasSubmitted() {
        assertThat(HealthChecks.flinkCheck(new JsonObject("{\"jobs\":[]}")).up()).isFalse();
    }

    @Test
    void shouldBeDegradedWhenAnyCheckIsDown() {
        Health health = new Health(new Check(true, "ok"), new Check(false, "refused"),
                new Check(true, "job: RUNNING"));

        assertThat(health.allUp()).isFalse();
        assertThat(health.toJson().getString("status")).isEqualTo("DEGRADED");
        assertThat(health.toJson().getJsonObject("checks").getJsonObject("clickhouse").getMap())
                .containsEntry("up", false).containsEntry("detail", "refused");
    }

    @Test
    void shouldBeUpWhenEveryCheckIsUp() {
        Health health = new Health(new Check(true, "a"), new Check(true, "b"),
                new Check(true, "c"));

        assertThat(health.toJson().getString("status")).isEqualTo("UP");
    }
}
