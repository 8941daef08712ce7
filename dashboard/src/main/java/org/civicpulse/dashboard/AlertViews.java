package org.civicpulse.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.CityTime;
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
        json.put("openedAt", CityTime.seconds(alert.openedAt()))
                .put("lastSeenAt", CityTime.seconds(alert.lastSeenAt()))
                .put("closedAt", CityTime.seconds(alert.closedAt()));
        if (!wholeAddresses) {
            JsonArray points = json.getJsonArray("points", new JsonArray());
            for (int i = 0; i < points.size(); i++) {
                JsonObject point = points.getJsonObject(i);
                point.put("label", HouseNumbers.strip(point.getString("label")));
            }
        }
        return json;
    }
}
