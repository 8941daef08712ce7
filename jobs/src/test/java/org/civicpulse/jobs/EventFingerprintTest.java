package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.civicpulse.contract.Channel;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;
import org.junit.jupiter.api.Test;

class EventFingerprintTest {
    private static final CivicEvent RATED = rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", true, true,
            Satisfaction.SATISFIED);

    private static CivicEvent rated(String id, java.time.Instant at, String unit, double lon, String address,
                                    Boolean urgent, boolean resolved, Satisfaction satisfaction) {
        return new CivicEvent(id, Source.HOTLINE, EventType.RATED, "c1", at, "110101", "东华门街道",
                "ILLEGAL_PARKING_MOTOR", unit, 39.9, lon, address, urgent, Channel.PHONE, resolved, satisfaction, null);
    }

    @Test
    void sameContentSameFingerprintAcrossInstances() {
        CivicEvent copy = rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", true, true, Satisfaction.SATISFIED);
        assertThat(copy).isNotSameAs(RATED);
        assertThat(EventFingerprint.of(copy)).isEqualTo(EventFingerprint.of(RATED));
    }

    @Test
    void everyFieldChangesTheFingerprint() {
        Set<Long> seen = new HashSet<>();
        seen.add(EventFingerprint.of(RATED));
        CivicEvent[] variants = {
            rated("e2", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", true, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0.plusMillis(1), "unit-1", 116.4, "王府井大街1号", true, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.40001, "王府井大街1号", true, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街2号", true, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", false, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", null, true, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", true, false, Satisfaction.SATISFIED),
            rated("e1", Fixtures.T0, "unit-1", 116.4, "王府井大街1号", true, true, Satisfaction.DISSATISFIED),
            rated("e1", Fixtures.T0, null, 116.4, "王府井大街1号", true, true, Satisfaction.SATISFIED),
        };
        for (CivicEvent v : variants) {
            assertThat(seen.add(EventFingerprint.of(v))).as("fingerprint of %s is new", v).isTrue();
        }
    }

    @Test
    void fieldBoundariesCount() {
        CivicEvent a = new CivicEvent("e1", Source.GRID, EventType.CREATED, null, Fixtures.T0, "110101", "ab",
                null, null, null, null, null, false, null, null, null, null);
        CivicEvent b = new CivicEvent("e1", Source.GRID, EventType.CREATED, null, Fixtures.T0, "110101", "a",
                "b", null, null, null, null, false, null, null, null, null);
        CivicEvent empty = new CivicEvent("e1", Source.GRID, EventType.CREATED, null, Fixtures.T0, "110101", "",
                null, null, null, null, null, false, null, null, null, null);
        CivicEvent absent = new CivicEvent("e1", Source.GRID, EventType.CREATED, null, Fixtures.T0, "110101", null,
                null, null, null, null, null, false, null, null, null, null);
        assertThat(EventFingerprint.of(a)).isNotEqualTo(EventFingerprint.of(b));
        assertThat(EventFingerprint.of(empty)).isNotEqualTo(EventFingerprint.of(absent));
    }

    @Test
    void keepsTheFingerprintsOfTheVersionBeforeTheFlagCouldBeAbsent() {
        // Ids claimed by that version stay claimed across an upgrade: no flag hashes as its
        // "urgent": false did, true as it did (values it computed for these two events).
        CivicEvent noFlag = outage(null);
        CivicEvent urgent = outage(true);
        assertThat(EventFingerprint.of(noFlag)).isEqualTo(-390627905532724799L);
        assertThat(EventFingerprint.of(urgent)).isEqualTo(-7102091930550131472L);
        assertThat(EventFingerprint.of(outage(false))).isNotEqualTo(EventFingerprint.of(noFlag));
    }

    private static CivicEvent outage(Boolean urgent) {
        return new CivicEvent("e1", Source.HOTLINE, EventType.CREATED, "c1", java.time.Instant.parse("2026-11-20T01:15:03.120Z"),
                "110101", null, "UTILITY_OUTAGE", null, null, null, null, urgent, null, null, null, null);
    }
}
