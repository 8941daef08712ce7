package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final Instant T0 = Instant.parse("2026-03-10T07:00:00Z");
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);

    private final MutableClock clock = new MutableClock(T0);
    private final Sessions sessions = new Sessions(clock, TWELVE_HOURS);

    @Test
    void shouldAcceptSessionUntilTwelveHoursHavePassed() {
        String id = sessions.create(Principal.LOCAL_OPERATOR);

        clock.now = T0.plus(TWELVE_HOURS).minusSeconds(1);
        assertThat(sessions.isValid(id)).isTrue();

        clock.now = T0.plus(TWELVE_HOURS);
        assertThat(sessions.isValid(id)).isFalse();
    }

    @Test
    void shouldMakeDistinctIdsOf32RandomBytes() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String id = sessions.create(Principal.LOCAL_OPERATOR);
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
            ids.add(id);
        }
        assertThat(ids).hasSize(100);
    }

    @Test
    void shouldRejectUnknownAndMissingIds() {
        sessions.create(Principal.LOCAL_OPERATOR);

        assertThat(sessions.isValid("not-a-session")).isFalse();
        assertThat(sessions.isValid(null)).isFalse();
    }

    @Test
    void shouldForgetExpiredSessionEvenAfterClockGoesBack() {
        String id = sessions.create(Principal.LOCAL_OPERATOR);
        clock.now = T0.plus(Duration.ofHours(13));
        sessions.create(Principal.LOCAL_OPERATOR);

        clock.now = T0;
        assertThat(sessions.isValid(id)).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
