package org.civicpulse.jobs.metrics;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.civicpulse.contract.MetricCounter;

/**
 * Pane counters ({@code long[]}) in a checkpoint, sparse: the length, a bitmap of the non-zero
 * counters, then each of those as a zig-zag varint. A minute pane of a street or unit has one or
 * two non-zero counters of 23, so it takes about 6 bytes instead of Flink's 188; the scope
 * aggregators keep a week of minute panes per scope, most of every checkpoint. One wire format,
 * read into dense counters ({@link CountersSerializer}) or {@link PackedCounters packed} ones
 * ({@link PackedCountersSerializer}); either form is written the same.
 *
 * <p>State checkpointed with Flink's {@link LongPrimitiveArraySerializer} is migrated on restore.
 */
abstract class SparseCountersSerializer extends TypeSerializerSingleton<long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] copy(long[] from) {
        return from.clone();
    }

    @Override
    public long[] copy(long[] from, long[] reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(long[] counters, DataOutputView out) throws IOException {
        write(counters, out);
    }

    @Override
    public long[] deserialize(long[] reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    /** Either form of counters ({@link PackedCounters} or dense) in the one wire format. */
    static void write(long[] counters, DataOutputView out) throws IOException {
        if (PackedCounters.isPacked(counters)) {
            writePacked(counters, out);
            return;
        }
        writeVarLong(counters.length, out);
        for (int from = 0; from < counters.length; from += 8) {
            int bits = 0;
            for (int i = from; i < Math.min(from + 8, counters.length); i++) {
                if (counters[i] != 0) {
                    bits |= 1 << (i - from);
                }
            }
            out.writeByte(bits);
        }
        for (long c : counters) {
            if (c != 0) {
                writeZigZag(c, out);
            }
        }
    }

    /**
     * A packed pane as the dense one would be written: {@code MetricCounter.SIZE} counters, or more
     * if a pane of a version with more counters holds a later one.
     */
    private static void writePacked(long[] packed, DataOutputView out) throws IOException {
        int length = MetricCounter.SIZE;
        int previous = -1;
        for (int k = 1; k < packed.length; k++) {
            int i = PackedCounters.index(packed[k]);
            // The values follow in the bitmap's order, so the counters must be in index order.
            if (i <= previous) {
                throw new IllegalStateException("packed counters out of order: " + i + " after " + previous);
            }
            previous = i;
            length = Math.max(length, i + 1);
        }
        writeVarLong(length, out);
        byte[] bitmap = new byte[(length + 7) / 8];
        for (int k = 1; k < packed.length; k++) {
            int i = PackedCounters.index(packed[k]);
            bitmap[i / 8] |= (byte) (1 << (i % 8));
        }
        out.write(bitmap);
        for (int k = 1; k < packed.length; k++) {
            writeZigZag(PackedCounters.value(packed[k]), out);
        }
    }

    /** The wire format read into dense counters. */
    static long[] readDense(DataInputView in) throws IOException {
        long[] counters = new long[(int) readVarLong(in)];
        byte[] bitmap = new byte[(counters.length + 7) / 8];
        in.readFully(bitmap);
        for (int i = 0; i < counters.length; i++) {
            if ((bitmap[i / 8] & (1 << (i % 8))) != 0) {
                counters[i] = readZigZag(in);
            }
        }
        return counters;
    }

    /** The wire format read straight into the packed form, with no dense array between. */
    static long[] readPacked(DataInputView in) throws IOException {
        int length = (int) readVarLong(in);
        if (length > PackedCounters.MAX_LENGTH) {
            throw new IOException(length + " pane counters cannot be packed; at most " + PackedCounters.MAX_LENGTH);
        }
        byte[] bitmap = new byte[(length + 7) / 8];
        in.readFully(bitmap);
        int nonZero = 0;
        for (byte b : bitmap) {
            nonZero += Integer.bitCount(b & 0xFF);
        }
        long[] packed = new long[1 + nonZero];
        packed[0] = PackedCounters.MARK;
        int at = 1;
        for (int i = 0; i < length; i++) {
            if ((bitmap[i / 8] & (1 << (i % 8))) != 0) {
                long value = readZigZag(in);
                try {
                    packed[at++] = PackedCounters.entry(i, value);
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
        return packed;
    }

    private static void writeVarLong(long v, DataOutputView out) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static void writeZigZag(long c, DataOutputView out) throws IOException {
        writeVarLong((c << 1) ^ (c >> 63), out);
    }

    private static long readZigZag(DataInputView in) throws IOException {
        long z = readVarLong(in);
        return (z >>> 1) ^ -(z & 1);
    }

    private static long readVarLong(DataInputView in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed varint in pane counters");
    }

    /**
     * No configuration. Every snapshot of this wire format reads as is, whichever form it was read
     * into; panes written by Flink's plain {@code long[]} serializer migrate.
     */
    abstract static class SparseSnapshot implements TypeSerializerSnapshot<long[]> {
        private static final int VERSION = 1;

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion != VERSION) {
                throw new IOException("unknown pane counters snapshot version " + readVersion);
            }
        }

        @Override
        public TypeSerializerSchemaCompatibility<long[]> resolveSchemaCompatibility(TypeSerializerSnapshot<long[]> old) {
            if (old instanceof SparseSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return old instanceof LongPrimitiveArraySerializer.LongPrimitiveArraySerializerSnapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
