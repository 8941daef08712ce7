package org.civicpulse.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Maps a case version to a row of {@code cases}, with an explicit column list. */
public final class CaseTableRow {
    public static final String TABLE = "cases";
    public static final List<String> COLUMNS = List.of("case_id", "source", "district", "street", "category", "unit",
            "address", "urgent", "status", "created_at", "dispatched_at", "responded_at", "resolved_at",
            "reopened_at", "closed_at", "response_limit_at", "resolution_limit_at", "overdue", "about_to_breach",
            "ratings", "last_rating_resolved", "last_satisfaction", "revision", "written_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseTableRow() {
    }

    public static String json(CaseSnapshot c, Instant writtenAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("case_id", c.caseId());
        row.put("source", c.source());
        row.put("district", RawEventRow.nz(c.district()));
        row.put("street", RawEventRow.nz(c.street()));
        row.put("category", RawEventRow.nz(c.category()));
        row.put("unit", RawEventRow.nz(c.unit()));
        row.put("address", RawEventRow.nz(c.address()));
        row.put("urgent", c.urgent() ? 1 : 0);
        row.put("status", c.status());
        row.put("created_at", c.createdAt() / 1000);
        time(row, "dispatched_at", c.dispatchedAt());
        time(row, "responded_at", c.respondedAt());
        time(row, "resolved_at", c.resolvedAt());
        time(row, "reopened_at", c.reopenedAt());
        time(row, "closed_at", c.closedAt());
        row.put("response_limit_at", c.responseLimitAt() / 1000);
        row.put("resolution_limit_at", c.resolutionLimitAt() / 1000);
        row.put("overdue", c.overdue() ? 1 : 0);
        row.put("about_to_breach", c.aboutToBreach() ? 1 : 0);
        row.put("ratings", c.ratings());
        if (c.lastRatingResolved() == null) {
            row.putNull("last_rating_resolved");
        } else {
            row.put("last_rating_resolved", c.lastRatingResolved() ? 1 : 0);
        }
        row.put("last_satisfaction", RawEventRow.nz(c.lastSatisfaction()));
        row.put("revision", c.revision());
        row.put("written_at", writtenAt.getEpochSecond());
        return row.toString();
    }

    private static void time(ObjectNode row, String column, long epochMillis) {
        if (epochMillis > 0) {
            row.put(column, epochMillis / 1000);
        } else {
            row.putNull(column);
        }
    }
}
