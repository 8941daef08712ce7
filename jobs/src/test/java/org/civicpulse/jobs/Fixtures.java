package org.civicpulse.jobs;

import java.time.Instant;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;

/** Named instants and small event builders for operator tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    static final Instant T0_PLUS_1MIN = T0.plusSeconds(60);
    static final Instant T0_PLUS_1H = T0.plusSeconds(3600);
    static final long LATENESS_MS = 6 * 3600_000L;

    private Fixtures() {
    }

    static AcceptedEvent created(String id, String caseId, Instant at) {
        return accepted(new CivicEvent(id, Source.HOTLINE, EventType.CREATED, caseId, at, "110101", "东华门街道",
                "ILLEGAL_PARKING_MOTOR", null, null, null, null, false, null, null, null, null), 0);
    }

    static AcceptedEvent followUp(String id, String caseId, EventType type, Instant at, String unit) {
        return accepted(new CivicEvent(id, Source.HOTLINE, type, caseId, at, null, null, null, unit, null, null, null,
                false, null, null, null, null), 1);
    }

    static AcceptedEvent accepted(CivicEvent e, long offset) {
        return new AcceptedEvent(e, null, "civic.hotline", 0, offset, T0.toEpochMilli(), "{}");
    }
}
