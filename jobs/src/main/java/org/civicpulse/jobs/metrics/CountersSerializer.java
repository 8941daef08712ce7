package org.civicpulse.jobs.metrics;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A pane's counters ({@code long[]}) in a checkpoint, sparse: the length, a bitmap of the non-zero
 * counters, then each of those as a zig-zag varint. A minute pane of a street or unit has one or
 * two non-zero counters of 23, so it takes about 6 bytes instead of Flink's 188; the scope
 * aggregators keep a week of minute panes per scope, most of every checkpoint.
 *
 * <p>State checkpointed with Flink's {@link LongPrimitiveArraySerializer} is migrated on restore.
 */
public final class CountersSerializer extends TypeSerializerSingleton<long[]> {
    private static final long serialVersionUID = 1L;
    public static final CountersSerializer INSTANCE = new CountersSerializer();
    private static final long[] EMPTY = new long[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
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
                writeVarLong((c << 1) ^ (c >> 63), out);
            }
        }
    }

    @Override
    public long[] deserialize(DataInputView in) throws IOException {
        long[] counters = new long[(int) readVarLong(in)];
        byte[] bitmap = new byte[(counters.length + 7) / 8];
        in.readFully(bitmap);
        for (int i = 0; i < counters.length; i++) {
            if ((bitmap[i / 8] & (1 << (i % 8))) != 0) {
                long z = readVarLong(in);
                counters[i] = (z >>> 1) ^ -(z & 1);
            }
        }
        return counters;
    }

    @Override
    public long[] deserialize(long[] reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    private static void writeVarLong(long v, DataOutputView out) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
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

    @Override
    public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
        return new Snapshot();
    }

    /** No configuration; panes written by Flink's plain {@code long[]} serializer migrate. */
    public static final class Snapshot implements TypeSerializerSnapshot<long[]> {
        private static final int VERSION = 1;

        public Snapshot() {
        }

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
        public TypeSerializer<long[]> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<long[]> resolveSchemaCompatibility(TypeSerializerSnapshot<long[]> old) {
            if (old instanceof Snapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return old instanceof LongPrimitiveArraySerializer.LongPrimitiveArraySerializerSnapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
