package org.civicpulse.storage;

import java.time.Instant;
import java.util.List;

/** Maps a case version to a row of {@code cases}, with an explicit column list. */
public final class CaseTableRow {
    public static final String TABLE = "cases";
    public static final List<String> COLUMNS = List.of("case_id", "source", "district", "street", "category", "unit",
            "address", "urgent", "status", "created_at", "dispatched_at", "responded_at", "resolved_at",
            "reopened_at", "closed_at", "response_limit_at", "resolution_limit_at", "overdue", "about_to_breach",
            "ratings", "last_rating_resolved", "last_satisfaction", "revision", "written_at");

    private CaseTableRow() {
    }

    public static JsonRow json(CaseSnapshot c, Instant writtenAt) {
        return new JsonRow()
                .put("case_id", c.caseId())
                .put("source", c.source())
                .put("district", RawEventRow.nz(c.district()))
                .put("street", RawEventRow.nz(c.street()))
                .put("category", RawEventRow.nz(c.category()))
                .put("unit", RawEventRow.nz(c.unit()))
                .put("address", RawEventRow.nz(c.address()))
                .put("urgent", c.urgent() ? 1L : 0L)
                .put("status", c.status())
                .put("created_at", c.createdAt() / 1000)
                .put("dispatched_at", seconds(c.dispatchedAt()))
                .put("responded_at", seconds(c.respondedAt()))
                .put("resolved_at", seconds(c.resolvedAt()))
                .put("reopened_at", seconds(c.reopenedAt()))
                .put("closed_at", seconds(c.closedAt()))
                .put("response_limit_at", c.responseLimitAt() / 1000)
                .put("resolution_limit_at", c.resolutionLimitAt() / 1000)
                .put("overdue", c.overdue() ? 1L : 0L)
                .put("about_to_breach", c.aboutToBreach() ? 1L : 0L)
                .put("ratings", (long) c.ratings())
                .put("last_rating_resolved", c.lastRatingResolved() == null ? null
                        : (Number) (c.lastRatingResolved() ? 1 : 0))
                .put("last_satisfaction", RawEventRow.nz(c.lastSatisfaction()))
                .put("revision", c.revision())
                .put("written_at", writtenAt.getEpochSecond())
                ;
    }

    /** Epoch seconds, or null when the stage has not happened (0). */
    private static Number seconds(long epochMillis) {
        return epochMillis > 0 ? (Number) (epochMillis / 1000) : null;
    }
}
