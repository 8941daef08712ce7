package org.civicpulse.jobs.hotspot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Alert ids, derived from the unit and the opening time so the same input gives the same ids:
 * {@code HS-<district>-<category>-<street code>-<yyyyMMddHHmm Beijing>}, e.g.
 * {@code HS-110101-ILLEGAL_PARKING_MOTOR-110101007-202611200905}. ASCII, so it travels in URLs,
 * and it names the district × category that owns the alert, so commands can be routed to it.
 */
public final class AlertIds {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private AlertIds() {
    }

    public static String of(String district, String category, String streetCode, long openedAtMs) {
        return "HS-" + district + "-" + category + "-" + streetCode + "-" + MINUTE.format(Instant.ofEpochMilli(openedAtMs));
    }

    /** The key of the district × category that owns the alert, or null for an id not made here. */
    public static String unitKey(String alertId) {
        String[] parts = alertId.split("-");
        return parts.length == 5 && parts[0].equals("HS") ? key(parts[1], parts[2]) : null;
    }

    /** The street code inside an id, or null. */
    static String streetCode(String alertId) {
        String[] parts = alertId.split("-");
        return parts.length == 5 ? parts[3] : null;
    }

    /** The key hotspots are kept under: district × category. */
    public static String key(String district, String category) {
        return district + "|" + category;
    }
}
