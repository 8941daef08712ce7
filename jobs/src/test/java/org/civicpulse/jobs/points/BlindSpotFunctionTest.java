package org.civicpulse.jobs.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.metrics.MetricDelta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlindSpotFunctionTest {
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final long DAY = 86_400_000L;
    private KeyedOneInputStreamOperatorTestHarness<String, AcceptedEvent, MetricDelta> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new BlindSpotFunction(Duration.ofHours(6))), a -> BlindSpotFunction.keyOf(a.event()), Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldCountAHotlineCaseWithNoProactiveProblemInTheWeekBeforeAsABlindSpot() throws Exception {
        send(problem("h1", Source.HOTLINE, 0));
        assertThat(blindSpots()).isEqualTo(1);
    }

    @Test
    void shouldNotCountACaseWhereGridWorkersFoundTheProblemInTheWeekBefore() throws Exception {
        send(problem("g1", Source.GRID, 0));
        send(problem("h1", Source.HOTLINE, 6 * DAY));
        assertThat(blindSpots()).isZero();
        send(problem("h2", Source.HOTLINE, 7 * DAY + 1)); // more than 7 days after the grid find
        assertThat(blindSpots()).isEqualTo(1);
    }

    @Test
    void shouldCorrectTheCountWhenAnEarlierProactiveProblemArrivesLate() throws Exception {
        send(problem("h1", Source.HOTLINE, DAY));
        assertThat(blindSpots()).isEqualTo(1);
        send(problem("g1", Source.GRID, DAY / 2));
        assertThat(blindSpots()).isZero();
    }

    @Test
    void shouldForgetEntriesOnceNothingOnTimeCanChangeThem() throws Exception {
        send(problem("g1", Source.GRID, 0));
        send(problem("h1", Source.HOTLINE, DAY));
        harness.processWatermark(T0.toEpochMilli() + 8 * DAY + Duration.ofHours(6).toMillis() + 1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private long blindSpots() {
        return harness.extractOutputValues().stream()
                .mapToLong(d -> d.delta()[MetricCounter.BLIND_SPOTS.ordinal()]).sum();
    }

    private void send(CivicEvent e) throws Exception {
        harness.processElement(new AcceptedEvent(e, null, "t", 0, 0, 0, "{}"), e.occurredAt().toEpochMilli());
    }

    private static CivicEvent problem(String id, Source source, long at) {
        return new CivicEvent(id, source, EventType.CREATED, "c-" + id, T0.plusMillis(at), "110101", "东华门街道",
                "STREET_VENDING", null, null, null, "王府井大街1号", false, null, null, null, null);
    }
}
