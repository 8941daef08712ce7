package org.civicpulse.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.EventCodec;

/** Alerts as screens read them: times on the city's clock, points without house numbers for viewers. */
public final class AlertViews {
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
}
