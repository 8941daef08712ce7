package org.civicpulse.contract;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the common shape of an {@code occurredAt} by hand — {@code yyyy-MM-ddTHH:mm:ss}, an
 * optional fraction of 1–9 digits, and {@code Z}, {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH} —
 * because java.time's formatter (a field map resolved and copied per parse) was the largest part
 * of validating an event. Anything else, valid or not, is left to the formatter: this returns
 * null, so the formatter stays the one judge of what is a timestamp (a test holds the two equal).
 */
final class EventTimeText {
    private static final int MAX_OFFSET_HOURS = 18;

    private EventTimeText() {
    }

    /** The instant, or null when the text is not in the common shape or not a valid date-time. */
    static Instant parse(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (t.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 10 && isDigit(t.charAt(at))) {
                at++;
            }
            int width = at - start;
            if (width == 0 || width > 9) {
                return null;
            }
            nano = digits(t, start, width);
            for (int i = width; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds = offset(t, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L
                + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The offset from {@code at} to the end, in seconds, or MIN_VALUE when it is not one. */
    private static int offset(String t, int at) {
        int rest = t.length() - at;
        if (rest == 1 && t.charAt(at) == 'Z') {
            return 0;
        }
        if (rest != 3 && rest != 5 && rest != 6) {
            return Integer.MIN_VALUE;
        }
        char sign = t.charAt(at);
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(t, at + 1, 2);
        int minutes = 0;
        if (rest == 5) {
            minutes = digits(t, at + 3, 2);
        } else if (rest == 6) {
            minutes = t.charAt(at + 3) == ':' ? digits(t, at + 4, 2) : -1;
        }
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > MAX_OFFSET_HOURS
                || hours == MAX_OFFSET_HOURS && minutes > 0) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The decimal number of {@code width} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String t, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = t.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
