package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;

/** The operator's state survives a checkpoint and restore: the restored watch goes on exactly alike. */
class HotspotStateTest {
    private static final long MIN = 60_000;
    /** Monday 2026-11-09 00:00 in Beijing. */
    private static final long T0 = Instant.parse("2026-11-08T16:00:00Z").toEpochMilli();

    @Test
    void shouldGoOnAlikeAfterASerialisationRoundTripMidEpisode() throws Exception {
        HotspotConfig config = HotspotConfig.from(Settings.defaults()).with(HotspotConfig.Method.NB_SCAN, 6);
        HotspotWatch original = new HotspotWatch(config, "110101", "NOISE", 17);
        long t = T0;
        HotspotWatchTest.Collected before = new HotspotWatchTest.Collected();
        for (; t < T0 + 8 * 1440 * MIN + 10 * 60 * MIN; t += 5 * MIN) {
            if ((t - T0) % (30 * MIN) == 0) {
                original.count("东华门街道", "110101001", t, "王府井大街 1号", 39.9, 116.4);
            }
            original.advanceTo(t, before);
        }
        for (int i = 0; i < 12; i++) {
            original.count("东华门街道", "110101001", t + i * MIN, "王府井大街 1号", 39.9, 116.4);
        }
        original.advanceTo(t + 15 * MIN, before);
        assertThat(before.alerts).as("an episode is open at the checkpoint").isNotEmpty();

        HotspotWatch restored = roundTrip(original);
        HotspotWatchTest.Collected a = new HotspotWatchTest.Collected();
        HotspotWatchTest.Collected b = new HotspotWatchTest.Collected();
        original.advanceTo(t + Duration.ofHours(4).toMillis(), a);
        restored.advanceTo(t + Duration.ofHours(4).toMillis(), b);
        assertThat(b.alerts).isNotEmpty().isEqualTo(a.alerts);
    }

    private static HotspotWatch roundTrip(HotspotWatch w) throws Exception {
        TypeSerializer<HotspotWatch> serializer = HotspotWatchSerializer.INSTANCE;
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(w, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
