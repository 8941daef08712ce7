package org.civicpulse.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.CivicEvent;

/** Maps an event that arrived too late to a row of {@code late_events}, with an explicit column list. */
public final class LateEventRow {
    public static final String TABLE = "late_events";
    public static final List<String> COLUMNS = List.of("id", "event_id", "source", "type", "case_id",
            "occurred_at", "district", "category", "watermark", "received_at", "source_topic", "original",
            "written_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LateEventRow() {
    }

    /**
     * @param id where the input came from ({@code topic:partition:offset}), so a re-processed input
     *           replaces its row
     */
    public static String json(String id, CivicEvent e, Instant watermark, Instant receivedAt, String sourceTopic,
                              String original, Instant writtenAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", id);
        row.put("event_id", e.id());
        row.put("source", e.source().name());
        row.put("type", e.type().name());
        row.put("case_id", RawEventRow.nz(e.caseId()));
        row.put("occurred_at", e.occurredAt().getEpochSecond());
        row.put("district", RawEventRow.nz(e.district()));
        row.put("category", RawEventRow.nz(e.category()));
        row.put("watermark", Math.max(0, watermark.getEpochSecond()));
        row.put("received_at", receivedAt.getEpochSecond());
        row.put("source_topic", sourceTopic);
        row.put("original", original);
        row.put("written_at", writtenAt.getEpochSecond());
        return row.toString();
    }
}
