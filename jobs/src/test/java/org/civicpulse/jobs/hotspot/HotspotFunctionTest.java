package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.AcceptedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hotspot operator in a test harness: event-time buckets, commands, notifications, timers. */
class HotspotFunctionTest {
    /** Monday 2026-11-16 00:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-15T16:00:00Z");
    private static final long MIN = 60_000;
    private static final long HOUR = 60 * MIN;
    /** Tuesday 10:00: the burst starts. */
    private static final long BURST = T0.toEpochMilli() + 24 * HOUR + 10 * HOUR;
    private KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate> harness;
    private int sequence;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness();
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate> newHarness()
            throws Exception {
        Settings s = Settings.defaults().with(Setting.HOTSPOT_WARMUP, "P1D");
        var h = new KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate>(
                new KeyedCoProcessOperator<>(new HotspotFunction(HotspotConfig.from(s))),
                a -> HotspotFunction.keyOf(a.event()), c -> AlertIds.unitKey(c.alertId()), Types.STRING);
        h.open();
        return h;
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldCountOnlyNewProblemsWithAStreet() {
        assertThat(HotspotFunction.keyOf(event(EventType.CREATED, 0, "东华门街道"))).isEqualTo("110101|NOISE");
        assertThat(HotspotFunction.keyOf(event(EventType.DISPATCHED, 0, "东华门街道"))).isNull();
        assertThat(HotspotFunction.keyOf(event(EventType.CREATED, 0, null))).isNull();
    }

    @Test
    void shouldOpenAnAlertInEventTimeApplyAnAckOnceAndCloseAfterCalm() throws Exception {
        // A day of one problem an hour, then 15 in the quarter hour from Tuesday 10:00.
        for (long t = T0.toEpochMilli() + 10 * MIN; t < BURST; t += HOUR) {
            send(t);
            harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(t));
        }
        for (int i = 0; i < 15; i++) {
            send(BURST + i * MIN);
        }
        assertThat(alerts()).as("nothing before the bucket's end in event time").isEmpty();
        watermark(BURST + 20 * MIN);

        Alert opened = alerts().get(0);
        assertThat(opened.kind()).isEqualTo(Alert.Kind.NEW);
        assertThat(opened.street()).isEqualTo("东华门街道");
        assertThat(opened.id()).startsWith("HS-110101-NOISE-110101001-202611171");
        assertThat(opened.points()).extracting(Alert.AlertPoint::label).containsExactly("东华门大街 1号");
        assertThat(harness.getSideOutput(HotspotFunction.NOTIFICATIONS)).extracting(r -> r.getValue())
                .anyMatch(body -> body.startsWith("{\"reason\":\"NEW\",\"alert\":{\"id\":\"" + opened.id()));

        AlertCommand ack = new AlertCommand("cmd-1", opened.id(), AlertCommand.Action.ACK, "张三", "已派人", null,
                Instant.now());
        harness.processElement2(ack, Long.MIN_VALUE);
        harness.processElement2(ack, Long.MIN_VALUE);
        assertThat(alerts()).filteredOn(a -> a.status() == Alert.Status.ACKED).singleElement()
                .satisfies(a -> assertThat(a.ackedBy()).isEqualTo("张三"));

        watermark(BURST + 4 * HOUR);
        Alert last = alerts().get(alerts().size() - 1);
        assertThat(last.status()).isEqualTo(Alert.Status.CLOSED);
        assertThat(last.ackedBy()).as("the ack survives the close").isEqualTo("张三");
        assertThat(harness.numEventTimeTimers()).as("buckets keep being judged").isEqualTo(1);
    }

    @Test
    void shouldApplyACommandReplayedBeforeItsAlertReopens() throws Exception {
        String id = burst(harness).get(0).id();
        // A restore replays both inputs from the checkpoint: here the ack comes first, before the
        // events and the bucket end that open its alert again.
        var replay = newHarness();
        try {
            AlertCommand ack = new AlertCommand("cmd-1", id, AlertCommand.Action.ACK, "张三", "已派人", null,
                    Instant.now());
            replay.processElement2(ack, Long.MIN_VALUE);
            List<Alert> replayed = burst(replay);

            assertThat(replayed).extracting(Alert::id).containsOnly(id);
            assertThat(replayed.get(replayed.size() - 1).ackedBy()).as("the waiting ack applied").isEqualTo("张三");
            replay.processElement2(ack, Long.MIN_VALUE);
            assertThat(alerts(replay)).as("and only once").hasSize(replayed.size());
        } finally {
            replay.close();
        }
    }

    /** A quiet day, then 15 problems in a quarter hour from Tuesday 10:00, judged at 10:20. */
    private List<Alert> burst(KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate> h)
            throws Exception {
        for (long t = T0.toEpochMilli() + 10 * MIN; t < BURST; t += HOUR) {
            send(h, t);
            h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(t));
        }
        for (int i = 0; i < 15; i++) {
            send(h, BURST + i * MIN);
        }
        h.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(BURST + 20 * MIN));
        return alerts(h);
    }

    private void watermark(long t) throws Exception {
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(t));
    }

    private List<Alert> alerts() {
        return alerts(harness);
    }

    private static List<Alert> alerts(KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate> h) {
        EventCodec codec = new EventCodec();
        return h.extractOutputValues().stream().map(u -> u.alert(codec)).toList();
    }

    private void send(long at) throws Exception {
        send(harness, at);
    }

    private void send(KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, AlertCommand, AlertUpdate> h, long at)
            throws Exception {
        CivicEvent e = event(EventType.CREATED, at - T0.toEpochMilli(), "东华门街道");
        h.processElement1(new AcceptedEvent(e, null, "t", 0, sequence, 0, "{}"), at);
    }

    private CivicEvent event(EventType type, long at, String street) {
        sequence++;
        return new CivicEvent("e" + sequence, Source.HOTLINE, type, "c" + sequence, T0.plusMillis(at), "110101", street,
                "NOISE", null, 39.9161, 116.4051, "东华门大街 1号", false, null, null, null, null);
    }
}
