package org.civicpulse.jobs.hotspot;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Checkpoints and copies a {@link HotspotWatch} field by field ({@link HotspotStateCodec}), so the
 * operator's state never goes through Kryo or Java serialisation. It matters for speed: the heap
 * backend copies every entry touched while a snapshot is running, and a watch holds every
 * street's history of its district × category.
 */
public final class HotspotWatchSerializer extends WatchSerializerBase {
    private static final long serialVersionUID = 1L;
    public static final HotspotWatchSerializer INSTANCE = new HotspotWatchSerializer();

    @Override
    public HotspotWatch copy(HotspotWatch from) {
        return from == null ? null : HotspotStateCodec.copy(from);
    }

    @Override
    public void serialize(HotspotWatch record, DataOutputView target) throws IOException {
        HotspotStateCodec.write(record, target);
    }

    @Override
    public HotspotWatch deserialize(DataInputView source) throws IOException {
        return HotspotStateCodec.read(source);
    }

    @Override
    public TypeSerializerSnapshot<HotspotWatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * What a checkpoint records about the state's format. Version {@link #JAVA_SERIALIZED} is what
     * the first serializer wrote (a {@code SimpleTypeSerializerSnapshot} of this class name, no
     * payload): such state is read with {@link JavaSerializedHotspotWatchSerializer} and migrated.
     * From {@link #FIELD_WISE} on, the payload is the codec's format number.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<HotspotWatch> {
        static final int JAVA_SERIALIZED = 3;
        static final int FIELD_WISE = 4;
        private int version = FIELD_WISE;
        private int format = HotspotStateCodec.FORMAT;

        /** For Flink, which reads the version and payload next. */
        public Snapshot() {
        }

        static Snapshot javaSerialized() {
            Snapshot s = new Snapshot();
            s.version = JAVA_SERIALIZED;
            s.format = 0;
            return s;
        }

        @Override
        public int getCurrentVersion() {
            return version;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            if (version >= FIELD_WISE) {
                out.writeInt(format);
            }
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            if (readVersion == JAVA_SERIALIZED) {
                version = JAVA_SERIALIZED;
                format = 0;
            } else if (readVersion == FIELD_WISE) {
                version = FIELD_WISE;
                format = in.readInt();
                if (format != HotspotStateCodec.FORMAT) {
                    throw new IOException("hotspot state format " + format + " is newer than this job's "
                            + HotspotStateCodec.FORMAT);
                }
            } else {
                throw new IOException("unknown hotspot state snapshot version " + readVersion);
            }
        }

        @Override
        public TypeSerializer<HotspotWatch> restoreSerializer() {
            return version == JAVA_SERIALIZED ? JavaSerializedHotspotWatchSerializer.INSTANCE : INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<HotspotWatch> resolveSchemaCompatibility(
                TypeSerializerSnapshot<HotspotWatch> old) {
            if (!(old instanceof Snapshot s)) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            return s.version == JAVA_SERIALIZED ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                    : s.format == format ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
