package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.civicpulse.contract.MetricCounter;
import org.junit.jupiter.api.Test;

/** Pane counters in checkpoints: exact, small when sparse, and old checkpoints migrate. */
class CountersSerializerTest {
    private final CountersSerializer serializer = CountersSerializer.INSTANCE;

    @Test
    void shouldRoundTripAnyCountersExactly() throws Exception {
        long[][] cases = {
            new long[0],
            new long[MetricCounter.SIZE],
            {1},
            {0, 0, 0, 0, 0, 0, 0, 0, 7},
            {-1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 0, 300, -300, 1L << 40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5},
        };
        for (long[] c : cases) {
            byte[] bytes = bytes(c);
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            assertThat(serializer.deserialize(in)).isEqualTo(c);
            assertThat(in.available()).isZero();
        }
    }

    @Test
    void shouldWriteASparsePaneInAFewBytes() throws Exception {
        long[] pane = new long[MetricCounter.SIZE];
        pane[MetricCounter.CREATED_HOTLINE.ordinal()] = 3;
        pane[MetricCounter.RATINGS.ordinal()] = 1;
        assertThat(bytes(pane).length).isLessThanOrEqualTo(6);
    }

    @Test
    void shouldCopyIndependently() {
        long[] pane = {1, 2, 3};
        long[] copy = serializer.copy(pane);
        pane[0] = 9;
        assertThat(copy).containsExactly(1, 2, 3);
    }

    @Test
    void shouldMigratePanesCheckpointedAsPlainLongArrays() throws Exception {
        long[] pane = new long[MetricCounter.SIZE];
        pane[2] = 42;
        DataOutputSerializer oldBytes = new DataOutputSerializer(256);
        LongPrimitiveArraySerializer.INSTANCE.serialize(pane, oldBytes);
        TypeSerializerSnapshot<long[]> old = writeAndRead(LongPrimitiveArraySerializer.INSTANCE.snapshotConfiguration());

        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(old).isCompatibleAfterMigration())
                .isTrue();
        long[] restored = old.restoreSerializer().deserialize(new DataInputDeserializer(oldBytes.getCopyOfBuffer()));
        assertThat(restored).isEqualTo(pane);
        assertThat(serializer.snapshotConfiguration()
                .resolveSchemaCompatibility(writeAndRead(serializer.snapshotConfiguration())).isCompatibleAsIs()).isTrue();
    }

    private byte[] bytes(long[] counters) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(counters, out);
        return out.getCopyOfBuffer();
    }

    static TypeSerializerSnapshot<long[]> writeAndRead(TypeSerializerSnapshot<long[]> s) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, s);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                CountersSerializerTest.class.getClassLoader());
    }
}
