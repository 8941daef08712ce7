package org.civicpulse.jobs.hotspot;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** What the serializers of {@link HotspotWatch} share: a mutable type, never reused, of no fixed length. */
abstract class WatchSerializerBase extends TypeSerializerSingleton<HotspotWatch> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public HotspotWatch createInstance() {
        return null;
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
    public HotspotWatch deserialize(HotspotWatch reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
