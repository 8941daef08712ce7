package org.civicpulse.storage;

import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.DeadLetter;

/** Maps a dead letter to a row of {@code dead_letters} (JSONEachRow), with an explicit column list. */
public final class DeadLetterRow {
    public static final String TABLE = "dead_letters";
    public static final List<String> COLUMNS = List.of("id", "received_at", "reason", "reason_class", "message",
            "source_topic", "kafka_partition", "kafka_offset", "line_number", "event_id", "original", "original_base64", "written_at");

    private DeadLetterRow() {
    }

    public static JsonRow json(DeadLetter d, Instant writtenAt) {
        return new JsonRow()
                .put("id", d.id())
                .put("received_at", d.receivedAt().getEpochSecond())
                .put("reason", d.reason())
                .put("reason_class", d.reasonClass())
                .put("message", d.message())
                .put("source_topic", d.sourceTopic())
                .put("kafka_partition", (long) d.partition())
                .put("kafka_offset", d.offset())
                .put("line_number", d.lineNumber())
                .put("event_id", RawEventRow.nz(d.eventId()))
                .put("original", d.original())
                .put("original_base64", RawEventRow.nz(d.originalBase64()))
                .put("written_at", writtenAt.getEpochSecond())
                ;
    }
}
