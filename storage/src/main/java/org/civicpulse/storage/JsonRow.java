package org.civicpulse.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds one JSONEachRow line, encoded as UTF-8 as it is built; every row mapper uses it. The
 * sinks write a row per event: a Jackson tree per row cost more than the insert itself, and a
 * string builder (inflated to UTF-16 by the first Chinese name) then encoded to UTF-8 was still
 * a tenth of the job. Strings are escaped as JSON requires (quote, backslash, control characters).
 */
public final class JsonRow {
    private byte[] buf = new byte[256];
    private int len;

    public JsonRow() {
        buf[len++] = '{';
    }

    public JsonRow put(String name, String value) {
        key(name);
        if (value == null) {
            ascii("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonRow put(String name, long value) {
        key(name);
        number(value);
        return this;
    }

    public JsonRow put(String name, double value) {
        key(name);
        ascii(Double.toString(value));
        return this;
    }

    /** A nullable number: JSON null when absent. */
    public JsonRow put(String name, Number value) {
        key(name);
        ascii(value == null ? "null" : value.toString());
        return this;
    }

    /** Writes the closed row (without a line end) to {@code out}; the row stays open for more fields. */
    public void writeTo(ByteArrayOutputStream out) {
        out.write(buf, 0, len);
        out.write('}');
    }

    @Override
    public String toString() {
        ensure(1);
        buf[len] = '}'; // not counted: the row stays open for more fields, and toString() stays repeatable
        return new String(buf, 0, len + 1, StandardCharsets.UTF_8);
    }

    private void key(String name) {
        if (len > 1) {
            ensure(1);
            buf[len++] = ',';
        }
        quote(name);
        ensure(1);
        buf[len++] = ':';
    }

    private void number(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        if (value < 0) {
            buf[len++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        len += digits;
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** The string in quotes, escaped, as UTF-8 (a lone surrogate becomes '?', as String.getBytes does). */
    private void quote(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        int i = 0;
        // Most values (ids, codes, enum names) are plain ASCII: one byte a char, reserved above.
        for (char c; i < n && plain(c = s.charAt(i)); i++) {
            buf[len++] = (byte) c;
        }
        if (i < n) {
            encode(s, i);
        }
        ensure(1);
        buf[len++] = '"';
    }

    /** The rest of {@code s} from {@code from}: Chinese names take three bytes a char, escapes up to six. */
    private void encode(String s, int from) {
        int n = s.length();
        ensure(3 * (n - from)); // a char takes at most 3 bytes (a surrogate pair 4 for 2)
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (plain(c)) {
                buf[len++] = (byte) c;
            } else if (c < 0x80) {
                ensure(6 + 3 * (n - i)); // the escape, and the rest as reserved above
                escape(c);
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buf[len++] = '?';
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    /** An ASCII character JSON takes as it is: one byte, no escape. */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            default -> ascii(String.format("\\u%04x", (int) c));
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(2 * buf.length, len + more));
        }
    }
}
