package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicpulse.jobs.hotspot.HotspotStateTest.bytes;
import static org.civicpulse.jobs.hotspot.HotspotStateTest.read;
import static org.civicpulse.jobs.hotspot.HotspotStateTest.roundTrip;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The field-wise serializer of the hotspot state: exact round trips, deep copies, and old checkpoints. */
class HotspotWatchSerializerTest {
    private final TypeSerializer<HotspotWatch> serializer = HotspotWatchSerializer.INSTANCE;
    private HotspotStateTest.MidEpisode mid;
    private HotspotWatch watch;

    @BeforeEach
    void midEpisodeWithAnAcknowledgedAlert() {
        mid = HotspotStateTest.midEpisode();
        watch = mid.watch();
        Alert open = mid.said().alerts.get(mid.said().alerts.size() - 1);
        assertThat(open.status()).isEqualTo(Alert.Status.OPEN);
        assertThat(watch.apply(new AlertCommand("c1", open.id(), AlertCommand.Action.ACK, "operator", "on it",
                "城管", Instant.EPOCH), new HotspotWatchTest.Collected())).isTrue();
    }

    @Test
    void shouldRestoreEveryFieldOfAWatchMidEpisode() throws Exception {
        HotspotWatch restored = roundTrip(watch);
        assertThat(restored).usingRecursiveComparison().isEqualTo(watch);
        assertThat(bytes(serializer, restored)).isEqualTo(bytes(serializer, watch));
    }

    @Test
    void shouldCopyDeeplySoTheOriginalChangesAlone() throws Exception {
        HotspotWatch copy = serializer.copy(watch);
        assertThat(copy).usingRecursiveComparison().isEqualTo(watch);
        byte[] atCopy = bytes(serializer, copy);

        // Move the original on: new counts, closed buckets, a command — the copy must not see any of it.
        HotspotWatchTest.Collected later = new HotspotWatchTest.Collected();
        watch.count("东华门街道", "110101001", mid.at() + Duration.ofMinutes(20).toMillis(), "王府井大街 9号", 39.9, 116.4);
        watch.count("新街道", "110101099", mid.at() + Duration.ofMinutes(21).toMillis(), null, null, null);
        watch.advanceTo(mid.at() + Duration.ofHours(3).toMillis(), later);
        String id = mid.said().alerts.get(0).id();
        watch.apply(new AlertCommand("c2", id, AlertCommand.Action.COMMENT, "operator", "more", null, Instant.EPOCH),
                later);
        assertThat(later.alerts).as("the original did change").isNotEmpty();
        assertThat(bytes(serializer, watch)).isNotEqualTo(atCopy);
        assertThat(bytes(serializer, copy)).isEqualTo(atCopy);

        // And the copy goes on exactly as a restored checkpoint of it would.
        HotspotWatch restored = read(serializer, atCopy);
        HotspotWatchTest.Collected a = new HotspotWatchTest.Collected();
        HotspotWatchTest.Collected b = new HotspotWatchTest.Collected();
        copy.advanceTo(mid.at() + Duration.ofHours(4).toMillis(), a);
        restored.advanceTo(mid.at() + Duration.ofHours(4).toMillis(), b);
        assertThat(a.alerts).isNotEmpty().isEqualTo(b.alerts);
    }

    @Test
    void shouldRestoreItsOwnSnapshotAsIs() throws Exception {
        TypeSerializerSnapshot<HotspotWatch> restored = writeAndRead(serializer.snapshotConfiguration());
        TypeSerializerSchemaCompatibility<HotspotWatch> c =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
        assertThat(c.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(HotspotWatchSerializer.INSTANCE);
    }

    @Test
    void shouldMigrateStateCheckpointedWithJavaSerialisation() throws Exception {
        // What a checkpoint from before the field-wise format holds: the snapshot of a
        // SimpleTypeSerializerSnapshot named HotspotWatchSerializer$Snapshot (version 3, no payload) …
        DataOutputSerializer expected = new DataOutputSerializer(64);
        expected.writeUTF("org.civicpulse.jobs.hotspot.HotspotWatchSerializer$Snapshot");
        expected.writeInt(3);
        DataOutputSerializer written = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(written,
                JavaSerializedHotspotWatchSerializer.INSTANCE.snapshotConfiguration());
        assertThat(written.getCopyOfBuffer()).isEqualTo(expected.getCopyOfBuffer());
        // … and the watch through Java serialisation.
        byte[] old = bytes(JavaSerializedHotspotWatchSerializer.INSTANCE, watch);

        TypeSerializerSnapshot<HotspotWatch> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(expected.getCopyOfBuffer()), getClass().getClassLoader());
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAfterMigration())
                .isTrue();
        HotspotWatch migrated = read(restored.restoreSerializer(), old);
        assertThat(migrated).usingRecursiveComparison().isEqualTo(watch);
        assertThat(roundTrip(migrated)).usingRecursiveComparison().isEqualTo(watch);
    }

    @Test
    void shouldWriteLessThanJavaSerialisation() throws Exception {
        assertThat(bytes(serializer, watch).length)
                .isLessThan(bytes(JavaSerializedHotspotWatchSerializer.INSTANCE, watch).length);
    }

    private static TypeSerializerSnapshot<HotspotWatch> writeAndRead(TypeSerializerSnapshot<HotspotWatch> s)
            throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, s);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                HotspotWatchSerializerTest.class.getClassLoader());
    }
}
