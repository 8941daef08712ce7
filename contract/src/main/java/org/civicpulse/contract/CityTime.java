package org.civicpulse.contract;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Times on the city's clock (Asia/Shanghai) as RFC 3339, seconds always written: with
 * milliseconds as the job publishes them (a scope's {@code asOf}, a source's last delivery), and
 * to the second as the API and the screens show them (SPEC §7). {@code OffsetDateTime.toString()}
 * drops ":00" on a whole minute ("15:42+08:00"), which RFC 3339 readers refuse, and writes a
 * varying number of fraction digits.
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

    /** To the second, e.g. {@code 2026-03-10T15:42:00+08:00}, or null. */
    public static String seconds(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZONE));
    }

    /**
     * An ISO-8601 time read by the dashboard (the job's, or one stored by an earlier build that wrote
     * {@code OffsetDateTime.toString()}) to the second, or null; text that is not a time is passed
     * on unchanged.
     */
    public static String seconds(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return seconds(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
