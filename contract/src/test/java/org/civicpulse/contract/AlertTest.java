package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertTest {
    private final ObjectMapper mapper = new EventCodec().mapper();

    @Test
    void alertRoundTripsWithSpecFieldNames() throws Exception {
        Alert alert = new Alert("a-1", "110105", "110105001", "ILLEGAL_PARKING", Alert.Kind.NEW,
                Alert.Severity.HIGH, Alert.Status.OPEN, Instant.parse("2026-03-10T07:00:00Z"),
                Instant.parse("2026-03-10T07:30:00Z"), null, 12, 2.5, 7.25,
                List.of(new Alert.AlertPoint("朝阳路1号", 116.45, 39.92, 5)), null, null, null, 3);
        String json = mapper.writeValueAsString(alert);
        assertThat(json).contains("\"openedAt\":\"2026-03-10T07:00:00Z\"", "\"kind\":\"NEW\"",
                "\"observed\":12", "\"points\":[{\"label\":\"朝阳路1号\"").doesNotContain("closedAt");
        assertThat(mapper.readValue(json, Alert.class)).isEqualTo(alert);
    }

    @Test
    void missingPointsReadAsEmptyAndClosedIsInactive() throws Exception {
        Alert alert = mapper.readValue("{\"id\":\"x\",\"status\":\"CLOSED\"}", Alert.class);
        assertThat(alert.points()).isEmpty();
        assertThat(alert.active()).isFalse();
    }

    @Test
    void commandRoundTrips() throws Exception {
        AlertCommand c = new AlertCommand("c-1", "a-1", AlertCommand.Action.ACK, "op", "on it", "team 3",
                Instant.parse("2026-03-10T07:31:00Z"));
        assertThat(mapper.readValue(mapper.writeValueAsString(c), AlertCommand.class)).isEqualTo(c);
    }
}
