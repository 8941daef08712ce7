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

    /** A watch with eight days of history and an episode open; {@link MidEpisode#at} is its watermark. */
    record MidEpisode(HotspotWatch watch, long at, HotspotWatchTest.Collected said) {
    }

    static MidEpisode midEpisode() {
        HotspotConfig config = HotspotConfig.from(Settings.defaults()).with(HotspotConfig.Method.NB_SCAN, 6);
        HotspotWatch w = new HotspotWatch(config, "110101", "NOISE", 17);
        long t = T0;
        HotspotWatchTest.Collected said = new HotspotWatchTest.Collected();
        for (; t < T0 + 8 * 1440 * MIN + 10 * 60 * MIN; t += 5 * MIN) {
            if ((t - T0) % (30 * MIN) == 0) {
                w.count("东华门街道", "110101001", t, "王府井大街 1号", 39.9, 116.4);
            }
            if ((t - T0) % (240 * MIN) == 0) {
                w.count("景山街道", "110101002", t, "景山前街 4号", null, null);
            }
            w.advanceTo(t, said);
        }
        for (int i = 0; i < 12; i++) {
            w.count("东华门街道", "110101001", t + i * MIN, "王府井大街 1号", 39.9, 116.4);
        }
        w.advanceTo(t + 15 * MIN, said);
        return new MidEpisode(w, t, said);
    }

    @Test
    void shouldGoOnAlikeAfterASerialisationRoundTripMidEpisode() throws Exception {
        MidEpisode m = midEpisode();
        HotspotWatch original = m.watch();
        long t = m.at();
        assertThat(m.said().alerts).as("an episode is open at the checkpoint").isNotEmpty();

        HotspotWatch restored = roundTrip(original);
        HotspotWatchTest.Collected a = new HotspotWatchTest.Collected();
        HotspotWatchTest.Collected b = new HotspotWatchTest.Collected();
        original.advanceTo(t + Duration.ofHours(4).toMillis(), a);
        restored.advanceTo(t + Duration.ofHours(4).toMillis(), b);
        assertThat(b.alerts).isNotEmpty().isEqualTo(a.alerts);
    }

    static HotspotWatch roundTrip(HotspotWatch w) throws Exception {
        return read(HotspotWatchSerializer.INSTANCE, bytes(HotspotWatchSerializer.INSTANCE, w));
    }

    static byte[] bytes(TypeSerializer<HotspotWatch> serializer, HotspotWatch w) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(w, out);
        return out.getCopyOfBuffer();
    }

    static HotspotWatch read(TypeSerializer<HotspotWatch> serializer, byte[] bytes) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        HotspotWatch w = serializer.deserialize(in);
        assertThat(in.available()).as("every byte read").isZero();
        return w;
    }
}
