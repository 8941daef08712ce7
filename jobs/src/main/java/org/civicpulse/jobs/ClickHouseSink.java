package org.civicpulse.jobs;

import java.io.IOException;
import java.util.Collection;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.civicpulse.contract.Settings;

/**
 * Writes elements to a ClickHouse table in batches (at a row count or a time interval, whichever
 * comes first), and has everything before a checkpoint's barrier inserted before the checkpoint
 * completes. Delivery is at-least-once; the tables are
 * ReplacingMergeTree keyed by an id and read through FINAL, so a batch written again after a
 * restart never shows twice.
 *
 * <p>The writer keeps no state, but is a stateful one for Flink's sake: Flink flushes every
 * writer of a task before the checkpoint barrier and snapshots them after it, so each writer
 * starts its last insert at the flush and waits for it at the snapshot — the sinks of one task
 * insert at the same time, and the task stalls for the slowest insert instead of for all of them
 * in turn.
 */
public final class ClickHouseSink<T> implements Sink<T>, SupportsWriterState<T, Void> {
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
    public StatefulSinkWriter<T, Void> createWriter(WriterInitContext context) {
        return new ClickHouseSinkWriter<>(settings, table, mapper, rowKey, context.getProcessingTimeService());
    }

    /** Nothing to restore: a snapshot only completes once its rows are in ClickHouse. */
    @Override
    public StatefulSinkWriter<T, Void> restoreWriter(WriterInitContext context, Collection<Void> recoveredState) {
        return createWriter(context);
    }

    @Override
    public SimpleVersionedSerializer<Void> getWriterStateSerializer() {
        return NoWriterState.INSTANCE;
    }

    /** The writer's state is always an empty list, so there is never an element to write or read. */
    static final class NoWriterState implements SimpleVersionedSerializer<Void> {
        static final NoWriterState INSTANCE = new NoWriterState();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Void state) throws IOException {
            throw new IOException("the ClickHouse sink's writer has no state to write");
        }

        @Override
        public Void deserialize(int version, byte[] serialized) throws IOException {
            throw new IOException("the ClickHouse sink's writer has no state to read (version " + version + ")");
        }
    }

}
