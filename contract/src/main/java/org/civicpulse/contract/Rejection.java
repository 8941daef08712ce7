package org.civicpulse.contract;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an input line was not accepted: a reason code from SPEC §2 and a sentence for the operator.
 *
 * @param code the reason code, e.g. {@code UNKNOWN_DISTRICT} or {@code MISSING_FIELD:caseId}
 * @param message a human sentence naming the field or value at fault
 */
public record Rejection(String code, String message) {
    public static final String INVALID_JSON = "INVALID_JSON";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String UNKNOWN_SOURCE = "UNKNOWN_SOURCE";
    public static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    public static final String TYPE_NOT_FOR_SOURCE = "TYPE_NOT_FOR_SOURCE";
    public static final String UNKNOWN_DISTRICT = "UNKNOWN_DISTRICT";
    public static final String UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY";
    public static final String BAD_TIMESTAMP = "BAD_TIMESTAMP";
    public static final String FUTURE_TIMESTAMP = "FUTURE_TIMESTAMP";
    public static final String BAD_COORDINATES = "BAD_COORDINATES";
    public static final String TOO_LATE = "TOO_LATE";
    public static final String ORPHAN_CASE_EVENT = "ORPHAN_CASE_EVENT";
    public static final String CONFLICTING_DUPLICATE = "CONFLICTING_DUPLICATE";

    /** Longest stretch of an input value repeated in a message, so one bad line stays readable. */
    public static final int MAX_ECHO = 80;

    /** Requires both parts. */
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The code without its field name, e.g. {@code MISSING_FIELD}, for counting by class. */
    public String reasonClass() {
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    /** The line is not a JSON object (or not UTF-8); {@code detail} says what the parser saw. */
    public static Rejection invalidJson(String detail) {
        return new Rejection(INVALID_JSON, "The line is not a JSON object: " + echo(detail));
    }

    /** A required field is absent, JSON null or blank. */
    public static Rejection missingField(String field) {
        return new Rejection(MISSING_FIELD + ":" + field,
                "Required field '" + field + "' is missing, null or blank");
    }

    /**
     * A field is present with the wrong JSON type or a value outside its enumeration.
     *
     * @param expected what the field must be, e.g. "a boolean" or "one of PHONE, APP, WEB, WECHAT"
     * @param actual the offending value as JSON text
     */
    public static Rejection invalidField(String field, String expected, String actual) {
        return new Rejection(INVALID_FIELD + ":" + field,
                "Field '" + field + "' must be " + expected + " but is " + echo(actual));
    }

    /** The {@code source} is none of the known channels. */
    public static Rejection unknownSource(String source) {
        return new Rejection(UNKNOWN_SOURCE, "Unknown source " + quote(source)
                + "; expected one of HOTLINE, GRID, INSPECTION");
    }

    /** The {@code type} is no lifecycle step at all. */
    public static Rejection unknownType(String type) {
        return new Rejection(UNKNOWN_TYPE, "Unknown event type " + quote(type));
    }

    /** The type exists but not for this source, e.g. {@code RATED} on {@code GRID}. */
    public static Rejection typeNotForSource(EventType type, Source source) {
        return new Rejection(TYPE_NOT_FOR_SOURCE,
                "Event type " + type + " does not exist for source " + source);
    }

    /** The district is not one of the 16 district codes. */
    public static Rejection unknownDistrict(String district) {
        return new Rejection(UNKNOWN_DISTRICT, "Unknown district " + quote(district)
                + "; expected one of the 16 six-digit district codes such as 110101");
    }

    /** The category is not in the problem catalogue. */
    public static Rejection unknownCategory(String category) {
        return new Rejection(UNKNOWN_CATEGORY,
                "Unknown category " + quote(category) + "; not in the problem catalogue");
    }

    /** {@code occurredAt} is unparseable or has no offset. */
    public static Rejection badTimestamp(String occurredAt) {
        return new Rejection(BAD_TIMESTAMP, "occurredAt " + quote(occurredAt)
                + " is not an ISO-8601 date-time with an offset such as "
                + "2026-11-22T09:15:03.120+08:00");
    }

    /** {@code occurredAt} lies further ahead of the wall clock than allowed. */
    public static Rejection futureTimestamp(Instant occurredAt, Instant now, Duration maxFuture) {
        return new Rejection(FUTURE_TIMESTAMP, "occurredAt " + occurredAt + " is "
                + Duration.between(now, occurredAt) + " ahead of the clock (" + now
                + "); at most " + maxFuture + " is allowed");
    }

    /** The coordinates are incomplete, not numbers or out of range; {@code detail} says which. */
    public static Rejection badCoordinates(String detail) {
        return new Rejection(BAD_COORDINATES, "Bad coordinates: " + detail);
    }

    /** The event arrived later than the allowed lateness behind the watermark. */
    public static Rejection tooLate(
            Instant occurredAt, Instant watermark, Duration allowedLateness) {
        return new Rejection(TOO_LATE, "occurredAt " + occurredAt + " is "
                + Duration.between(occurredAt, watermark) + " behind the watermark (" + watermark
                + "); at most " + allowedLateness + " is allowed");
    }

    /** A case event whose {@code CREATED} did not arrive within the allowed lateness. */
    public static Rejection orphanCaseEvent(String caseId, Duration allowedLateness) {
        return new Rejection(ORPHAN_CASE_EVENT, "No event opening case " + quote(caseId)
                + " arrived within the allowed lateness of " + allowedLateness);
    }

    /** The same event id arrived again with different content; the first one was kept. */
    public static Rejection conflictingDuplicate(String id) {
        return new Rejection(CONFLICTING_DUPLICATE, "Event id " + quote(id)
                + " was seen before with different content; the first one is kept");
    }

    /** The value in single quotes, cut to {@link #MAX_ECHO} characters. */
    static String quote(String value) {
        return value == null ? "null" : "'" + echo(value) + "'";
    }

    /** The value cut to {@link #MAX_ECHO} characters, never splitting a surrogate pair. */
    static String echo(String value) {
        if (value == null) {
            return "null";
        }
        if (value.codePointCount(0, value.length()) <= MAX_ECHO) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_ECHO)) + "…";
    }
}
