package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.jobs.KeyedStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-minute panes, rolling sums, today and early firing for one scope. */
class ScopeMetricsFunctionTest {
    /** 2026-11-20 23:00 in Beijing. */
    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");
    private static final long MINUTE = 60_000L;
    private static final int H = MetricCounter.CREATED_HOTLINE.ordinal();
    private KeyedOneInputStreamOperatorTestHarness<String, ScopedDelta, LiveMetric> harness;
    private long processingTime;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new ScopeMetricsFunction(Duration.ofSeconds(1))), ScopedDelta::scope, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldIncludeAnEventAsSoonAsItIsProcessed() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli() + 10 * MINUTE); // ahead of the watermark: still counted (early firing)
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isEqualTo(1);
        assertThat(m.last24h()[H]).isEqualTo(1);
        assertThat(m.today()[H]).isEqualTo(1);
    }

    @Test
    void shouldRetireAMinuteFromTheLastHourSixtyMinutesLater() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli() - 30 * MINUTE);
        harness.processWatermark(T0.toEpochMilli() + 29 * MINUTE);
        assertThat(publish().last60m()[H]).isEqualTo(1);
        harness.processWatermark(T0.toEpochMilli() + 30 * MINUTE);
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(1);
        assertThat(m.last7d()[H]).isEqualTo(1);
    }

    @Test
    void shouldRetireEveryMinuteAWatermarkJumpOfHoursLeavesBehind() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli() - 30 * MINUTE);
        created(T0.toEpochMilli() - 20 * 60 * MINUTE);
        harness.processWatermark(T0.toEpochMilli() + 5 * 60 * MINUTE); // five hours in one step
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(1);
        assertThat(m.last7d()[H]).isEqualTo(2);
    }

    @Test
    void shouldStartANewTodayAtMidnightInBeijing() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli() + 30 * MINUTE); // 23:30
        harness.processWatermark(T0.toEpochMilli() + 59 * MINUTE);
        assertThat(publish().today()[H]).isEqualTo(1);
        harness.processWatermark(T0.toEpochMilli() + 60 * MINUTE); // 00:00 the next day
        LiveMetric m = publish();
        assertThat(m.today()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(1);
        created(T0.toEpochMilli() + 61 * MINUTE);
        assertThat(publish().today()[H]).isEqualTo(1);
    }

    @Test
    void shouldStartANewMonthAtMidnightOfItsFirstDayInBeijing() throws Exception {
        // 23:30 on 30 November and 00:30 on 1 December in Beijing; both 30 November in UTC.
        long lastOfNovember = Instant.parse("2026-11-30T23:30:00+08:00").toEpochMilli();
        long december = Instant.parse("2026-12-01T00:00:00+08:00").toEpochMilli();
        harness.processWatermark(lastOfNovember - 29 * 24 * 60 * MINUTE);
        created(lastOfNovember - 29 * 24 * 60 * MINUTE); // 1 November 23:30: this month too
        created(lastOfNovember);
        harness.processWatermark(december - 1);
        assertThat(publish().month()[H]).isEqualTo(2);
        harness.processWatermark(december);
        LiveMetric m = publish();
        assertThat(m.month()[H]).isZero();
        assertThat(m.last7d()[H]).isEqualTo(1);
        created(december + 30 * MINUTE);
        assertThat(publish().month()[H]).isEqualTo(1);
    }

    @Test
    void shouldAddALateEventToItsOwnMinuteAndWindows() throws Exception {
        harness.processWatermark(T0.toEpochMilli() + 3 * 60 * MINUTE);
        created(T0.toEpochMilli()); // three hours behind the watermark
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(1);
        List<PaneRow> panes = harness.getSideOutput(ScopeMetricsFunction.PANES).stream()
                .map(r -> r.getValue()).toList();
        assertThat(panes).anySatisfy(p -> {
            assertThat(p.grain()).isEqualTo("minute");
            assertThat(p.start()).isEqualTo(T0.toEpochMilli() / MINUTE);
            assertThat(p.counters()[H]).isEqualTo(1);
        });
    }

    @Test
    void shouldKeepGaugesOutOfTheWindows() throws Exception {
        long[] open = new long[MetricCounter.SIZE];
        open[MetricCounter.OPEN.ordinal()] = 3;
        harness.processElement(new ScopedDelta("city", CaseFacts.GAUGE, open), T0.toEpochMilli());
        harness.processWatermark(T0.toEpochMilli() + 8 * 24 * 60 * MINUTE);
        LiveMetric m = publish();
        assertThat(m.gauges()[MetricCounter.OPEN.ordinal()]).isEqualTo(3);
        assertThat(m.last7d()[MetricCounter.OPEN.ordinal()]).isZero();
    }

    @Test
    void shouldCarryAScopeOfGaugesOnlyAcrossDaysAndCountItsFirstPaneInEveryWindow() throws Exception {
        long later = T0.toEpochMilli() + 3 * 24 * 60 * MINUTE;
        harness.processWatermark(T0.toEpochMilli());
        gauge(2);
        harness.processWatermark(later);
        gauge(1); // days later, with nothing to retire
        LiveMetric m = publish();
        assertThat(m.asOf()).isEqualTo(later);
        assertThat(m.gauges()[MetricCounter.OPEN.ordinal()]).isEqualTo(3);
        assertThat(m.last7d()[H]).isZero();
        created(later - 30 * MINUTE);
        assertThat(publish().last60m()[H]).isEqualTo(1);
        harness.processWatermark(later + 30 * MINUTE);
        m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(1);
        assertThat(m.today()[H]).isEqualTo(1);
        assertThat(m.gauges()[MetricCounter.OPEN.ordinal()]).isEqualTo(3);
    }

    @Test
    void shouldPublishAtMostOncePerIntervalWithTheLatestValues() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        for (int i = 0; i < 5; i++) {
            created(T0.toEpochMilli());
        }
        assertThat(harness.extractOutputValues()).isEmpty();
        LiveMetric m = publish();
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(m.last60m()[H]).isEqualTo(5);
    }

    @Test
    void shouldStopAtTheEndOfABoundedInput() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli());
        harness.processWatermark(Long.MAX_VALUE); // would loop forever if the minute timer re-armed itself
        assertThat(publish().last60m()[H]).isEqualTo(1);
    }

    @Test
    void shouldRetireAMinuteFromTheLastWeekSevenDaysLaterMinuteByMinute() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        created(T0.toEpochMilli() - 30 * MINUTE);
        created(T0.toEpochMilli() - 29 * MINUTE);
        // Minute by minute through the week, so every hour of the panes' ring is passed and reused.
        long weekLater = T0.toEpochMilli() - 30 * MINUTE + 7 * 24 * 60 * MINUTE;
        for (long w = T0.toEpochMilli() + 60 * MINUTE; w < weekLater; w += 60 * MINUTE) {
            harness.processWatermark(w);
        }
        harness.processWatermark(weekLater - MINUTE);
        assertThat(publish().last7d()[H]).isEqualTo(2);
        harness.processWatermark(weekLater);
        assertThat(publish().last7d()[H]).isEqualTo(1);
        harness.processWatermark(weekLater + MINUTE);
        assertThat(publish().last7d()[H]).isZero();
    }

    @Test
    void shouldRetirePanesKeptByAnEarlierVersionInOneWeekLongMap() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        long at = T0.toEpochMilli() - 30 * MINUTE;
        created(at);
        // Rewrite the state as an earlier version kept it: the pane in the single week-long map.
        long minute = CaseFacts.minute(at);
        MapState<Long, long[]> ring = cityPanes(MinutePanes.LEGACY_NAME + "-h" + Math.floorMod(minute / 60, MinutePanes.HOURS));
        MapState<Long, long[]> legacy = cityPanes(MinutePanes.LEGACY_NAME);
        legacy.put(minute, ring.get(minute));
        ring.remove(minute);
        toEarlierStates(); // that version kept the scope's sums and timers in a state each
        harness.processWatermark(at + 60 * MINUTE);
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last7d()[H]).isEqualTo(1);
        harness.processWatermark(at + 7 * 24 * 60 * MINUTE);
        assertThat(publish().last7d()[H]).isZero();
        assertThat(legacy.isEmpty()).isTrue();
    }

    @Test
    void shouldRetireADensePaneRestoredFromACheckpointWrittenBeforePanesWerePacked() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        long at = T0.toEpochMilli() - 30 * MINUTE;
        created(at);
        created(at);
        MapState<Long, long[]> ring = makeDense(at);
        harness.processWatermark(at + 60 * MINUTE);
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isZero();
        assertThat(m.last24h()[H]).isEqualTo(2);
        assertThat(m.last7d()[H]).isEqualTo(2);
        harness.processWatermark(at + 24 * 60 * MINUTE);
        assertThat(publish().last24h()[H]).isZero();
        harness.processWatermark(at + 7 * 24 * 60 * MINUTE);
        assertThat(publish().last7d()[H]).isZero();
        assertThat(ring.contains(CaseFacts.minute(at))).isFalse();
    }

    @Test
    void shouldAddToAndPublishADensePaneRestoredFromAnEarlierCheckpoint() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        long at = T0.toEpochMilli() - 30 * MINUTE;
        created(at);
        MapState<Long, long[]> ring = makeDense(at);
        created(at); // adds to the dense pane, which is packed again
        assertThat(PackedCounters.isPacked(ring.get(CaseFacts.minute(at)))).isTrue();
        assertThat(publish().last60m()[H]).isEqualTo(2);
        assertThat(harness.getSideOutput(ScopeMetricsFunction.PANES).stream().map(r -> r.getValue())
                .filter(p -> p.grain().equals("minute")).reduce((a, b) -> b).orElseThrow().counters()[H])
                .isEqualTo(2);
    }

    @Test
    void shouldRecountADensePaneAfterAJumpOfMoreThanAWeek() throws Exception {
        harness.processWatermark(T0.toEpochMilli() - 8 * 24 * 60 * MINUTE);
        long at = T0.toEpochMilli() - 30 * MINUTE; // far ahead of the watermark: counted early
        created(at);
        makeDense(at);
        harness.processWatermark(T0.toEpochMilli()); // the full recount reads every pane
        LiveMetric m = publish();
        assertThat(m.last60m()[H]).isEqualTo(1);
        assertThat(m.last7d()[H]).isEqualTo(1);
    }

    @Test
    void shouldCarryOnFromTheStatesOfAnEarlierVersion() throws Exception {
        harness.processWatermark(T0.toEpochMilli());
        long at = T0.toEpochMilli() - 30 * MINUTE;
        gauge(3);
        created(at);
        toEarlierStates();

        gauge(1); // gauges are never recounted from panes: only the moved sums hold the earlier 3
        LiveMetric m = publish(); // the timer the earlier version registered still publishes
        assertThat(m.gauges()[MetricCounter.OPEN.ordinal()]).isEqualTo(4);
        assertThat(m.last60m()[H]).isEqualTo(1);
        assertThat(harness.getSideOutput(ScopeMetricsFunction.PANES).stream().map(r -> r.getValue())
                .filter(p -> p.grain().equals("minute") && p.start() == CaseFacts.minute(at))).hasSize(1);
        assertThat(cityState(EarlierScopeStates.descriptor("sums")).value()).isNull();
        assertThat(cityState(new ValueStateDescriptor<>("emit-at", Types.LONG)).value()).isNull();
        assertThat(cityChangedMinutes().isEmpty()).isTrue();
    }

    @Test
    void shouldGrowCountersRestoredFromAVersionWithFewerOfThem() throws Exception {
        // Arrays restored from a checkpoint keep the length they were written with: a version
        // that adds counters meets shorter day panes and sums, which must grow, not fail the job.
        long at = T0.toEpochMilli();
        harness.processWatermark(at);
        created(at);
        publish();
        ValueState<ScopeState> scope = cityState(new ValueStateDescriptor<>("scope", TypeInformation.of(ScopeState.class)));
        ScopeState restored = scope.value();
        restored.sums.today = java.util.Arrays.copyOf(restored.sums.today, MetricCounter.SIZE - 3);
        restored.sums.last60m = java.util.Arrays.copyOf(restored.sums.last60m, MetricCounter.SIZE - 3);
        restored.sums.watermarkMinute = Long.MIN_VALUE; // the next watermark recounts from the panes
        scope.update(restored);
        long day = ScopeMetricsFunction.epochDay(CaseFacts.minute(at));
        MapState<Long, long[]> dayPanes = KeyedStates.of(harness, "city", new MapStateDescriptor<>("day-panes",
                org.apache.flink.api.common.typeutils.base.LongSerializer.INSTANCE, CountersSerializer.INSTANCE));
        dayPanes.put(day, java.util.Arrays.copyOf(dayPanes.get(day), MetricCounter.SIZE - 3));

        harness.processWatermark(at + MINUTE);
        created(at + MINUTE);
        LiveMetric m = publish();

        assertThat(m.today()).hasSize(MetricCounter.SIZE);
        assertThat(m.today()[H]).isEqualTo(2);
        assertThat(m.last60m()[H]).isEqualTo(2);
        assertThat(dayPanes.get(day)).hasSize(MetricCounter.SIZE);
        assertThat(dayPanes.get(day)[H]).isEqualTo(2);
    }

    /** Rewrites the city's ScopeState as the earlier version kept it: a state per field. */
    private void toEarlierStates() throws Exception {
        ValueState<ScopeState> scope = cityState(new ValueStateDescriptor<>("scope", TypeInformation.of(ScopeState.class)));
        ScopeState before = scope.value();
        cityState(EarlierScopeStates.descriptor("sums")).update(before.sums);
        if (before.emitAt != ScopeState.NONE) {
            cityState(new ValueStateDescriptor<>("emit-at", Types.LONG)).update(before.emitAt);
        }
        if (before.nextMinute != ScopeState.NONE) {
            cityState(new ValueStateDescriptor<>("next-minute", Types.LONG)).update(before.nextMinute);
        }
        for (long m : before.changedMinutes()) {
            cityChangedMinutes().put(m, true);
        }
        scope.clear();
    }

    private <T> ValueState<T> cityState(ValueStateDescriptor<T> descriptor) throws Exception {
        return KeyedStates.of(harness, "city", descriptor);
    }

    private MapState<Long, Boolean> cityChangedMinutes() throws Exception {
        return KeyedStates.of(harness, "city", new MapStateDescriptor<>("changed-minutes", Types.LONG, Types.BOOLEAN));
    }

    private void gauge(long open) throws Exception {
        long[] d = new long[MetricCounter.SIZE];
        d[MetricCounter.OPEN.ordinal()] = open;
        harness.processElement(new ScopedDelta("city", CaseFacts.GAUGE, d), T0.toEpochMilli());
    }

    /**
     * Rewrites the city's pane of {@code at} as the restore serializer of a checkpoint written
     * before panes were packed reads it into the heap: a dense array.
     */
    private MapState<Long, long[]> makeDense(long at) throws Exception {
        long minute = CaseFacts.minute(at);
        MapState<Long, long[]> ring = cityPanes(MinutePanes.LEGACY_NAME + "-h" + Math.floorMod(minute / 60, MinutePanes.HOURS));
        assertThat(PackedCounters.isPacked(ring.get(minute))).isTrue();
        ring.put(minute, PackedCounters.dense(ring.get(minute), MetricCounter.SIZE));
        return ring;
    }

    /** A minute-pane map state of the city scope, as the operator's backend holds it. */
    private MapState<Long, long[]> cityPanes(String name) throws Exception {
        return KeyedStates.of(harness, "city", MinutePanes.descriptor(name));
    }

    private void created(long at) throws Exception {
        long[] d = new long[MetricCounter.SIZE];
        d[H] = 1;
        harness.processElement(new ScopedDelta("city", CaseFacts.minute(at), d), at);
    }

    /** Advances processing time past the emit interval and returns the latest published value. */
    private LiveMetric publish() throws Exception {
        processingTime += 1_000;
        harness.setProcessingTime(processingTime);
        List<LiveMetric> out = harness.extractOutputValues();
        assertThat(out).isNotEmpty();
        return out.get(out.size() - 1);
    }

    @Test
    void epochDayAgreesWithBeijingZoneRules() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            // 1985–2040: before 1992 the zone rules (with 1986–91 summer time) decide.
            long minute = 8_000_000L + (long) (random.nextDouble() * 29_000_000L);
            long expected = java.time.Instant.ofEpochSecond(minute * 60).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalDate().toEpochDay();
            assertThat(ScopeMetricsFunction.epochDay(minute)).as("minute %d", minute).isEqualTo(expected);
        }
        long midnight = java.time.LocalDate.of(2026, 11, 20).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                .toEpochSecond() / 60;
        assertThat(ScopeMetricsFunction.epochDay(midnight) - ScopeMetricsFunction.epochDay(midnight - 1)).isEqualTo(1);
    }
}
