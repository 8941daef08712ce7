package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.civicpulse.contract.MetricCounter;
import org.junit.jupiter.api.Test;

/** Minute panes packed on the heap: exact, small, and the same bytes in a checkpoint as dense panes. */
class PackedCountersTest {
    private final Random random = new Random(11);

    @Test
    void shouldPackAndUnpackAnyCountsExactly() {
        for (int n = 0; n < 2_000; n++) {
            long[] dense = randomPane();
            long[] packed = PackedCounters.pack(dense);
            assertThat(PackedCounters.isPacked(packed)).isTrue();
            assertThat(PackedCounters.dense(packed, MetricCounter.SIZE)).isEqualTo(dense);
            assertThat(PackedCounters.pack(packed)).isSameAs(packed);
        }
    }

    @Test
    void shouldKeepOnlyTheNonZeroCounters() {
        long[] pane = new long[MetricCounter.SIZE];
        pane[MetricCounter.CREATED_HOTLINE.ordinal()] = 3;
        pane[MetricCounter.RATINGS.ordinal()] = -1;
        assertThat(PackedCounters.pack(pane)).hasSize(3);
        assertThat(PackedCounters.pack(new long[MetricCounter.SIZE])).containsExactly(PackedCounters.MARK);
    }

    @Test
    void shouldReadADenseArrayAsItIs() {
        long[] dense = randomPane();
        long[] copy = PackedCounters.dense(dense, MetricCounter.SIZE);
        assertThat(copy).isEqualTo(dense).isNotSameAs(dense);
        assertThat(PackedCounters.isPacked(dense)).isFalse();
    }

    @Test
    void shouldRefuseAValueThatWouldWrap() {
        long[] pane = new long[MetricCounter.SIZE];
        pane[1] = Long.MAX_VALUE / 2;
        assertThatThrownBy(() -> PackedCounters.pack(pane)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counter 1");
    }

    @Test
    void shouldWriteTheSameBytesAsADensePaneAndReadThemBackPacked() throws Exception {
        for (int n = 0; n < 500; n++) {
            long[] dense = randomPane();
            long[] packed = PackedCounters.pack(dense);
            byte[] fromDense = bytes(CountersSerializer.INSTANCE, dense);
            assertThat(bytes(PackedCountersSerializer.INSTANCE, packed)).isEqualTo(fromDense);
            assertThat(bytes(PackedCountersSerializer.INSTANCE, dense)).isEqualTo(fromDense);
            DataInputDeserializer in = new DataInputDeserializer(fromDense);
            assertThat(PackedCountersSerializer.INSTANCE.deserialize(in)).isEqualTo(packed);
            assertThat(in.available()).isZero();
            assertThat(CountersSerializer.INSTANCE.deserialize(new DataInputDeserializer(fromDense))).isEqualTo(dense);
        }
    }

    @Test
    void shouldRestoreCheckpointsOfDensePanesAsTheyAre() throws Exception {
        TypeSerializerSnapshot<long[]> dense = CountersSerializerTest.writeAndRead(CountersSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot<long[]> packed = CountersSerializerTest.writeAndRead(PackedCountersSerializer.INSTANCE.snapshotConfiguration());
        assertThat(PackedCountersSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(dense)
                .isCompatibleAsIs()).isTrue();
        assertThat(PackedCountersSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(packed)
                .isCompatibleAsIs()).isTrue();
        assertThat(packed.restoreSerializer()).isSameAs(PackedCountersSerializer.INSTANCE);
    }

    @Test
    void shouldWriteAPaneOfAVersionWithMoreCountersWhole() throws Exception {
        long[] longer = new long[MetricCounter.SIZE + 5];
        longer[1] = 4;
        longer[MetricCounter.SIZE + 3] = 9;
        long[] packed = PackedCounters.pack(longer);
        byte[] bytes = bytes(PackedCountersSerializer.INSTANCE, packed);
        long[] readDense = CountersSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes));
        assertThat(readDense).hasSize(MetricCounter.SIZE + 4);
        assertThat(readDense[MetricCounter.SIZE + 3]).isEqualTo(9);
        assertThat(PackedCountersSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes))).isEqualTo(packed);
        assertThat(PackedCounters.dense(packed, MetricCounter.SIZE)[1]).isEqualTo(4);
    }

    @Test
    void shouldRefuseToWritePackedCountersOutOfOrder() {
        long[] wrong = {PackedCounters.MARK, PackedCounters.entry(5, 1), PackedCounters.entry(2, 1)};
        assertThatThrownBy(() -> bytes(PackedCountersSerializer.INSTANCE, wrong))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
    }

    @Test
    void shouldReportAnUnpackableValueInACheckpointAsACorruptCheckpoint() throws Exception {
        long[] dense = new long[MetricCounter.SIZE];
        dense[0] = Long.MAX_VALUE;
        byte[] bytes = bytes(CountersSerializer.INSTANCE, dense);
        assertThatThrownBy(() -> PackedCountersSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("counter 0");
    }

    @Test
    void shouldAddEitherFormIntoASum() {
        for (int n = 0; n < 200; n++) {
            long[] pane = randomPane();
            long[] fromDense = new long[MetricCounter.SIZE];
            long[] fromPacked = new long[MetricCounter.SIZE];
            PackedCounters.addTo(fromDense, pane, -1);
            PackedCounters.addTo(fromPacked, PackedCounters.pack(pane), -1);
            assertThat(fromPacked).isEqualTo(fromDense);
            for (int i = 0; i < pane.length; i++) {
                assertThat(fromDense[i]).isEqualTo(-pane[i]);
            }
        }
    }

    @Test
    void shouldAddADeltaInPlaceOnlyWhenEveryCounterItChangesHasAnEntry() {
        for (int n = 0; n < 2_000; n++) {
            long[] pane = randomPane();
            long[] delta = random.nextBoolean() ? randomPane() : onlyWhere(pane, randomPane());
            long[] packed = PackedCounters.pack(pane);
            long[] before = packed.clone();
            long[] expected = PackedCounters.dense(packed, MetricCounter.SIZE);
            for (int i = 0; i < expected.length; i++) {
                expected[i] += delta[i];
            }
            boolean fits = true;
            for (int i = 0; i < delta.length; i++) {
                fits &= delta[i] == 0 || pane[i] != 0;
            }
            assertThat(PackedCounters.addInPlace(packed, delta)).isEqualTo(fits);
            if (fits) {
                assertThat(PackedCounters.dense(packed, MetricCounter.SIZE)).isEqualTo(expected);
            } else {
                assertThat(packed).isEqualTo(before);
            }
        }
        assertThat(PackedCounters.addInPlace(new long[MetricCounter.SIZE], new long[MetricCounter.SIZE])).isFalse();
    }

    /** The delta's counters where the pane has one, zero elsewhere. */
    private static long[] onlyWhere(long[] pane, long[] delta) {
        long[] result = new long[delta.length];
        for (int i = 0; i < delta.length; i++) {
            result[i] = pane[i] != 0 ? delta[i] : 0;
        }
        return result;
    }

    private long[] randomPane() {
        long[] pane = new long[MetricCounter.SIZE];
        int nonZero = random.nextInt(4) == 0 ? random.nextInt(MetricCounter.SIZE + 1) : random.nextInt(3);
        for (int k = 0; k < nonZero; k++) {
            pane[random.nextInt(MetricCounter.SIZE)] = random.nextInt(2001) - 1000L;
        }
        return pane;
    }

    private static byte[] bytes(org.apache.flink.api.common.typeutils.TypeSerializer<long[]> s, long[] c)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(c, out);
        return out.getCopyOfBuffer();
    }
}
