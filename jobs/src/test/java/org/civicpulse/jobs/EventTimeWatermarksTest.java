package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class EventTimeWatermarksTest {
    private static final long EVENT_T0 = 1_763_600_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final ParsedInput ACCEPTED = new ParsedInput(Fixtures.created("e", "c", Fixtures.T0), null);
    private static final ParsedInput REJECTED = new ParsedInput(null, org.civicpulse.contract.DeadLetter.fromReplay(
            "f", 1, Fixtures.T0, org.civicpulse.contract.Rejection.invalidJson("x"), new byte[] {(byte) 0x78}));
    private final AtomicLong wall = new AtomicLong(5_000_000L);
    private final Recorder out = new Recorder();
    // Two partitions read by one source subtask.
    private final SourceActivity subtask = new SourceActivity();
    private final EventTimeWatermarks partitionA =
            new EventTimeWatermarks(Duration.ofMinutes(2), Duration.ofMinutes(1), wall::get, subtask);
    private final EventTimeWatermarks partitionB =
            new EventTimeWatermarks(Duration.ofMinutes(2), Duration.ofMinutes(1), wall::get, subtask);
    private final Recorder outA = new Recorder();
    private final Recorder outB = new Recorder();
    private final EventTimeWatermarks generator =
            new EventTimeWatermarks(Duration.ofMinutes(2), Duration.ofMinutes(1), wall::get);

    @Test
    void shouldHoldTheWatermarkTheOutOfOrdernessBehindTheNewestEvent() {
        generator.onEvent(ACCEPTED, EVENT_T0, out);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(EVENT_T0 - 120_000 - 1);
    }

    @Test
    void shouldAdvanceAtWallClockPaceOnceEverySourceIsIdle() {
        generator.onEvent(ACCEPTED, EVENT_T0, out);
        wall.addAndGet(59_999);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(EVENT_T0 - 120_001);
        wall.addAndGet(1 + 30_000);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(EVENT_T0 + 30_000);
        wall.addAndGet(3_600_000);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(EVENT_T0 + 3_630_000);
    }

    @Test
    void shouldNotAdvanceByWallClockWhileEventsKeepComing() {
        for (int i = 0; i < 100; i++) {
            wall.addAndGet(10_000);
            generator.onEvent(ACCEPTED, EVENT_T0 + i, out);
            generator.onPeriodicEmit(out);
        }
        assertThat(out.last()).isEqualTo(EVENT_T0 + 99 - 120_001);
    }

    @Test
    void shouldNotLetARejectedLineMoveEventTime() {
        generator.onEvent(ACCEPTED, EVENT_T0, out);
        generator.onEvent(REJECTED, EVENT_T0 + 3_600_000, out);
        generator.onPeriodicEmit(out);
        assertThat(out.last()).isEqualTo(EVENT_T0 - 120_001);
    }

    @Test
    void shouldDeclareItselfIdleWhenItNeverSawAnEvent() {
        generator.onPeriodicEmit(out);
        assertThat(out.idle).isFalse();
        wall.addAndGet(60_000);
        generator.onPeriodicEmit(out);
        assertThat(out.idle).isTrue();
        assertThat(out.watermarks).isEmpty();
    }

    @Test
    void shouldStopHoldingEventTimeBackWhenOnlyThisPartitionIsQuiet() {
        // A's last event is 3 h older than B's, and B keeps getting events.
        partitionA.onEvent(ACCEPTED, EVENT_T0, outA);
        for (int i = 0; i < 9; i++) {
            wall.addAndGet(10_000);
            partitionB.onEvent(ACCEPTED, EVENT_T0 + 3 * HOUR + i, outB);
            partitionA.onPeriodicEmit(outA);
            partitionB.onPeriodicEmit(outB);
        }
        long bBounded = EVENT_T0 + 3 * HOUR + 8 - 120_001;
        assertThat(outB.last()).isEqualTo(bBounded);
        // A has been quiet for 90 s: it no longer holds the minimum at its own last event.
        assertThat(outA.last()).isGreaterThanOrEqualTo(bBounded);
        assertThat(Math.min(outA.last(), outB.last())).isEqualTo(bBounded);
    }

    @Test
    void shouldAdvanceFromTheNewestEventOfAnyPartitionOnceEveryPartitionIsQuiet() {
        partitionA.onEvent(ACCEPTED, EVENT_T0, outA);
        partitionB.onEvent(ACCEPTED, EVENT_T0 + 3 * HOUR, outB);
        wall.addAndGet(60_000 + 30_000);
        partitionA.onPeriodicEmit(outA);
        partitionB.onPeriodicEmit(outB);
        // From the last event seen (B's), at wall-clock pace: not from the older partition's last event.
        assertThat(Math.min(outA.last(), outB.last())).isEqualTo(EVENT_T0 + 3 * HOUR + 30_000);
    }

    @Test
    void shouldNeverEmitFromAGeneratorThatSawNoEventWhileItsSubtaskIsActive() {
        // Flink gives the reader's main output a generator that never sees an event (A here); a
        // watermark from it would bypass the minimum over partitions.
        partitionB.onEvent(ACCEPTED, EVENT_T0, outB);
        wall.addAndGet(10 * 60_000);
        partitionA.onPeriodicEmit(outA);
        assertThat(outA.watermarks).isEmpty();
        assertThat(outA.idle).isTrue();
    }

    /** Collects what the generator emits. */
    private static final class Recorder implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
