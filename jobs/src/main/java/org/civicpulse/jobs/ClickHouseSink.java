package org.civicpulse.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.civicpulse.contract.Settings;

/**
 * Writes elements to a ClickHouse table in batches (at a row count or a time interval, whichever
 * comes first) and flushes before every checkpoint. Delivery is at-least-once; the tables are
 * ReplacingMergeTree keyed by an id and read through FINAL, so a batch written again after a
 * restart never shows twice.
 */
public final class ClickHouseSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private final Settings settings;
    private final String table;
    private final RowMapper<T> mapper;
    private final RowKey<T> rowKey;

    public ClickHouseSink(Settings settings, String table, RowMapper<T> mapper) {
        this(settings, table, mapper, null);
    }

    /** With a row key, a batch writes only the newest element per key. */
    public ClickHouseSink(Settings settings, String table, RowMapper<T> mapper, RowKey<T> rowKey) {
        this.settings = settings;
        this.table = table;
        this.mapper = mapper;
        this.rowKey = rowKey;
    }

    /** The identity of a row, for tables where a newer row replaces an older one. */
    @FunctionalInterface
    public interface RowKey<T> extends java.io.Serializable {
        String of(T element);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ClickHouseSinkWriter<>(settings, table, mapper, rowKey, context.getProcessingTimeService());
    }

}
