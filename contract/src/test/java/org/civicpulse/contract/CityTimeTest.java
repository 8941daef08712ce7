package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CityTimeTest {
    @Test
    void shouldWriteSecondsAndMillisecondsEvenOnAWholeMinuteOnTheCitysClock() {
        long wholeMinute = Instant.parse("2026-03-10T07:42:00Z").toEpochMilli();
        assertThat(CityTime.format(wholeMinute)).isEqualTo("2026-03-10T15:42:00.000+08:00");
        assertThat(CityTime.format(wholeMinute + 7_120)).isEqualTo("2026-03-10T15:42:07.120+08:00");
        assertThat(OffsetDateTime.parse(CityTime.format(wholeMinute)).toInstant().toEpochMilli()).isEqualTo(wholeMinute);
    }

    @Test
    void shouldGiveTheApisShapeToTheSecondWhateverTheInputCarried() {
        assertThat(CityTime.seconds(Instant.parse("2026-03-10T07:42:00.999Z"))).isEqualTo("2026-03-10T15:42:00+08:00");
        assertThat(CityTime.seconds("2026-03-10T15:42+08:00")).isEqualTo("2026-03-10T15:42:00+08:00");
        assertThat(CityTime.seconds("2026-03-10T15:42:07.120+08:00")).isEqualTo("2026-03-10T15:42:07+08:00");
        assertThat(CityTime.seconds("not a time")).isEqualTo("not a time");
        assertThat(CityTime.seconds((String) null)).isNull();
    }
}
