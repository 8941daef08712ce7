package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreetTrackTest {
    private static final long BUCKET = 5 * 60_000;

    @Test
    void shouldKeepTheNewestHitsWhenFull() {
        StreetTrack t = new StreetTrack("东华门街道", "110101001");
        // A backfill: a full list of old hits at one point, then newer ones at another.
        for (int i = 0; i < StreetTrack.MAX_HITS; i++) {
            t.count(0, new PointHit(0, "旧点", null, null));
        }
        for (int i = 0; i < 3; i++) {
            t.count(BUCKET, new PointHit(BUCKET, "新点", null, null));
        }
        t.count(0, new PointHit(0, "更旧", null, null));

        assertThat(t.hits).hasSize(StreetTrack.MAX_HITS);
        assertThat(t.points(2 * BUCKET)).extracting(p -> p.label() + "=" + p.count())
                .containsExactly("旧点=" + (StreetTrack.MAX_HITS - 3), "新点=3");
    }
}
