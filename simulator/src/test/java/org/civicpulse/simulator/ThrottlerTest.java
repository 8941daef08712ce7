package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing against an injected clock: live at the event time's pace, benchmarks at a fixed rate. */
class ThrottlerTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    private static final Instant T0_PLUS_10S = T0.plusSeconds(10);
    private static final Instant T0_MINUS_1H = T0.minusSeconds(3600);

    private final SimulatorMainTest.MutableClock clock = new SimulatorMainTest.MutableClock(T0);
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };

    @Test
    void shouldSendALiveEventWhenTheWallClockReachesItsSendTime() throws InterruptedException {
        EventTimeThrottler throttler = new EventTimeThrottler(clock, sleeper, T0, 1, () -> false);
        assertThat(throttler.await(at(T0_PLUS_10S))).isTrue();
        assertThat(clock.instant()).isEqualTo(T0_PLUS_10S);
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(200)));
    }

    @Test
    void shouldCompressEventTimeBySpeed() throws InterruptedException {
        EventTimeThrottler throttler = new EventTimeThrottler(clock, sleeper, T0, 4, () -> false);
        throttler.await(at(T0_PLUS_10S));
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(2500));
    }

    @Test
    void shouldSendBackfilledEventsAtOnce() throws InterruptedException {
        EventTimeThrottler throttler = new EventTimeThrottler(clock, sleeper, T0, 1, () -> false);
        assertThat(throttler.await(at(T0_MINUS_1H))).isTrue();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldGiveUpWaitingWhenAStopIsRequested() throws InterruptedException {
        EventTimeThrottler throttler = new EventTimeThrottler(clock, sleeper, T0, 1,
                () -> clock.instant().isAfter(T0.plusSeconds(1)));
        assertThat(throttler.await(at(T0_PLUS_10S))).isFalse();
        assertThat(clock.instant()).isBefore(T0.plusSeconds(2));
    }

    @Test
    void shouldSpaceEmissionsEvenlyAtAFixedRate() throws InterruptedException {
        FixedRateThrottler throttler = new FixedRateThrottler(clock, sleeper, 5, () -> false);
        for (int i = 0; i < 11; i++) {
            assertThat(throttler.await(at(T0_MINUS_1H))).isTrue();
        }
        // The 11th emission is due 10 / 5 = 2 s after the first, whatever its event time.
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(2));
    }

    private static Emission at(Instant sendAt) {
        return new Emission(sendAt, "HOTLINE", "k", "{}");
    }
}
