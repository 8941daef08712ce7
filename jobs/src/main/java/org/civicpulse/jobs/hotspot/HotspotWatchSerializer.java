package org.civicpulse.jobs.hotspot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Checkpoints a {@link HotspotWatch} with Java serialisation (its classes are plain Serializable
 * objects), so the operator's state never goes through Kryo. The state is read and changed in
 * place on the heap; this runs only at checkpoints and restores.
 */
public final class HotspotWatchSerializer extends TypeSerializerSingleton<HotspotWatch> {
    private static final long serialVersionUID = 1L;
    public static final HotspotWatchSerializer INSTANCE = new HotspotWatchSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public HotspotWatch createInstance() {
        return null;
    }

    @Override
    public HotspotWatch copy(HotspotWatch from) {
        return from == null ? null : fromBytes(toBytes(from));
    }

    @Override
    public HotspotWatch copy(HotspotWatch from, HotspotWatch reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(HotspotWatch record, DataOutputView target) throws IOException {
        byte[] bytes = toBytes(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public HotspotWatch deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return fromBytes(bytes);
    }

    @Override
    public HotspotWatch deserialize(HotspotWatch reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<HotspotWatch> snapshotConfiguration() {
        return new Snapshot();
    }

    private static byte[] toBytes(HotspotWatch w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(w);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise hotspot state", e);
        }
        return bytes.toByteArray();
    }

    private static HotspotWatch fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (HotspotWatch) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot read hotspot state", e);
        }
    }

    /** The serializer's snapshot: it has no configuration. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HotspotWatch> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
