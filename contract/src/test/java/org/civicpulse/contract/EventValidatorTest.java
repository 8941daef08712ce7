package org.civicpulse.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.civicpulse.contract.Validation.Accepted;
import org.civicpulse.contract.Validation.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {
    /** The wall clock of every test: 09:20:00 in Beijing on 22 November 2026. */
    private static final Instant NOW = Instant.parse("2026-11-22T01:20:00Z");
    private static final Catalogue CATALOGUE = Catalogue.load();

    private final EventValidator validator = new EventValidator(
            CATALOGUE, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

    // ---- accepted lines ------------------------------------------------------------------

    @Test
    void shouldAcceptCompleteHotlineCreated() {
        Accepted accepted = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03.120+08:00", "district": "110101",
                 "street": "东华门街道", "category": "ILLEGAL_PARKING_MOTOR",
                 "unit": "东华门街道办事处", "lat": 39.916, "lon": 116.405,
                 "address": "南池子大街", "channel": "PHONE"}
                """);

        assertThat(accepted.warnings()).isEmpty();
        assertThat(accepted.event()).isEqualTo(new CivicEvent("e-1", Source.HOTLINE,
                EventType.CREATED, "c-1", Instant.parse("2026-11-22T01:15:03.120Z"),
                "110101", "东华门街道", "ILLEGAL_PARKING_MOTOR", "东华门街道办事处", 39.916,
                116.405, "南池子大街", null, Channel.PHONE, null, null, null));
    }

    @Test
    void shouldKeepUrgentAsTheLineSaysIt() {
        assertThat(accepted("""
                {"id": "e-1", "source": "GRID", "type": "CREATED", "caseId": "g-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "ROAD_DAMAGE"}
                """).event().urgent()).isNull();
        assertThat(accepted("""
                {"id": "e-2", "source": "GRID", "type": "CREATED", "caseId": "g-2",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "ROAD_DAMAGE", "urgent": true}
                """).event().urgent()).isTrue();
        // An explicit false is kept apart from no flag: it wins over an urgent category's default.
        assertThat(accepted("""
                {"id": "e-3", "source": "HOTLINE", "type": "CREATED", "caseId": "c-3",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "UTILITY_OUTAGE", "urgent": false}
                """).event().urgent()).isFalse();
    }

    @Test
    void shouldAcceptFollowUpWithoutPlace() {
        CivicEvent event = accepted("""
                {"id": "e-2", "source": "HOTLINE", "type": "DISPATCHED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:16:00+08:00", "unit": "东城区城管执法局"}
                """).event();

        assertThat(event.type()).isEqualTo(EventType.DISPATCHED);
        assertThat(event.district()).isNull();
        assertThat(event.category()).isNull();
        assertThat(event.unit()).isEqualTo("东城区城管执法局");
    }

    @Test
    void shouldAcceptHotlineRating() {
        CivicEvent event = accepted("""
                {"id": "e-5", "source": "HOTLINE", "type": "RATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:18:00+08:00", "resolved": false,
                 "satisfaction": "BASIC"}
                """).event();

        assertThat(event.resolved()).isFalse();
        assertThat(event.satisfaction()).isEqualTo(Satisfaction.BASIC);
    }

    @Test
    void shouldAcceptPassedCheckWithoutCaseId() {
        CivicEvent event = accepted("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:00:00+08:00", "district": "110102",
                 "category": "STREET_VENDING", "passed": true}
                """).event();

        assertThat(event.caseId()).isNull();
        assertThat(event.passed()).isTrue();
    }

    @Test
    void shouldAcceptInspectionFollowUpOfFailedCheck() {
        CivicEvent event = accepted("""
                {"id": "i-2", "source": "INSPECTION", "type": "RESOLVED", "caseId": "ic-1",
                 "occurredAt": "2026-11-22T09:10:00+08:00"}
                """).event();

        assertThat(event.source()).isEqualTo(Source.INSPECTION);
        assertThat(event.type()).isEqualTo(EventType.RESOLVED);
    }

    @Test
    void shouldIgnoreUnknownExtraFields() {
        Accepted accepted = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "operator": "王五",
                 "extra": {"nested": [1, 2, 3]}, "priority": 7}
                """);

        assertThat(accepted.event().id()).isEqualTo("e-1");
        assertThat(accepted.warnings()).isEmpty();
    }

    @Test
    void shouldTreatJsonNullOptionalFieldsAsAbsent() {
        CivicEvent event = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": null, "street": null,
                 "unit": null, "lat": null, "lon": null, "urgent": null, "channel": null,
                 "resolved": null, "satisfaction": null, "passed": null}
                """).event();

        assertThat(event.district()).isNull();
        assertThat(event.lat()).isNull();
        assertThat(event.urgent()).isNull();
        assertThat(event.channel()).isNull();
    }

    @Test
    void shouldAcceptUtf8BytesWithChineseText() {
        String json = """
                {"id": "e-1", "source": "GRID", "type": "CREATED", "caseId": "g-1",
                 "occurredAt": "2026-11-22T01:15:03Z", "district": "110101",
                 "street": "景山街道", "category": "ILLEGAL_SMALL_ADS"}
                """;

        Validation validation = validator.validate(json.getBytes(StandardCharsets.UTF_8));

        assertThat(validation).isInstanceOf(Accepted.class);
        assertThat(((Accepted) validation).event().street()).isEqualTo("景山街道");
    }

    @Test
    void shouldAcceptCoordinatesOnTheRangeLimits() {
        CivicEvent event = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "lat": -90, "lon": 180}
                """).event();

        assertThat(event.lat()).isEqualTo(-90.0);
        assertThat(event.lon()).isEqualTo(180.0);
    }

    // ---- INVALID_JSON --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "this is not json",
        "{\"id\": \"e-1\", ",
        "",
        "   ",
        "[{\"id\": \"e-1\"}]",
        "\"a string\"",
        "42",
        "null",
        "true",
        "{\"id\": \"e-1\"} {\"id\": \"e-2\"}",
        "{\"id\": \"e-1\", \"id\": \"e-2\", \"source\": \"HOTLINE\"}",
        "{'id': 'e-1'}"
    })
    void shouldRejectLinesThatAreNotJsonObjects(String line) {
        assertRejected(line, "INVALID_JSON");
    }

    @Test
    void shouldRejectBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"id\": \"e-1\", \"street\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejection(validator.validate(latin1)).code()).isEqualTo("INVALID_JSON");
    }

    @Test
    void shouldRejectRecordWithoutValue() {
        assertThat(rejection(validator.validate((byte[]) null)).code()).isEqualTo("INVALID_JSON");
    }

    // ---- MISSING_FIELD: always required --------------------------------------------------

    @Test
    void shouldRejectEventWithoutId() {
        assertRejected("""
                {"source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE"}
                """, "MISSING_FIELD:id");
    }

    @Test
    void shouldRejectEventWithoutSource() {
        assertRejected("""
                {"id": "e-1", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE"}
                """, "MISSING_FIELD:source");
    }

    @Test
    void shouldRejectEventWithoutType() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE"}
                """, "MISSING_FIELD:type");
    }

    @Test
    void shouldRejectEventWithoutOccurredAt() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "district": "110101", "category": "NOISE"}
                """, "MISSING_FIELD:occurredAt");
    }

    @Test
    void shouldTreatNullAndBlankRequiredFieldsAsMissing() {
        assertRejected("""
                {"id": null, "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "MISSING_FIELD:id");
        assertRejected("""
                {"id": "e-1", "source": "  ", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "MISSING_FIELD:source");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "MISSING_FIELD:type");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": null}
                """, "MISSING_FIELD:occurredAt");
    }

    @Test
    void shouldNameTheFirstMissingFieldInSpecOrder() {
        assertRejected("{}", "MISSING_FIELD:id");
        assertRejected("""
                {"id": "e-1", "caseId": "c-1"}
                """, "MISSING_FIELD:source");
    }

    // ---- MISSING_FIELD: required by type -------------------------------------------------

    @ParameterizedTest(name = "{0} {1} without caseId")
    @CsvSource({
        "HOTLINE, CREATED", "HOTLINE, DISPATCHED", "HOTLINE, RESPONDED", "HOTLINE, RESOLVED",
        "HOTLINE, CLOSED", "HOTLINE, REOPENED", "GRID, CREATED", "GRID, DISPATCHED",
        "GRID, CLOSED", "INSPECTION, DISPATCHED", "INSPECTION, RESPONDED",
        "INSPECTION, RESOLVED", "INSPECTION, CLOSED", "INSPECTION, REOPENED"
    })
    void shouldRejectCaseEventWithoutCaseId(String source, String type) {
        assertRejected("""
                {"id": "e-1", "source": "%s", "type": "%s",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE"}
                """.formatted(source, type), "MISSING_FIELD:caseId");
    }

    @Test
    void shouldRejectRatingWithoutCaseId() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RATED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "resolved": true,
                 "satisfaction": "SATISFIED"}
                """, "MISSING_FIELD:caseId");
    }

    @Test
    void shouldRejectBlankCaseId() {
        assertRejected("""
                {"id": "e-1", "source": "GRID", "type": "RESOLVED", "caseId": " ",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "MISSING_FIELD:caseId");
    }

    @Test
    void shouldRejectCreatedWithoutDistrict() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "category": "NOISE"}
                """, "MISSING_FIELD:district");
    }

    @Test
    void shouldRejectCreatedWithoutCategory() {
        assertRejected("""
                {"id": "e-1", "source": "GRID", "type": "CREATED", "caseId": "g-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101"}
                """, "MISSING_FIELD:category");
    }

    @Test
    void shouldRejectCheckWithoutDistrict() {
        assertRejected("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "category": "STREET_VENDING",
                 "passed": false}
                """, "MISSING_FIELD:district");
    }

    @Test
    void shouldRejectCheckWithoutCategory() {
        assertRejected("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "passed": false}
                """, "MISSING_FIELD:category");
    }

    @Test
    void shouldRejectCheckWithoutOutcome() {
        assertRejected("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED", "caseId": "ic-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "STREET_VENDING"}
                """, "MISSING_FIELD:passed");
    }

    @Test
    void shouldRejectRatingWithoutResolved() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "satisfaction": "SATISFIED"}
                """, "MISSING_FIELD:resolved");
    }

    @Test
    void shouldRejectRatingWithoutSatisfaction() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "resolved": true,
                 "satisfaction": null}
                """, "MISSING_FIELD:satisfaction");
    }

    // ---- UNKNOWN_SOURCE / UNKNOWN_TYPE / TYPE_NOT_FOR_SOURCE -----------------------------

    @ParameterizedTest
    @ValueSource(strings = {"SMS", "hotline", "12345"})
    void shouldRejectUnknownSource(String source) {
        assertRejected("""
                {"id": "e-1", "source": "%s", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE"}
                """.formatted(source), "UNKNOWN_SOURCE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ESCALATED", "created", "ASSIGNED"})
    void shouldRejectUnknownType(String type) {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "%s", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """.formatted(type), "UNKNOWN_TYPE");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
        "GRID, RATED", "GRID, CHECKED", "HOTLINE, CHECKED", "INSPECTION, CREATED",
        "INSPECTION, RATED"
    })
    void shouldRejectTypeThatTheSourceDoesNotHave(String source, String type) {
        assertRejected("""
                {"id": "e-1", "source": "%s", "type": "%s", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE", "resolved": true, "satisfaction": "SATISFIED",
                 "passed": true}
                """.formatted(source, type), "TYPE_NOT_FOR_SOURCE");
    }

    @Test
    void shouldCheckSourceBeforeTypeSpecificFields() {
        assertRejected("""
                {"id": "e-1", "source": "SMS", "type": "CREATED",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "UNKNOWN_SOURCE");
    }

    // ---- UNKNOWN_DISTRICT / UNKNOWN_CATEGORY ---------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"110100", "110103", "999999", "东城区", "110101 "})
    void shouldRejectUnknownDistrict(String district) {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "%s",
                 "category": "NOISE"}
                """.formatted(district), "UNKNOWN_DISTRICT");
    }

    @Test
    void shouldReadADistrictCodeWrittenAsANumberAsTheSameCode() {
        Accepted accepted = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": 110101, "category": "NOISE"}
                """);
        assertThat(accepted.event().district()).isEqualTo("110101");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": 120101, "category": "NOISE"}
                """, "UNKNOWN_DISTRICT");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": 110101.5, "category": "NOISE"}
                """, "UNKNOWN_DISTRICT");
    }

    @Test
    void shouldRejectUnknownDistrictOnFollowUp() {
        assertRejected("""
                {"id": "e-2", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "120101"}
                """, "UNKNOWN_DISTRICT");
    }

    @Test
    void shouldRejectUnknownCategory() {
        assertRejected("""
                {"id": "e-1", "source": "GRID", "type": "CREATED", "caseId": "g-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "ILLEGAL_PARKING"}
                """, "UNKNOWN_CATEGORY");
    }

    // ---- BAD_TIMESTAMP / FUTURE_TIMESTAMP ------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-22T09:15:03", "2026-11-22T09:15:03.120", "2026-11-22", "yesterday",
        "2026-11-22 09:15:03+08:00", "2026-11-22T25:15:03+08:00", "2026-02-30T09:15:03Z",
        "1763774103000"
    })
    void shouldRejectTimestampWithoutOffsetOrUnparseable(String occurredAt) {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "%s"}
                """.formatted(occurredAt), "BAD_TIMESTAMP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T09:15:03.120+08:00", "2026-11-22T09:15:03.120+0800",
        "2026-11-22T09:15:03.120+08", "2026-11-22T01:15:03.120Z"})
    void shouldReadEveryIso8601OffsetForm(String occurredAt) {
        CivicEvent event = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1", "occurredAt": "%s"}
                """.formatted(occurredAt)).event();
        assertThat(event.occurredAt()).isEqualTo(java.time.Instant.parse("2026-11-22T01:15:03.120Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1763774103000", "true", "{\"epochMillis\": 1763774103000}", "[2026, 11, 22]"})
    void shouldRejectTimestampThatIsNotAStringAsBadTimestamp(String occurredAt) {
        // SPEC §2: "occurredAt unparseable" is BAD_TIMESTAMP, whatever JSON type it came as.
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": %s}
                """.formatted(occurredAt), "BAD_TIMESTAMP");
    }

    @Test
    void shouldAcceptEventExactlyFiveMinutesAheadOfTheClock() {
        CivicEvent event = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:25:00.000+08:00"}
                """).event();

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-22T01:25:00Z"));
    }

    @Test
    void shouldRejectEventMoreThanFiveMinutesAheadOfTheClock() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:25:00.001+08:00"}
                """, "FUTURE_TIMESTAMP");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T01:25:01Z"}
                """, "FUTURE_TIMESTAMP");
    }

    @Test
    void shouldCheckTypeSpecificFieldsBeforeTheTimestamp() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "not a time", "category": "NOISE"}
                """, "MISSING_FIELD:district");
    }

    @Test
    void shouldCheckTheTimestampBeforeDistrictAndCategory() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03", "district": "999999",
                 "category": "NOISE"}
                """, "BAD_TIMESTAMP");
    }

    // ---- INVALID_FIELD -------------------------------------------------------------------

    @Test
    void shouldRejectNonStringId() {
        assertRejected("""
                {"id": 17, "source": "HOTLINE", "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "INVALID_FIELD:id");
    }

    @Test
    void shouldGiveANonStringSourceOrTypeTheUnknownOutcomeSpecNames() {
        assertRejected("""
                {"id": "e-1", "source": ["HOTLINE"], "type": "CLOSED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "UNKNOWN_SOURCE");
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": 5, "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "UNKNOWN_TYPE");
        // A missing field still comes first (SPEC order: the four fields, then source and type).
        assertRejected("""
                {"id": "e-1", "source": 7, "caseId": "c-1", "occurredAt": "2026-11-22T09:15:03+08:00"}
                """, "MISSING_FIELD:type");
    }

    @Test
    void shouldRejectUrgentThatIsNotBoolean() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE", "urgent": "yes"}
                """, "INVALID_FIELD:urgent");
    }

    @Test
    void shouldRejectChannelOutsideItsEnumeration() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE", "channel": "FAX"}
                """, "INVALID_FIELD:channel");
    }

    @Test
    void shouldRejectSatisfactionOutsideItsEnumeration() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "resolved": true,
                 "satisfaction": "GREAT"}
                """, "INVALID_FIELD:satisfaction");
    }

    @Test
    void shouldRejectResolvedThatIsNotBoolean() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "resolved": 1,
                 "satisfaction": "SATISFIED"}
                """, "INVALID_FIELD:resolved");
    }

    @Test
    void shouldRejectPassedThatIsNotBoolean() {
        assertRejected("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "STREET_VENDING", "passed": "no"}
                """, "INVALID_FIELD:passed");
    }

    @Test
    void shouldRejectCoordinateGivenAsString() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "lat": "39.9", "lon": 116.4}
                """, "BAD_COORDINATES");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "caseId | 42", "unit | [\"东城区城管执法局\"]",
        "address | {\"a\": 1}"
    })
    void shouldRejectOptionalTextFieldWithAnotherJsonType(String field, String json) {
        assertRejected("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "STREET_VENDING", "passed": false, "%s": %s}
                """.formatted(field, json), "INVALID_FIELD:" + field);
    }

    @Test
    void shouldAcceptAStreetOfAnotherJsonTypeWithoutItLikeAnUnknownStreet() {
        Accepted accepted = accepted("""
                {"id": "i-1", "source": "INSPECTION", "type": "CHECKED",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "STREET_VENDING", "passed": false, "street": true}
                """);
        assertThat(accepted.event().street()).isNull();
        assertThat(accepted.warnings()).containsExactly("UNKNOWN_STREET:true");
    }

    @Test
    void shouldRejectCategoryGivenAsNumber() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": 3}
                """, "UNKNOWN_CATEGORY");
    }

    @Test
    void shouldCheckDistrictBeforeFieldTypes() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "999999",
                 "category": "NOISE", "urgent": "yes"}
                """, "UNKNOWN_DISTRICT");
    }

    // ---- BAD_COORDINATES -----------------------------------------------------------------

    @Test
    void shouldRejectLatitudeWithoutLongitude() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "lat": 39.9}
                """, "BAD_COORDINATES");
    }

    @Test
    void shouldRejectLongitudeWithoutLatitude() {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "lat": null, "lon": 116.4}
                """, "BAD_COORDINATES");
    }

    @ParameterizedTest(name = "lat {0}, lon {1}")
    @CsvSource({
        "90.0001, 116.4", "-91, 116.4", "39.9, 180.5", "39.9, -181", "NaN, 116.4",
        "39.9, Infinity", "1e400, 116.4"
    })
    void shouldRejectCoordinatesOutOfRange(String lat, String lon) {
        assertRejected("""
                {"id": "e-1", "source": "HOTLINE", "type": "RESPONDED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "lat": %s, "lon": %s}
                """.formatted(lat, lon), "BAD_COORDINATES");
    }

    // ---- streets: accepted with a warning ------------------------------------------------

    @Test
    void shouldDropUnknownStreetWithWarning() {
        Accepted accepted = accepted("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "street": "幸福大街街道", "category": "NOISE"}
                """);

        assertThat(accepted.event().street()).isNull();
        assertThat(accepted.event().district()).isEqualTo("110101");
        assertThat(accepted.warnings()).containsExactly("UNKNOWN_STREET:幸福大街街道");
    }

    @Test
    void shouldDropStreetOfAnotherDistrictWithWarning() {
        // 东华门街道 belongs to 东城区 (110101), not 西城区 (110102).
        Accepted accepted = accepted("""
                {"id": "e-1", "source": "GRID", "type": "CREATED", "caseId": "g-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110102",
                 "street": "东华门街道", "category": "NOISE"}
                """);

        assertThat(accepted.event().street()).isNull();
        assertThat(accepted.warnings()).containsExactly("UNKNOWN_STREET:东华门街道");
    }

    @Test
    void shouldKeepKnownStreetOnFollowUpWithoutDistrict() {
        Accepted accepted = accepted("""
                {"id": "e-2", "source": "HOTLINE", "type": "DISPATCHED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "street": "东华门街道"}
                """);

        assertThat(accepted.event().street()).isEqualTo("东华门街道");
        assertThat(accepted.warnings()).isEmpty();
    }

    @Test
    void shouldDropUnknownStreetOnFollowUpWithoutDistrict() {
        Accepted accepted = accepted("""
                {"id": "e-2", "source": "HOTLINE", "type": "DISPATCHED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "street": "Dongcheng"}
                """);

        assertThat(accepted.event().street()).isNull();
        assertThat(accepted.warnings()).containsExactly("UNKNOWN_STREET:Dongcheng");
    }

    // ---- messages ------------------------------------------------------------------------

    @Test
    void shouldNameTheOffendingValueInTheMessage() {
        Rejection rejection = rejection(validator.validate("""
                {"id": "e-1", "source": "HOTLINE", "type": "CREATED", "caseId": "c-1",
                 "occurredAt": "2026-11-22T09:15:03+08:00", "district": "110101",
                 "category": "NOISE", "channel": "FAX"}
                """));

        assertThat(rejection.message()).contains("channel").contains("FAX");
    }

    // ---- helpers -------------------------------------------------------------------------

    private Accepted accepted(String json) {
        Validation validation = validator.validate(json);
        assertThat(validation).as("validation of %s", json).isInstanceOf(Accepted.class);
        return (Accepted) validation;
    }

    private void assertRejected(String json, String expectedCode) {
        assertThat(rejection(validator.validate(json)).code())
                .as("reason for %s", json)
                .isEqualTo(expectedCode);
    }

    private static Rejection rejection(Validation validation) {
        assertThat(validation).isInstanceOf(Rejected.class);
        return ((Rejected) validation).rejection();
    }
}
