package org.civicpulse.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.DeadLetter;

/** Maps a dead letter to a row of {@code dead_letters} (JSONEachRow), with an explicit column list. */
public final class DeadLetterRow {
    public static final String TABLE = "dead_letters";
    public static final List<String> COLUMNS = List.of("id", "received_at", "reason", "reason_class", "message",
            "source_topic", "kafka_partition", "kafka_offset", "line_number", "event_id", "original", "written_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeadLetterRow() {
    }

    public static String json(DeadLetter d, Instant writtenAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", d.id());
        row.put("received_at", d.receivedAt().getEpochSecond());
        row.put("reason", d.reason());
        row.put("reason_class", d.reasonClass());
        row.put("message", d.message());
        row.put("source_topic", d.sourceTopic());
        row.put("kafka_partition", d.partition());
        row.put("kafka_offset", d.offset());
        row.put("line_number", d.lineNumber());
        row.put("event_id", RawEventRow.nz(d.eventId()));
        row.put("original", d.original());
        row.put("written_at", writtenAt.getEpochSecond());
        return row.toString();
    }
}
