package org.civicpulse.storage;

import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.CivicEvent;

/** Maps an event that arrived too late to a row of {@code late_events}, with an explicit column list. */
public final class LateEventRow {
    public static final String TABLE = "late_events";
    public static final List<String> COLUMNS = List.of("id", "event_id", "source", "type", "case_id",
            "occurred_at", "district", "category", "watermark", "received_at", "source_topic", "original",
            "written_at");

    private LateEventRow() {
    }

    /**
     * @param id where the input came from ({@code topic:partition:offset}), so a re-processed input
     *           replaces its row
     */
    public static JsonRow json(String id, CivicEvent e, Instant watermark, Instant receivedAt, String sourceTopic,
                              String original, Instant writtenAt) {
        return new JsonRow()
                .put("id", id)
                .put("event_id", e.id())
                .put("source", e.source().name())
                .put("type", e.type().name())
                .put("case_id", RawEventRow.nz(e.caseId()))
                .put("occurred_at", e.occurredAt().getEpochSecond())
                .put("district", RawEventRow.nz(e.district()))
                .put("category", RawEventRow.nz(e.category()))
                .put("watermark", Math.max(0, watermark.getEpochSecond()))
                .put("received_at", receivedAt.getEpochSecond())
                .put("source_topic", sourceTopic)
                .put("original", original)
                .put("written_at", writtenAt.getEpochSecond())
                ;
    }
}
