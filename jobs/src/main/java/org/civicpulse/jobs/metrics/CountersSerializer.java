package org.civicpulse.jobs.metrics;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;

/** Pane counters read into a dense {@code long[]}, one slot per counter (the day panes). */
public final class CountersSerializer extends SparseCountersSerializer {
    private static final long serialVersionUID = 1L;
    public static final CountersSerializer INSTANCE = new CountersSerializer();
    private static final long[] EMPTY = new long[0];

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        return readDense(in);
    }

    @Override
    public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Named in every checkpoint since the sparse format: keep the class and its name. */
    public static final class Snapshot extends SparseSnapshot {
        public Snapshot() {
        }

        @Override
        public TypeSerializer<long[]> restoreSerializer() {
            return INSTANCE;
        }
    }
}
