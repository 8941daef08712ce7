package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The times of {@code GET /api/v1/snapshot} and the live feed have the shape SPEC §7 shows
 * ({@code 2026-03-10T15:42:07+08:00}) whatever the job wrote: earlier builds of the job wrote
 * {@code OffsetDateTime.toString()} (no seconds on a whole minute, milliseconds otherwise), and
 * {@code live_values} may still hold such records; the job now writes milliseconds always.
 */
class SnapshotTimesTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A time exactly as earlier builds of the job's serializers wrote it. */
    private static String asTheJobWrites(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), CITY).toString();
    }

    @Test
    void shouldGiveTheWatermarkWithSecondsEvenOnAWholeMinute() {
        String whole = asTheJobWrites("2026-03-10T07:42:00Z");
        assertThat(whole).as("the job's own text").isEqualTo("2026-03-10T15:42+08:00");
        LiveState state = HttpVerticle.standaloneState();
        state.applyMetrics(new JsonObject(LiveServerITCase.metricRecord("city", whole, 6120, 18340)), 0);
        state.applyMetrics(new JsonObject(LiveServerITCase.metricRecord("district:110101", whole, 512, 1834)), 0);

        JsonObject snapshot = state.citySnapshot();
        assertThat(snapshot.getString("asOf")).isEqualTo("2026-03-10T15:42:00+08:00");
        assertThat(snapshot.getJsonObject("city").getString("asOf")).isEqualTo("2026-03-10T15:42:00+08:00");
        assertThat(snapshot.getJsonArray("districts").getJsonObject(0).getString("asOf"))
                .isEqualTo("2026-03-10T15:42:00+08:00");
        assertThat(new JsonObject(io.vertx.core.buffer.Buffer.buffer(state.snapshot(LiveState.CITY, 0).utf8()))
                .getString("asOf")).as("the WebSocket snapshot").isEqualTo("2026-03-10T15:42:00+08:00");
    }

    @Test
    void shouldGiveWhenASourceLastDeliveredToTheSecondOnTheCitysClock() {
        LiveState state = HttpVerticle.standaloneState();
        state.applyMetrics(new JsonObject().put("scope", "freshness:HOTLINE:110101").put("kind", "freshness")
                .put("source", "HOTLINE").put("district", "110101")
                .put("lastDeliveredAt", asTheJobWrites("2026-03-10T07:42:05.250Z"))
                .put("lastEventAt", asTheJobWrites("2026-03-10T07:42:04.120Z")), 0);

        JsonObject freshness = state.citySnapshot().getJsonArray("districts").getJsonObject(0)
                .getJsonObject("freshness").getJsonObject("HOTLINE");
        assertThat(freshness.getString("lastDeliveredAt")).isEqualTo("2026-03-10T15:42:05+08:00");
        assertThat(freshness.getLong("lagSeconds")).isNotNull().isGreaterThanOrEqualTo(0);
        JsonObject entry = new JsonObject(io.vertx.core.buffer.Buffer.buffer(state.snapshot(LiveState.CITY, 0).utf8()))
                .getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> "freshness".equals(e.getString("kind"))).findFirst().orElseThrow();
        assertThat(entry.getJsonObject("data").getString("lastDeliveredAt")).as("the live feed's freshness record")
                .isEqualTo("2026-03-10T15:42:05+08:00");
        assertThat(entry.getJsonObject("data").getString("lastEventAt")).isEqualTo("2026-03-10T15:42:04+08:00");
    }
}
