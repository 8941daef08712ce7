package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void shouldGiveReasonClassWithoutFieldName() {
        assertThat(Rejection.missingField("caseId").code()).isEqualTo("MISSING_FIELD:caseId");
        assertThat(Rejection.missingField("caseId").reasonClass()).isEqualTo("MISSING_FIELD");
        assertThat(Rejection.invalidField("urgent", "true or false", "\"yes\"").reasonClass())
                .isEqualTo("INVALID_FIELD");
        assertThat(Rejection.unknownDistrict("999999").reasonClass())
                .isEqualTo("UNKNOWN_DISTRICT");
    }

    @Test
    void shouldHaveOneFactoryPerSpecCode() {
        Instant t = Instant.parse("2026-11-22T01:00:00Z");
        assertThat(new Rejection[] {
            Rejection.invalidJson("x"), Rejection.unknownSource("SMS"),
            Rejection.unknownType("X"),
            Rejection.typeNotForSource(EventType.RATED, Source.GRID),
            Rejection.unknownCategory("X"), Rejection.badTimestamp("x"),
            Rejection.futureTimestamp(t.plusSeconds(600), t, Duration.ofMinutes(5)),
            Rejection.badCoordinates("lat 91.0 is outside [-90, 90]"),
            Rejection.tooLate(t, t.plusSeconds(7 * 3600), Duration.ofHours(6)),
            Rejection.orphanCaseEvent("c-1", Duration.ofHours(6)),
            Rejection.conflictingDuplicate("e-1")
        }).extracting(Rejection::code).containsExactly("INVALID_JSON", "UNKNOWN_SOURCE",
                "UNKNOWN_TYPE", "TYPE_NOT_FOR_SOURCE", "UNKNOWN_CATEGORY", "BAD_TIMESTAMP",
                "FUTURE_TIMESTAMP", "BAD_COORDINATES", "TOO_LATE", "ORPHAN_CASE_EVENT",
                "CONFLICTING_DUPLICATE");
    }

    @Test
    void shouldTruncateEchoedValuesTo80Characters() {
        String longSource = "X".repeat(500);

        Rejection rejection = Rejection.unknownSource(longSource);

        assertThat(rejection.message()).contains("X".repeat(80) + "…")
                .doesNotContain("X".repeat(81));
    }

    @Test
    void shouldNameTheTimesOfAFutureEvent() {
        Rejection rejection = Rejection.futureTimestamp(Instant.parse("2026-11-22T01:30:00Z"),
                Instant.parse("2026-11-22T01:20:00Z"), Duration.ofMinutes(5));

        assertThat(rejection.message()).contains("2026-11-22T01:30:00Z").contains("PT10M")
                .contains("PT5M");
    }
}
