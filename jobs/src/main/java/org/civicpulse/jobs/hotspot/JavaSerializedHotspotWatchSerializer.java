package org.civicpulse.jobs.hotspot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The hotspot state's first format: a {@link HotspotWatch} through Java serialisation. Checkpoints
 * taken before {@link HotspotWatchSerializer} name this format (its snapshot at version
 * {@link HotspotWatchSerializer.Snapshot#JAVA_SERIALIZED}); Flink restores them with this
 * serializer and writes the state anew with the field-wise one. Nothing else uses it: it is slow
 * (every copy is a write and a read of the whole object graph).
 */
public final class JavaSerializedHotspotWatchSerializer extends WatchSerializerBase {
    private static final long serialVersionUID = 1L;
    public static final JavaSerializedHotspotWatchSerializer INSTANCE = new JavaSerializedHotspotWatchSerializer();

    @Override
    public HotspotWatch copy(HotspotWatch from) {
        return from == null ? null : fromBytes(toBytes(from));
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

    /** The snapshot such checkpoints carry: byte for byte what the first format wrote. */
    @Override
    public TypeSerializerSnapshot<HotspotWatch> snapshotConfiguration() {
        return HotspotWatchSerializer.Snapshot.javaSerialized();
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
}
