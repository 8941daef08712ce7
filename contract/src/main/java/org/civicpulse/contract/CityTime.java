package org.civicpulse.contract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times the job publishes (a scope's {@code asOf}, a source's last delivery), on the city's clock
 * (Asia/Shanghai) as RFC 3339 with seconds and milliseconds always written. {@code
 * OffsetDateTime.toString()} drops ":00" on a whole minute ("15:42+08:00"), which RFC 3339
 * readers refuse, and writes a varying number of fraction digits.
 */
public final class CityTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZONE);

    private CityTime() {
    }

    /** e.g. {@code 2026-03-10T15:42:00.000+08:00}. */
    public static String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }
}
