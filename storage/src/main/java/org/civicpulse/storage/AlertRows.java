package org.civicpulse.storage;

import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.Alert;

/** Maps an alert's state to a row of {@code alerts} (V6): one row per (id, version). */
public final class AlertRows {
    public static final String TABLE = "alerts";
    public static final List<String> COLUMNS = List.of("id", "version", "district", "street", "category", "kind",
            "severity", "status", "opened_at", "last_seen_at", "closed_at", "observed", "expected", "score", "points",
            "acked_by", "comment", "assigned_to", "written_at");

    private AlertRows() {
    }

    /** {@code pointsJson} is the alert's points as a JSON array, written by the caller's codec. */
    public static JsonRow json(Alert a, String pointsJson, Instant writtenAt) {
        return new JsonRow()
                .put("id", a.id())
                .put("version", a.version())
                .put("district", a.district())
                .put("street", a.street())
                .put("category", a.category())
                .put("kind", a.kind().name())
                .put("severity", a.severity().name())
                .put("status", a.status().name())
                .put("opened_at", a.openedAt().getEpochSecond())
                .put("last_seen_at", a.lastSeenAt().getEpochSecond())
                .put("closed_at", a.closedAt() == null ? null : a.closedAt().getEpochSecond())
                .put("observed", a.observed())
                .put("expected", a.expected())
                .put("score", a.score())
                .put("points", pointsJson)
                .put("acked_by", nz(a.ackedBy()))
                .put("comment", nz(a.comment()))
                .put("assigned_to", nz(a.assignedTo()))
                .put("written_at", writtenAt.getEpochSecond())
                ;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
