package org.civicpulse.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.civicpulse.contract.CivicEvent;

/** Maps an accepted event to a row of {@code raw_events} (JSONEachRow), with an explicit column list. */
public final class RawEventRow {
    public static final String TABLE = "raw_events";
    public static final List<String> COLUMNS = List.of("id", "source", "type", "case_id", "occurred_at",
            "occurred_ms", "district", "street", "category", "unit", "lat", "lon", "address", "urgent", "channel",
            "resolved", "satisfaction", "passed", "quality_warning", "topic", "kafka_partition", "kafka_offset",
            "ingested_at");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawEventRow() {
    }

    /** One JSON line for ClickHouse; DateTime columns as epoch seconds (18.16 misreads epoch millis). */
    public static String json(CivicEvent e, String qualityWarning, String topic, int partition, long offset,
                              Instant ingestedAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("id", e.id());
        row.put("source", e.source().name());
        row.put("type", e.type().name());
        row.put("case_id", nz(e.caseId()));
        row.put("occurred_at", e.occurredAt().getEpochSecond());
        row.put("occurred_ms", e.occurredAt().getNano() / 1_000_000);
        row.put("district", nz(e.district()));
        row.put("street", nz(e.street()));
        row.put("category", nz(e.category()));
        row.put("unit", nz(e.unit()));
        row.put("lat", e.lat());
        row.put("lon", e.lon());
        row.put("address", nz(e.address()));
        row.put("urgent", e.urgent() ? 1 : 0);
        row.put("channel", e.channel() == null ? "" : e.channel().name());
        row.put("resolved", e.resolved() == null ? null : (e.resolved() ? 1 : 0));
        row.put("satisfaction", e.satisfaction() == null ? "" : e.satisfaction().name());
        row.put("passed", e.passed() == null ? null : (e.passed() ? 1 : 0));
        row.put("quality_warning", nz(qualityWarning));
        row.put("topic", topic);
        row.put("kafka_partition", partition);
        row.put("kafka_offset", offset);
        row.put("ingested_at", ingestedAt.getEpochSecond());
        return row.toString();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
