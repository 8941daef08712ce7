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
    private static final ParsedInput ACCEPTED = new ParsedInput(Fixtures.created("e", "c", Fixtures.T0), null);
    private static final ParsedInput REJECTED = new ParsedInput(null, org.civicpulse.contract.DeadLetter.fromReplay(
            "f", 1, Fixtures.T0, org.civicpulse.contract.Rejection.invalidJson("x"), "x"));
    private final AtomicLong wall = new AtomicLong(5_000_000L);
    private final Recorder out = new Recorder();
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
