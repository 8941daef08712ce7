package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsReportTest {
    private static final Instant T0 = Instant.parse("2026-03-10T07:42:07.345Z");

    @Test
    void shouldListEverySourceWithZeroWhenNoneArrived() {
        JsonObject report = CountsReport.of(T0, Map.of("GRID", 5L), Map.of(), Map.of());

        assertThat(report.getJsonObject("bySource").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("HOTLINE", 0L, "GRID", 5L,
                        "INSPECTION", 0L));
        assertThat(report.getLong("total")).isEqualTo(5L);
        assertThat(report.getJsonObject("late").getMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("HOTLINE", 0L, "GRID", 0L,
                        "INSPECTION", 0L));
        assertThat(report.getLong("lateTotal")).isZero();
        assertThat(report.getJsonObject("deadLetters").isEmpty()).isTrue();
        assertThat(report.getLong("deadLetterTotal")).isZero();
    }

    @Test
    void shouldAddUpDeadLettersAndLateEvents() {
        JsonObject report = CountsReport.of(T0,
                Map.of("HOTLINE", 6120L, "GRID", 4870L, "INSPECTION", 212L),
                Map.of("INVALID_JSON", 3L, "UNKNOWN_DISTRICT", 4L),
                Map.of("HOTLINE", 2L, "INSPECTION", 1L));

        assertThat(report.getLong("total")).isEqualTo(11_202L);
        assertThat(report.getJsonObject("deadLetters").getLong("UNKNOWN_DISTRICT")).isEqualTo(4L);
        assertThat(report.getLong("deadLetterTotal")).isEqualTo(7L);
        assertThat(report.getLong("lateTotal")).isEqualTo(3L);
    }

    @Test
    void shouldStampReportInCityTimeToTheSecond() {
        JsonObject report = CountsReport.of(T0, Map.of(), Map.of(), Map.of());

        assertThat(report.getString("asOf")).isEqualTo("2026-03-10T15:42:07+08:00");
    }

    @Test
    void shouldKeepSecondsWhenTheyAreZero() {
        JsonObject report = CountsReport.of(Instant.parse("2026-03-10T07:42:00Z"), Map.of(),
                Map.of(), Map.of());

        assertThat(report.getString("asOf")).isEqualTo("2026-03-10T15:42:00+08:00");
    }
}
