package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.metrics.CaseLifecycleFunction;
import org.civicpulse.jobs.points.BlindSpotFunction;
import org.civicpulse.jobs.points.PointFunction;
import org.junit.jupiter.api.Test;

/**
 * State stays bounded: with a steady flow of cases that finish, the keyed state and the timers
 * after 30 simulated days are no more than 1.1× their numbers after 7 days, for every keyed function.
 */
class StateBoundTest {
    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final int CASES_PER_DAY = 150;
    private static final Duration LATENESS = Duration.ofHours(6);

    @Test
    void shouldKeepTheIdGuardsStateBounded() throws Exception {
        assertBounded(new EventIdGuard(LATENESS), IdClaim::of, IdClaim::id);
    }

    @Test
    void shouldKeepCaseGateStateBounded() throws Exception {
        assertBounded(new CaseGateFunction(LATENESS, Duration.ofDays(2), Duration.ofDays(60)), a -> a.event().key());
    }

    @Test
    void shouldKeepCaseLifecycleStateBounded() throws Exception {
        assertBounded(new CaseLifecycleFunction(Duration.ofDays(2), Duration.ofDays(60)), a -> a.event().key());
    }

    @Test
    void shouldKeepBlindSpotStateBounded() throws Exception {
        assertBounded(new BlindSpotFunction(LATENESS), a -> BlindSpotFunction.keyOf(a.event()));
    }

    @Test
    void shouldKeepPointStateBounded() throws Exception {
        assertBounded(new PointFunction(10, 3), a -> PointFunction.keyOf(a.event()));
    }

    private static <O> void assertBounded(KeyedProcessFunction<String, AcceptedEvent, O> function,
                                          KeySelector<AcceptedEvent, String> key) throws Exception {
        assertBounded(function, a -> a, key);
    }

    /** {@code input}: what the function receives for each event. */
    private static <I, O> void assertBounded(KeyedProcessFunction<String, I, O> function, Function<AcceptedEvent, I> input,
                                             KeySelector<I, String> key) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, I, O> h =
                     new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                             key, Types.STRING)) {
            h.open();
            int after7 = 0;
            int timersAfter7 = 0;
            List<AcceptedEvent> events = stream(30);
            long nextWatermark = T0.toEpochMilli() + HOUR;
            for (AcceptedEvent e : events) {
                while (e.eventTime() > nextWatermark) {
                    h.processWatermark(nextWatermark);
                    if (nextWatermark == T0.toEpochMilli() + 7 * DAY) {
                        after7 = h.numKeyedStateEntries();
                        timersAfter7 = h.numEventTimeTimers();
                    }
                    nextWatermark += HOUR;
                    h.extractOutputValues().clear();
                    h.getOutput().clear();
                }
                I in = input.apply(e);
                if (key.getKey(in) != null) { // the job graph sends only events with a key here
                    h.processElement(in, e.eventTime());
                }
            }
            int after30 = h.numKeyedStateEntries();
            assertThat(after7).isPositive();
            assertThat(after30).as("state entries after 30 days vs %d after 7", after7)
                    .isLessThanOrEqualTo((int) (after7 * 1.1));
            // Timers are checkpointed with the keyed state: they must not pile up either.
            assertThat(h.numEventTimeTimers()).as("timers after 30 days vs %d after 7", timersAfter7)
                    .isLessThanOrEqualTo((int) (timersAfter7 * 1.1));
        }
    }

    /**
     * Cases that each finish within two days (created, responded, resolved, rated, closed), and a
     * few orphan events.
     */
    private static List<AcceptedEvent> stream(int days) {
        List<AcceptedEvent> out = new ArrayList<>();
        long offset = 0;
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < CASES_PER_DAY; i++) {
                String c = "s-" + d + "-" + i;
                long t = T0.toEpochMilli() + d * DAY + i * (DAY / CASES_PER_DAY);
                String address = "点位" + (i % 40) + "号";
                out.add(accepted(new CivicEvent(c + "-c", i % 2 == 0 ? Source.HOTLINE : Source.GRID,
                        EventType.CREATED, c, Instant.ofEpochMilli(t), "110101", "东华门街道", "NOISE", null, null, null,
                        address, false, null, null, null, null), offset++));
                out.add(step(c, EventType.RESPONDED, t + HOUR, offset++));
                out.add(step(c, EventType.RESOLVED, t + DAY, offset++));
                out.add(accepted(new CivicEvent(c + "-r", Source.HOTLINE, EventType.RATED, c,
                        Instant.ofEpochMilli(t + DAY + HOUR), null, null, null, null, null, null, null, false, null,
                        true, Satisfaction.SATISFIED, null), offset++));
                out.add(step(c, EventType.CLOSED, t + DAY + 2 * HOUR, offset++));
                if (i % 50 == 0) {
                    // An orphan: a later step of a case whose opening never arrives (dead-lettered).
                    out.add(step("orphan-" + d + "-" + i, EventType.RESPONDED, t + HOUR, offset++));
                }
            }
        }
        out.sort(Comparator.comparingLong(AcceptedEvent::eventTime));
        return out;
    }

    private static AcceptedEvent step(String c, EventType type, long t, long offset) {
        return accepted(new CivicEvent(c + "-" + type, Source.HOTLINE, type, c, Instant.ofEpochMilli(t), null, null,
                null, null, null, null, null, false, null, null, null, null), offset);
    }

    private static AcceptedEvent accepted(CivicEvent e, long offset) {
        return new AcceptedEvent(e, null, "t", 0, offset, 0, "{}");
    }
}
