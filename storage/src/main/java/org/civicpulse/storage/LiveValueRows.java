package org.civicpulse.storage;

import java.time.Instant;
import java.util.List;

/** Maps a live topic value to a row of {@code live_values} (V7): the newest version of a key wins. */
public final class LiveValueRows {
    public static final String TABLE = "live_values";
    public static final List<String> COLUMNS = List.of("key", "value", "version", "written_at");

    private LiveValueRows() {
    }

    /** {@code value} is the record exactly as published on the live topic (JSON text). */
    public static JsonRow json(String key, String value, Instant writtenAt) {
        return new JsonRow().put("key", key).put("value", value).put("version", writtenAt.toEpochMilli())
                .put("written_at", writtenAt.getEpochSecond());
    }
}
