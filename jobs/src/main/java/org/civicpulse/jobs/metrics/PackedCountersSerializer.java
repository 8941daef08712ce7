package org.civicpulse.jobs.metrics;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;

/**
 * Pane counters read into the {@link PackedCounters} form the heap keeps (the minute panes). The
 * bytes are {@link CountersSerializer}'s, so checkpoints written before the panes were packed
 * restore as they are: their panes come back dense and are packed when next written, and
 * {@link MinutePanes} reads both.
 */
public final class PackedCountersSerializer extends SparseCountersSerializer {
    private static final long serialVersionUID = 1L;
    public static final PackedCountersSerializer INSTANCE = new PackedCountersSerializer();

    @Override
    public long[] createInstance() {
        return new long[] {PackedCounters.MARK};
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        return readPacked(in);
    }

    @Override
    public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Same bytes as {@link CountersSerializer.Snapshot}'s, read packed. */
    public static final class Snapshot extends SparseSnapshot {
        public Snapshot() {
        }

        @Override
        public TypeSerializer<long[]> restoreSerializer() {
            return INSTANCE;
        }
    }
}
