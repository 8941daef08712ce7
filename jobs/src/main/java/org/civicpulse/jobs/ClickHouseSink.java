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

    public ClickHouseSink(Settings settings, String table, RowMapper<T> mapper) {
        this.settings = settings;
        this.table = table;
        this.mapper = mapper;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ClickHouseSinkWriter<>(settings, table, mapper, context.getProcessingTimeService(),
                context.getTaskInfo().getIndexOfThisSubtask());
    }

}
