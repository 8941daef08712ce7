package org.civicpulse.jobs.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.AcceptedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointFunctionTest {
    /** 10:00 in Beijing on 2026-11-20. */
    private static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    private static final long DAY = 86_400_000L;
    private static final long NOV_20 = LocalDate.of(2026, 11, 20).toEpochDay();
    private KeyedOneInputStreamOperatorTestHarness<String, AcceptedEvent, PointRecord> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PointFunction(3, 2)),
                a -> PointFunction.keyOf(a.event()), Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldKeyByAddressElseByAHundredMetreCell() {
        assertThat(Point.of(event("a", 0, "王府井大街1号", null))).isEqualTo("王府井大街1号");
        assertThat(Point.of(event("b", 0, null, 39.91567))).isEqualTo("cell:39.915,116.411");
    }

    @Test
    void shouldListAPointOnTheDayItReachesTheThresholdAndDelistItWhenItFallsBelow() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        send(event("p1", 0, "王府井大街1号", null));
        send(event("p2", 1000, "王府井大街1号", null));
        assertThat(watchlist()).isEmpty();
        send(event("p3", 2000, "王府井大街1号", null));
        assertThat(watchlist()).singleElement().satisfies(r -> {
            assertThat(r.day()).isEqualTo(NOV_20);
            assertThat(r.leftOn()).isNull();
            assertThat(r.problems()).isEqualTo(3);
        });
        harness.processWatermark(T0.toEpochMilli() + 30 * DAY);
        List<PointRecord> changes = watchlist();
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).leftOn()).isEqualTo(NOV_20 + 30);
        assertThat(changes.get(1).day()).isEqualTo(NOV_20);
    }

    @Test
    void shouldCountADayAheadOfTheWatermarkFromItsMidnightOn() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        send(event("p1", 0, "王府井大街1号", null));
        send(event("p2", 1000, "王府井大街1号", null));
        send(event("p3", 2 * DAY, "王府井大街1号", null)); // ahead of the watermark: not today's
        assertThat(watchlist()).isEmpty();
        harness.processWatermark(T0.toEpochMilli() + DAY);
        assertThat(watchlist()).as("the third problem's day has not begun").isEmpty();
        harness.processWatermark(T0.toEpochMilli() + 2 * DAY);
        assertThat(watchlist()).singleElement().satisfies(r -> {
            assertThat(r.day()).isEqualTo(NOV_20 + 2);
            assertThat(r.problems()).isEqualTo(3);
        });
        harness.processWatermark(T0.toEpochMilli() + 30 * DAY); // the first two leave the window
        assertThat(watchlist()).hasSize(2).last().satisfies(r -> assertThat(r.leftOn()).isEqualTo(NOV_20 + 30));
        harness.processWatermark(T0.toEpochMilli() + 33 * DAY); // and the last: nothing of the point is left
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldCountProblemsPerDay() throws Exception {
        send(event("p1", 0, "王府井大街1号", null));
        send(event("p2", DAY, "王府井大街1号", null));
        assertThat(harness.extractOutputValues()).filteredOn(r -> r.kind().equals("day"))
                .extracting(PointRecord::day, PointRecord::problems)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NOV_20, 1L),
                        org.assertj.core.groups.Tuple.tuple(NOV_20 + 1, 1L));
    }

    private List<PointRecord> watchlist() {
        return harness.extractOutputValues().stream().filter(r -> r.kind().equals("watchlist")).toList();
    }

    private void send(CivicEvent e) throws Exception {
        harness.processElement(new AcceptedEvent(e, null, "t", 0, 0, 0, "{}"), e.occurredAt().toEpochMilli());
    }

    private static CivicEvent event(String id, long at, String address, Double lat) {
        return new CivicEvent(id, Source.GRID, EventType.CREATED, "c-" + id, T0.plusMillis(at), "110101", "东华门街道",
                "PILED_MATERIALS", null, lat, lat == null ? null : 116.41123, address, false, null, null, null, null);
    }
}
