package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeLimitsTest {
    @Test
    void shouldGiveUrgentCasesTwoHoursForBoth() {
        assertThat(TimeLimits.isUrgent(null, "urgent")).isTrue();
        assertThat(TimeLimits.isUrgent(true, "low")).isTrue();
        assertThat(TimeLimits.responseLimit(true)).isEqualTo(Duration.ofHours(2));
        assertThat(TimeLimits.resolutionLimit(true, "normal")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldLetTheEventsFlagWinOverTheCategorysDefault() {
        assertThat(TimeLimits.isUrgent(false, "urgent")).isFalse();
        assertThat(TimeLimits.isUrgent(true, "urgent")).isTrue();
        assertThat(TimeLimits.isUrgent(null, "low")).isFalse();
    }

    @Test
    void shouldGiveHeatingAndStormCategoriesADayToResolve() {
        assertThat(TimeLimits.isUrgent(null, "urgent-if-no-heat")).isFalse();
        assertThat(TimeLimits.resolutionLimit(false, "urgent-if-no-heat")).isEqualTo(Duration.ofHours(24));
        assertThat(TimeLimits.resolutionLimit(false, "urgent-in-storm")).isEqualTo(Duration.ofHours(24));
        assertThat(TimeLimits.responseLimit(false)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void shouldGiveNormalAndLowCategoriesSevenDaysToResolve() {
        assertThat(TimeLimits.resolutionLimit(false, "normal")).isEqualTo(Duration.ofDays(7));
        assertThat(TimeLimits.resolutionLimit(false, "low")).isEqualTo(Duration.ofDays(7));
    }
}
