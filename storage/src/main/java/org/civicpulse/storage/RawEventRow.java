package org.civicpulse.storage;

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

    private RawEventRow() {
    }

    /** One JSON line for ClickHouse; DateTime columns as epoch seconds (18.16 misreads epoch millis). */
    public static JsonRow json(CivicEvent e, String qualityWarning, String topic, int partition, long offset,
                              Instant ingestedAt) {
        return new JsonRow()
                .put("id", e.id())
                .put("source", e.source().name())
                .put("type", e.type().name())
                .put("case_id", nz(e.caseId()))
                .put("occurred_at", e.occurredAt().getEpochSecond())
                .put("occurred_ms", (long) (e.occurredAt().getNano() / 1_000_000))
                .put("district", nz(e.district()))
                .put("street", nz(e.street()))
                .put("category", nz(e.category()))
                .put("unit", nz(e.unit()))
                .put("lat", e.lat())
                .put("lon", e.lon())
                .put("address", nz(e.address()))
                .put("urgent", Boolean.TRUE.equals(e.urgent()) ? 1L : 0L)
                .put("channel", e.channel() == null ? "" : e.channel().name())
                .put("resolved", e.resolved() == null ? null : (Number) (e.resolved() ? 1 : 0))
                .put("satisfaction", e.satisfaction() == null ? "" : e.satisfaction().name())
                .put("passed", e.passed() == null ? null : (Number) (e.passed() ? 1 : 0))
                .put("quality_warning", nz(qualityWarning))
                .put("topic", topic)
                .put("kafka_partition", (long) partition)
                .put("kafka_offset", offset)
                .put("ingested_at", ingestedAt.getEpochSecond())
                ;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
