package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CivicEventTest {
    private static final Instant T0 = Instant.parse("2026-11-22T01:15:03Z");

    @Test
    void shouldKeyByCaseWhenThereIsOne() {
        assertThat(event(EventType.CREATED, "c-1", null).key()).isEqualTo("c-1");
        assertThat(checked("i-1", null, true).key()).isEqualTo("i-1");
    }

    @Test
    void shouldOpenCaseOnCreated() {
        assertThat(event(EventType.CREATED, "c-1", null).opensCase()).isTrue();
        assertThat(event(EventType.DISPATCHED, "c-1", null).opensCase()).isFalse();
    }

    @Test
    void shouldOpenCaseOnlyOnFailedCheckWithCaseId() {
        assertThat(checked("i-1", "ic-1", false).opensCase()).isTrue();
        assertThat(checked("i-2", null, false).opensCase()).isFalse();
        assertThat(checked("i-3", "ic-3", true).opensCase()).isFalse();
    }

    @Test
    void shouldReplaceOnlyThePlaceWhenInheriting() {
        CivicEvent dispatched = event(EventType.DISPATCHED, "c-1", null);

        CivicEvent placed =
                dispatched.withPlace("110101", "东华门街道", "NOISE", "东华门街道办事处");

        assertThat(placed).isEqualTo(new CivicEvent("e-DISPATCHED", Source.HOTLINE,
                EventType.DISPATCHED, "c-1", T0, "110101", "东华门街道", "NOISE",
                "东华门街道办事处", null, null, null, false, null, null, null, null));
    }

    private static CivicEvent event(EventType type, String caseId, Boolean passed) {
        return new CivicEvent("e-" + type, Source.HOTLINE, type, caseId, T0, null, null, null,
                null, null, null, null, false, null, null, null, passed);
    }

    private static CivicEvent checked(String id, String caseId, boolean passed) {
        return new CivicEvent(id, Source.INSPECTION, EventType.CHECKED, caseId, T0, "110101",
                null, "STREET_VENDING", null, null, null, null, false, null, null, null, passed);
    }
}
