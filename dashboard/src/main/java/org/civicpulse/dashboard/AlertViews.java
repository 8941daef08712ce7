package org.civicpulse.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.EventCodec;

/** Alerts as screens read them: times on the city's clock, points without house numbers for viewers. */
public final class AlertViews {
    private static final TypeReference<List<Alert.AlertPoint>> POINTS = new TypeReference<>() {
    };
    private final EventCodec codec;

    public AlertViews(EventCodec codec) {
        this.codec = codec;
    }

    /** Reads an alert record value; throws IllegalArgumentException when it is not one. */
    public Alert decode(byte[] value) {
        try {
            return codec.mapper().readValue(value, Alert.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not an alert: " + e.getMessage(), e);
        }
    }

    /** An alert from a row of the {@code alerts} table ({@link DashboardQueries#ALERT_COLUMNS}). */
    public Alert fromRow(JsonNode row) {
        List<Alert.AlertPoint> points;
        try {
            String json = row.path("points").asText();
            points = json.isBlank() ? List.of() : codec.mapper().readValue(json, POINTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Alert " + row.path("id").asText() + " has unreadable points", e);
        }
        return new Alert(row.path("id").asText(), row.path("district").asText(),
                row.path("street").asText(), row.path("category").asText(),
                Alert.Kind.valueOf(row.path("kind").asText()),
                Alert.Severity.valueOf(row.path("severity").asText()),
                Alert.Status.valueOf(row.path("status").asText()),
                time(row, "opened_at"), time(row, "last_seen_at"), time(row, "closed_at"),
                row.path("observed").asLong(), row.path("expected").asDouble(),
                row.path("score").asDouble(), points, text(row, "acked_by"), text(row, "comment"),
                text(row, "assigned_to"), row.path("version").asLong());
    }

    private static Instant time(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? null : DashboardQueries.parseTime(value.asText());
    }

    // The table writes '' for "not set"; the record (and the live topic) say null.
    private static String text(JsonNode row, String column) {
        String value = row.path(column).asText("");
        return value.isEmpty() ? null : value;
    }

    /** The alert as JSON; {@code wholeAddresses} false strips house numbers from its points. */
    public JsonObject toJson(Alert alert, boolean wholeAddresses) {
        JsonObject json;
        try {
            json = new JsonObject(codec.mapper().writeValueAsString(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode alert " + alert.id(), e);
        }
        json.put("openedAt", cityTime(alert.openedAt()))
                .put("lastSeenAt", cityTime(alert.lastSeenAt()))
                .put("closedAt", cityTime(alert.closedAt()));
        if (!wholeAddresses) {
            JsonArray points = json.getJsonArray("points", new JsonArray());
            for (int i = 0; i < points.size(); i++) {
                JsonObject point = points.getJsonObject(i);
                point.put("label", HouseNumbers.strip(point.getString("label")));
            }
        }
        return json;
    }

    /** An instant as ISO-8601 with the Asia/Shanghai offset, or null. */
    public static String cityTime(Instant instant) {
        // Always with seconds: OffsetDateTime.toString() drops ":00", which RFC 3339 does not allow.
        return instant == null ? null : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                        CountsReport.CITY_ZONE));
    }

    /**
     * An ISO-8601 time as the job wrote it, on the city's clock with seconds, or null. The job writes
     * {@code OffsetDateTime.toString()}, which drops ":00" on a whole minute ("15:42+08:00"): not
     * RFC 3339, and not the shape SPEC §7 shows. Text that is not a time is passed on unchanged.
     */
    public static String cityTime(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return cityTime(OffsetDateTime.parse(iso).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
