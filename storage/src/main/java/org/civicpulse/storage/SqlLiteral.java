package org.civicpulse.storage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one place that turns values into ClickHouse SQL literals. ClickHouse 18.16 has no
 * server-side query parameters, so every value that reaches SQL text goes through here.
 */
public final class SqlLiteral {
    /** Event time is on the Asia/Shanghai calendar (SPEC §3); DateTime columns use that zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private SqlLiteral() {
    }

    /** A quoted string literal: backslash and quote escaped, control characters as escapes. */
    public static String string(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** A DateTime literal on the Asia/Shanghai calendar, e.g. {@code toDateTime('2026-11-20 09:00:00', 'Asia/Shanghai')}. */
    public static String dateTime(Instant instant) {
        return "toDateTime('" + DATE_TIME.format(instant) + "', 'Asia/Shanghai')";
    }

    /** The text form ClickHouse accepts for a DateTime value in JSONEachRow input. */
    public static String dateTimeValue(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
