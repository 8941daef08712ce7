package org.civicpulse.contract;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.civicpulse.contract.Validation.Accepted;
import org.civicpulse.contract.Validation.Rejected;

/**
 * Checks one raw input line against SPEC §2 and turns it into a {@link CivicEvent} or exactly one
 * {@link Rejection}; checks run in a fixed order and the first failure wins.
 */
public final class EventValidator {
    /** Warning code for a street that was dropped from an accepted event. */
    public static final String UNKNOWN_STREET = "UNKNOWN_STREET";

    private final Catalogue catalogue;
    private final Clock clock;
    private final Duration maxFuture;
    private final ObjectReader reader;

    /**
     * Builds a validator; it keeps no state between lines, so one instance can serve a stream.
     *
     * @param catalogue districts, streets and categories the event must name
     * @param clock the wall clock that {@code FUTURE_TIMESTAMP} is measured against
     * @param maxFuture how far ahead of the clock an event may be
     */
    public EventValidator(Catalogue catalogue, Clock clock, Duration maxFuture) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFuture = Objects.requireNonNull(maxFuture, "maxFuture");
        this.reader = new EventCodec().mapper().reader()
                // An id given twice makes the line ambiguous, and the id is the idempotency key.
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // NaN and Infinity are read so that coordinates get BAD_COORDINATES, not
                // INVALID_JSON, which names the actual problem.
                .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Validates a Kafka record value or a replay line as raw bytes, which must be UTF-8. */
    public Validation validate(byte[] utf8) {
        if (utf8 == null) {
            return new Rejected(Rejection.invalidJson("the record has no value"), null);
        }
        String text;
        try {
            text = Utf8.decode(utf8);
        } catch (CharacterCodingException e) {
            return new Rejected(Rejection.invalidJson("the bytes are not valid UTF-8"), null);
        }
        return validate(text);
    }

    /** Validates one line of JSON text. */
    public Validation validate(String json) {
        if (json == null) {
            return new Rejected(Rejection.invalidJson("the record has no value"), null);
        }
        JsonNode node;
        try {
            node = parseObject(json);
        } catch (Invalid e) {
            return new Rejected(e.rejection, null);
        }
        try {
            return check(node);
        } catch (Invalid e) {
            JsonNode id = node.get("id");
            // The id, when readable, lets an operator find the rejected event by the name its sender knows.
            return new Rejected(e.rejection, id != null && id.isTextual() ? id.asText() : null);
        }
    }

    private Validation check(JsonNode node) throws Invalid {
        // b. the four fields every event has
        String id = requiredText(node, "id");
        require(node, "source", true);
        require(node, "type", true);
        require(node, "occurredAt", true);
        // c. source and type (a value of another JSON type is no known source or type either)
        Source source = parseSource(node.get("source"));
        EventType type = parseType(node.get("type"));
        if (!type.allowedFor(source)) {
            throw new Invalid(Rejection.typeNotForSource(type, source));
        }
        // d. fields this type of event must have
        requireTypeSpecificFields(node, source, type);
        // e. event time
        Instant occurredAt = parseOccurredAt(node.get("occurredAt"));
        // f. place and category
        String district = optionalCode(node, "district");
        if (district != null && catalogue.district(district).isEmpty()) {
            throw new Invalid(Rejection.unknownDistrict(district));
        }
        String category = optionalName(node, "category");
        if (category != null && catalogue.category(category).isEmpty()) {
            throw new Invalid(Rejection.unknownCategory(category));
        }
        // g. types of the optional fields, in SPEC order
        String caseId = optionalText(node, "caseId");
        String street = optionalName(node, "street");
        String unit = optionalText(node, "unit");
        Double lat = coordinate(node, "lat");
        Double lon = coordinate(node, "lon");
        String address = optionalText(node, "address");
        Boolean urgent = optionalBoolean(node, "urgent");
        Channel channel = optionalEnum(node, "channel", Channel.class);
        Boolean resolved = optionalBoolean(node, "resolved");
        Satisfaction satisfaction = optionalEnum(node, "satisfaction", Satisfaction.class);
        Boolean passed = optionalBoolean(node, "passed");
        // h. coordinates
        checkCoordinates(lat, lon);
        // i. an unknown street costs the event only its street
        List<String> warnings = new ArrayList<>();
        String knownStreet = knownStreet(street, district, warnings);
        CivicEvent event = new CivicEvent(id, source, type, caseId, occurredAt, district,
                knownStreet, category, unit, lat, lon, address, urgent,
                channel, resolved, satisfaction, passed);
        return new Accepted(event, warnings);
    }

    private JsonNode parseObject(String json) throws Invalid {
        JsonNode node;
        try {
            node = reader.readTree(Utf8.withoutByteOrderMark(json));
        } catch (JacksonException e) {
            throw new Invalid(Rejection.invalidJson(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new Invalid(Rejection.invalidJson("the line is empty"));
        }
        if (!node.isObject()) {
            throw new Invalid(Rejection.invalidJson(
                    "found a JSON " + kind(node) + " where an object was expected"));
        }
        return node;
    }

    private static String requiredText(JsonNode node, String field) throws Invalid {
        if (isAbsent(node, field)) {
            throw new Invalid(Rejection.missingField(field));
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new Invalid(Rejection.invalidField(field, "a string", value.toString()));
        }
        return value.textValue();
    }

    private static Source parseSource(JsonNode value) throws Invalid {
        for (Source source : Source.values()) {
            if (source.name().equals(value.textValue())) {
                return source;
            }
        }
        throw new Invalid(Rejection.unknownSource(asGiven(value)));
    }

    private static EventType parseType(JsonNode value) throws Invalid {
        for (EventType type : EventType.values()) {
            if (type.name().equals(value.textValue())) {
                return type;
            }
        }
        throw new Invalid(Rejection.unknownType(asGiven(value)));
    }

    /** A string as it is, any other JSON value as its JSON text (for names and messages). */
    private static String asGiven(JsonNode value) {
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static void requireTypeSpecificFields(JsonNode node, Source source, EventType type)
            throws Invalid {
        // Inspection cases exist only when a failed check opens one, so a CHECKED may lack it.
        boolean needsCase = source != Source.INSPECTION || type.isCaseFollowUp();
        boolean opensProblem = type == EventType.CREATED || type == EventType.CHECKED;
        require(node, "caseId", needsCase);
        require(node, "district", opensProblem);
        require(node, "category", opensProblem);
        require(node, "resolved", type == EventType.RATED);
        require(node, "satisfaction", type == EventType.RATED);
        require(node, "passed", type == EventType.CHECKED);
    }

    private static void require(JsonNode node, String field, boolean required) throws Invalid {
        if (required && isAbsent(node, field)) {
            throw new Invalid(Rejection.missingField(field));
        }
    }

    /**
     * ISO-8601 date-time with an offset: {@code +08:00} as SPEC §2 shows, {@code Z}, and the basic
     * forms {@code +0800} and {@code +08} (ISO-8601 too, and what {@code strftime("%z")} writes).
     * Without any offset the parse fails: BAD_TIMESTAMP.
     */
    private static final DateTimeFormatter OCCURRED_AT = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter().withResolverStyle(java.time.format.ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    /** An {@code occurredAt} text as an instant; throws DateTimeParseException when it is not one. */
    public static Instant parseEventTime(String text) {
        Instant common = EventTimeText.parse(text);
        return common != null ? common : OffsetDateTime.parse(text, OCCURRED_AT).toInstant();
    }

    private Instant parseOccurredAt(JsonNode value) throws Invalid {
        // SPEC §2 names the reason for an event time that cannot be read, whatever JSON type it
        // came as (epoch milliseconds, an object): BAD_TIMESTAMP, not INVALID_FIELD.
        if (!value.isTextual()) {
            throw new Invalid(Rejection.badTimestamp(value.toString()));
        }
        String text = value.textValue();
        Instant occurredAt;
        try {
            occurredAt = parseEventTime(text);
        } catch (DateTimeParseException e) {
            throw new Invalid(Rejection.badTimestamp(text));
        }
        Instant now = clock.instant();
        if (occurredAt.isAfter(now.plus(maxFuture))) {
            throw new Invalid(Rejection.futureTimestamp(occurredAt, now, maxFuture));
        }
        return occurredAt;
    }

    /** A string field, or {@code null} when it is absent, JSON null or blank. */
    private static String optionalText(JsonNode node, String field) throws Invalid {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new Invalid(Rejection.invalidField(field, "a string", value.toString()));
        }
        return value.textValue();
    }

    /**
     * A code such as a district's, as a string; a whole JSON number is read as its digits, since
     * SPEC §2 names the district a 6-digit code without fixing its JSON type ({@code 110101}
     * unquoted is the same district as {@code "110101"}; an unknown one is still UNKNOWN_DISTRICT).
     * Any other JSON value names no district: its JSON text, which the catalogue does not know.
     */
    private static String optionalCode(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Long.toString(value.longValue());
        }
        return optionalName(node, field);
    }

    /**
     * A name looked up in the catalogue (category, street), or {@code null} when absent. A value of
     * another JSON type comes back as its JSON text, which names nothing in the catalogue, so it
     * gets the outcome SPEC §2 gives an unknown name (UNKNOWN_CATEGORY; a street dropped with a
     * warning) rather than one SPEC does not name.
     */
    private static String optionalName(JsonNode node, String field) {
        return isAbsent(node, field) ? null : asGiven(node.get(field));
    }

    /** A latitude or longitude; one that is not a JSON number is a bad coordinate (SPEC §2). */
    private static Double coordinate(JsonNode node, String field) throws Invalid {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw new Invalid(Rejection.badCoordinates(field + " is not a number: " + Rejection.echo(value.toString())));
        }
        return value.doubleValue();
    }

    private static Boolean optionalBoolean(JsonNode node, String field) throws Invalid {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new Invalid(Rejection.invalidField(field, "true or false", value.toString()));
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E optionalEnum(JsonNode node, String field, Class<E> type)
            throws Invalid {
        if (isAbsent(node, field)) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "));
        throw new Invalid(Rejection.invalidField(field, "one of " + allowed, value.toString()));
    }

    private static void checkCoordinates(Double lat, Double lon) throws Invalid {
        if (lat == null && lon == null) {
            return;
        }
        if (lat == null || lon == null) {
            throw new Invalid(Rejection.badCoordinates(
                    (lat == null ? "lon" : "lat") + " is given without "
                            + (lat == null ? "lat" : "lon")));
        }
        // The negated comparisons also catch NaN, which fails every comparison.
        if (!(lat >= -90 && lat <= 90)) {
            throw new Invalid(Rejection.badCoordinates("lat " + lat + " is outside [-90, 90]"));
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new Invalid(Rejection.badCoordinates("lon " + lon + " is outside [-180, 180]"));
        }
    }

    /**
     * The street if the catalogue knows it where the event says it is, else {@code null} with a
     * warning. Without a district (a follow-up inherits the case's place) a name known in any
     * district is kept.
     */
    private String knownStreet(String street, String district, List<String> warnings) {
        if (street == null) {
            return null;
        }
        boolean known = district != null
                ? catalogue.street(district, street).isPresent()
                : !catalogue.streetsNamed(street).isEmpty();
        if (known) {
            return street;
        }
        warnings.add(unknownStreet(street));
        return null;
    }

    /** The data-quality warning for a street dropped from an accepted event. */
    public static String unknownStreet(String street) {
        return UNKNOWN_STREET + ":" + Rejection.echo(street);
    }

    /** Absent, JSON null, or a blank string: all mean "not given". */
    private static boolean isAbsent(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null
                || value.isNull()
                || (value.isTextual() && value.textValue().isBlank());
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> "value";
        };
    }

    /** Carries the first failure out of the chain of checks. */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Rejection rejection;

        Invalid(Rejection rejection) {
            // No stack trace: this is an expected outcome, thrown once per bad line.
            super(rejection.code(), null, false, false);
            this.rejection = rejection;
        }
    }
}
