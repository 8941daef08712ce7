package org.civicpulse.storage;

/**
 * Builds one JSONEachRow line by appending to a string builder; every row mapper uses it. The
 * sinks write a row per event, and a Jackson tree per row cost more than the insert itself. Strings are escaped as
 * JSON requires (quote, backslash, control characters).
 */
public final class JsonRow {
    private final StringBuilder sb = new StringBuilder(256).append('{');

    public JsonRow put(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonRow put(String name, long value) {
        key(name);
        sb.append(value);
        return this;
    }

    public JsonRow put(String name, double value) {
        key(name);
        sb.append(value);
        return this;
    }

    /** A nullable number: JSON null when absent. */
    public JsonRow put(String name, Number value) {
        key(name);
        sb.append(value == null ? "null" : value.toString());
        return this;
    }

    @Override
    public String toString() {
        int open = sb.length();
        String row = sb.append('}').toString();
        sb.setLength(open); // the row stays open for more fields, and toString() stays repeatable
        return row;
    }

    private void key(String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        quote(name);
        sb.append(':');
    }

    private void quote(String s) {
        sb.append('"');
        // Most values (ids, codes, Chinese names) need no escaping: append them whole, which is
        // several times cheaper than a char-by-char copy on a path taken for every row.
        if (plain(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
