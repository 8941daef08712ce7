package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:15:03.120Z");

    private final EventCodec codec = new EventCodec();

    private static final CivicEvent RATING = new CivicEvent("e-5", Source.HOTLINE,
            EventType.RATED, "c-1", T0, "110101", "东华门街道", "ILLEGAL_PARKING_MOTOR",
            "东城区交通支队", 39.916, 116.405, "南池子大街12号", true, Channel.WECHAT, false,
            Satisfaction.DISSATISFIED, null);

    @Test
    void shouldRoundTripEveryField() {
        CivicEvent check = new CivicEvent("i-1", Source.INSPECTION, EventType.CHECKED, null, T0,
                "110102", null, "STREET_VENDING", null, null, null, "西单北大街", false, null, null,
                null, false);

        assertThat(codec.decodeTrusted(codec.encode(RATING))).isEqualTo(RATING);
        assertThat(codec.decodeTrusted(codec.encode(check))).isEqualTo(check);
        assertThat(codec.decodeTrusted(codec.encodeBytes(RATING))).isEqualTo(RATING);
    }

    @Test
    void shouldWriteFieldNamesExactlyAsSpecInSpecOrder() throws Exception {
        JsonNode json = codec.mapper().readTree(codec.encode(RATING));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "source", "type", "caseId", "occurredAt",
                "district", "street", "category", "unit", "lat", "lon", "address", "urgent",
                "channel", "resolved", "satisfaction");
    }

    @Test
    void shouldWriteMinimalEventCanonically() {
        CivicEvent closed = new CivicEvent("e-9", Source.GRID, EventType.CLOSED, "g-1", T0,
                null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(codec.encode(closed)).isEqualTo("{\"id\":\"e-9\",\"source\":\"GRID\","
                + "\"type\":\"CLOSED\",\"caseId\":\"g-1\","
                + "\"occurredAt\":\"2026-11-20T01:15:03.120Z\"}");
    }

    @Test
    void shouldWriteBooleansAsSetAndLeaveOutUnsetOnes() {
        String json = codec.encode(RATING);

        assertThat(json).contains("\"urgent\":true").contains("\"resolved\":false")
                .contains("\"lat\":39.916").doesNotContain("passed");
        CivicEvent notUrgent = new CivicEvent("e-8", Source.HOTLINE, EventType.CREATED, "c-8", T0, "110101", null,
                "UTILITY_OUTAGE", null, null, null, null, false, null, null, null, null);
        assertThat(codec.encode(notUrgent)).contains("\"urgent\":false");
        assertThat(codec.decodeTrusted(codec.encode(notUrgent)).urgent()).isFalse();
    }

    @Test
    void shouldReadTrustedJsonWithOffsetAndUnknownFields() {
        CivicEvent event = codec.decodeTrusted("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-20T09:15:03.120+08:00", "writtenBy": "simulator"}
                """);

        assertThat(event.occurredAt()).isEqualTo(T0);
        assertThat(event.urgent()).isNull();
        assertThat(event.street()).isNull();
    }

    @Test
    void shouldRefuseTrustedJsonWithoutId() {
        assertThatThrownBy(() -> codec.decodeTrusted("""
                {"source": "HOTLINE", "type": "CLOSED", "occurredAt": "2026-11-20T01:15:03Z"}
                """)).isInstanceOf(IllegalArgumentException.class);
    }
}
