package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.KeyedStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle of one case and what it contributes, driven through Flink's keyed operator harness. */
class CaseLifecycleFunctionTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z"); // 09:00 in Beijing
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final Duration GRACE = Duration.ofDays(2);
    private KeyedOneInputStreamOperatorTestHarness<String, AcceptedEvent, MetricDelta> harness;
    private long offset;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CaseLifecycleFunction(GRACE, Duration.ofDays(60))), a -> a.event().key(), Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldCountAnOpenCaseAndRemoveItWhenResolved() throws Exception {
        send(created("c1", Source.HOTLINE, "ILLEGAL_PARKING_MOTOR", false, 0));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 1L).containsEntry(MetricCounter.RESPONSE_PENDING, 1L);
        send(step("c1", Source.HOTLINE, EventType.RESPONDED, HOUR));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, 2 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L).containsEntry(MetricCounter.RESPONSE_PENDING, 0L)
                .containsEntry(MetricCounter.RATING_PENDING, 1L);
        assertThat(windowed(MetricCounter.RESPONSE_DECISIONS)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RESPONSE_ON_TIME)).isEqualTo(1);
    }

    @Test
    void shouldMarkACaseAboutToBreachTwoHoursBeforeItsLimitAndOverdueOnceItPasses() throws Exception {
        send(created("c1", Source.GRID, "PILED_MATERIALS", false, 0)); // 7-day limit
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY - 2 * HOUR - 1);
        assertThat(gauges()).containsEntry(MetricCounter.ABOUT_TO_BREACH, 0L);
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY - 2 * HOUR);
        assertThat(gauges()).containsEntry(MetricCounter.ABOUT_TO_BREACH, 1L).containsEntry(MetricCounter.OVERDUE, 0L);
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 0L);
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY + 1);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 1L).containsEntry(MetricCounter.ABOUT_TO_BREACH, 0L)
                .containsEntry(MetricCounter.OPEN, 1L);
        assertThat(windowed(MetricCounter.GRID_CLOSURE_DUE)).isEqualTo(1);
        assertThat(windowed(MetricCounter.GRID_CLOSED_ON_TIME)).isZero();
    }

    @Test
    void shouldCountAMissedResponseWhenTheLimitPassesUnansweredAndFixItForAnEarlierLateArrival() throws Exception {
        send(created("c1", Source.HOTLINE, "UTILITY_OUTAGE", false, 0)); // urgent: 2 h
        harness.processWatermark(T0.toEpochMilli() + 2 * HOUR + 1);
        assertThat(windowed(MetricCounter.RESPONSE_DECISIONS)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RESPONSE_ON_TIME)).isZero();
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 1L);
        // The response happened within the limit but arrived late: the decision is corrected, not added.
        send(step("c1", Source.HOTLINE, EventType.RESPONDED, HOUR));
        assertThat(windowed(MetricCounter.RESPONSE_DECISIONS)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RESPONSE_ON_TIME)).isEqualTo(1);
    }

    @Test
    void shouldNotRestartTheClockWhenACaseIsReopened() throws Exception {
        send(created("c1", Source.GRID, "ENV_SANITATION", false, 0));
        send(step("c1", Source.GRID, EventType.RESOLVED, DAY));
        send(step("c1", Source.GRID, EventType.REOPENED, 2 * DAY));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 1L);
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY + 1);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 1L);
    }

    @Test
    void shouldFinishACaseClosedWithoutResolution() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.CLOSED, HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L);
        harness.processWatermark(T0.toEpochMilli() + 8 * DAY);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 0L);
    }

    @Test
    void shouldCountOnlyTheLatestRatingAndAcceptARatingBeforeTheResolution() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(rated("c1", 3 * HOUR, false, Satisfaction.DISSATISFIED));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, 2 * HOUR));
        send(rated("c1", 4 * HOUR, true, Satisfaction.SATISFIED));
        assertThat(windowed(MetricCounter.RATINGS)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RATINGS_RESOLVED)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RATINGS_SATISFIED)).isEqualTo(1);
        assertThat(windowed(MetricCounter.MONTH_RATINGS)).isEqualTo(1);
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 0L);
    }

    @Test
    void shouldForgetAClosedCaseAfterTheGracePeriodWithoutChangingWhatItCounted() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.RESPONDED, HOUR));
        send(step("c1", Source.HOTLINE, EventType.CLOSED, 2 * HOUR));
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0.toEpochMilli() + 2 * HOUR + GRACE.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(windowed(MetricCounter.RESPONSE_DECISIONS)).isEqualTo(1);
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L);
    }

    @Test
    void shouldKeepAnOpenCaseUntilItsRetentionAfterItsLatestEventNotItsFirst() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.RESPONDED, 10 * DAY));
        harness.processWatermark(T0.toEpochMilli() + 61 * DAY); // past the retention after the first event
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 1L);
        assertThat(harness.numEventTimeTimers()).as("one retention timer, set again").isEqualTo(1);
        harness.processWatermark(T0.toEpochMilli() + 71 * DAY); // past the retention after the latest
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldForgetAClosedCaseAfterItsGraceEvenWhenItsRetentionIsShorter() throws Exception {
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CaseLifecycleFunction(GRACE, Duration.ofHours(1))), a -> a.event().key(), Types.STRING);
        harness.open();
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.CLOSED, HOUR / 6));
        // The retention timer fires while the closed case waits for its grace period: it must
        // not be set again at the same time (the watermark would never get past it).
        harness.processWatermark(T0.toEpochMilli() + 2 * HOUR);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0.toEpochMilli() + HOUR / 6 + GRACE.toMillis() + HOUR);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldCarryOnACaseKeptByAnEarlierVersionWithItsLatestEventTimeInAStateOfItsOwn() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        // Rewrite it as an earlier version kept it: no latest event time in the case.
        ValueStateDescriptor<CaseState> state = new ValueStateDescriptor<>("case", TypeInformation.of(CaseState.class));
        ValueStateDescriptor<Long> last = new ValueStateDescriptor<>("last-event-at", Types.LONG);
        CaseState s = KeyedStates.of(harness, "c1", state).value();
        KeyedStates.of(harness, "c1", last).update(s.lastEventAt);
        s.lastEventAt = 0;
        s.retentionTimerAt = 0;
        KeyedStates.of(harness, "c1", state).update(s);

        send(step("c1", Source.HOTLINE, EventType.RESPONDED, HOUR));
        assertThat(windowed(MetricCounter.RESPONSE_DECISIONS)).isEqualTo(1);
        assertThat(KeyedStates.of(harness, "c1", last).value()).isNull();
        assertThat(KeyedStates.of(harness, "c1", state).value().lastEventAt).isEqualTo(T0.toEpochMilli() + HOUR);
    }

    @Test
    void shouldMoveTheCaseToItsUnitWhenDispatched() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(new CivicEvent("c1-d", Source.HOTLINE, EventType.DISPATCHED, "c1", T0.plusSeconds(60), "110101", null,
                "NOISE", "东华门街道办事处", null, null, null, false, null, null, null, null));
        Map<String, Long> openByUnit = new HashMap<>();
        for (MetricDelta d : harness.extractOutputValues()) {
            if (d.bucket() == CaseFacts.GAUGE) {
                openByUnit.merge(d.place().unit(), d.delta()[MetricCounter.OPEN.ordinal()], Long::sum);
            }
        }
        assertThat(openByUnit).containsEntry("东华门街道办事处", 1L).containsEntry("", 0L);
    }

    @Test
    void shouldCountAGridCaseResolvedOnTimeInThePeriodItsLimitPassesToo() throws Exception {
        // SPEC §4: due in P when its limit passed in P or it was resolved in P. HEATING: 24 h to resolve.
        send(created("c1", Source.GRID, "HEATING", false, 0));
        send(step("c1", Source.GRID, EventType.RESOLVED, HOUR));
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSURE_DUE)).containsOnly(Map.entry(minuteAt(HOUR), 1L));
        // Once the limit passed, every period ending now that holds the resolution holds the limit,
        // but not the other way round (the last 60 min now): the case is counted at its limit.
        harness.processWatermark(T0.toEpochMilli() + DAY + 1);
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSURE_DUE)).containsOnly(Map.entry(minuteAt(DAY), 1L));
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSED_ON_TIME)).containsOnly(Map.entry(minuteAt(DAY), 1L));
    }

    @Test
    void shouldKeepAClosedGridCaseUntilItsLimitPassesSoItsEntryMovesThere() throws Exception {
        send(created("c1", Source.GRID, "NOISE", false, 0)); // 7 days to resolve; grace is 2 days
        send(step("c1", Source.GRID, EventType.RESOLVED, HOUR));
        send(step("c1", Source.GRID, EventType.CLOSED, 2 * HOUR));
        harness.processWatermark(T0.toEpochMilli() + 3 * DAY);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0.toEpochMilli() + 7 * DAY + 1);
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSURE_DUE)).containsOnly(Map.entry(minuteAt(7 * DAY), 1L));
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSED_ON_TIME)).containsOnly(Map.entry(minuteAt(7 * DAY), 1L));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L);
    }

    @Test
    void shouldCountAGridCaseResolvedLateOnceWhenResolved() throws Exception {
        send(created("c1", Source.GRID, "HEATING", false, 0));
        harness.processWatermark(T0.toEpochMilli() + DAY + 1);
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSURE_DUE)).containsOnly(Map.entry(minuteAt(DAY), 1L));
        send(step("c1", Source.GRID, EventType.RESOLVED, DAY + 3 * HOUR));
        assertThat(windowedByMinute(MetricCounter.GRID_CLOSURE_DUE))
                .containsOnly(Map.entry(minuteAt(DAY + 3 * HOUR), 1L));
        assertThat(windowed(MetricCounter.GRID_CLOSED_ON_TIME)).isZero();
    }

    @Test
    void shouldAwaitARatingOnlyWhileTheCaseIsResolved() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 1L);
        send(step("c1", Source.HOTLINE, EventType.REOPENED, 2 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 0L).containsEntry(MetricCounter.OPEN, 1L);
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, 3 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 1L);
        send(step("c1", Source.HOTLINE, EventType.CLOSED, 4 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 0L).containsEntry(MetricCounter.OPEN, 0L);
    }

    @Test
    void shouldNotReopenACaseRatedNotSolved() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, HOUR));
        send(rated("c1", 2 * HOUR, false, Satisfaction.DISSATISFIED));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L).containsEntry(MetricCounter.RATING_PENDING, 0L);
        assertThat(windowed(MetricCounter.RATINGS)).isEqualTo(1);
        assertThat(windowed(MetricCounter.RATINGS_RESOLVED)).isZero();
    }

    @Test
    void shouldAwaitANewRatingWhenARatedCaseIsResolvedAgain() throws Exception {
        send(created("c1", Source.HOTLINE, "NOISE", false, 0));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, HOUR));
        send(rated("c1", 2 * HOUR, false, Satisfaction.DISSATISFIED));
        send(step("c1", Source.HOTLINE, EventType.REOPENED, 3 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 0L).containsEntry(MetricCounter.OPEN, 1L);
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, 4 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 1L).containsEntry(MetricCounter.OPEN, 0L);
        send(rated("c1", 5 * HOUR, true, Satisfaction.SATISFIED));
        assertThat(gauges()).containsEntry(MetricCounter.RATING_PENDING, 0L);
        assertThat(windowed(MetricCounter.RATINGS)).isEqualTo(1); // the latest only
        assertThat(windowed(MetricCounter.RATINGS_RESOLVED)).isEqualTo(1);
    }

    @Test
    void shouldKeepACaseFinishedWhenReopenedAfterItClosed() throws Exception {
        // SPEC: finished at CLOSED "whatever came before"; a REOPENED after it is read the same way.
        send(created("c1", Source.GRID, "NOISE", false, 0));
        send(step("c1", Source.GRID, EventType.RESOLVED, HOUR));
        send(step("c1", Source.GRID, EventType.CLOSED, 2 * HOUR));
        send(step("c1", Source.GRID, EventType.REOPENED, 3 * HOUR));
        assertThat(gauges()).containsEntry(MetricCounter.OPEN, 0L);
        harness.processWatermark(T0.toEpochMilli() + 8 * DAY);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 0L);
    }

    @Test
    void shouldCountTheLatestRatingOfEachBeijingCalendarMonth() throws Exception {
        // 23:30 on 31 October and 00:30 on 1 November in Beijing: both still 31 October in UTC.
        long october = Instant.parse("2026-10-31T23:30:00+08:00").toEpochMilli() - T0.toEpochMilli();
        long november = Instant.parse("2026-11-01T00:30:00+08:00").toEpochMilli() - T0.toEpochMilli();
        send(created("c1", Source.HOTLINE, "NOISE", false, october - 5 * HOUR));
        send(step("c1", Source.HOTLINE, EventType.RESOLVED, october - HOUR));
        send(rated("c1", october - 30 * 60_000L, false, Satisfaction.DISSATISFIED));
        send(rated("c1", october, true, Satisfaction.BASIC));
        send(rated("c1", november, true, Satisfaction.SATISFIED));
        // Rolling periods: the latest rating only. Months: the latest within each month.
        assertThat(windowedByMinute(MetricCounter.RATINGS)).containsOnly(Map.entry(minuteAt(november), 1L));
        assertThat(windowedByMinute(MetricCounter.MONTH_RATINGS))
                .containsOnly(Map.entry(minuteAt(october), 1L), Map.entry(minuteAt(november), 1L));
        assertThat(windowedByMinute(MetricCounter.MONTH_RATINGS_BASIC)).containsOnly(Map.entry(minuteAt(october), 1L));
        assertThat(windowedByMinute(MetricCounter.MONTH_RATINGS_SATISFIED))
                .containsOnly(Map.entry(minuteAt(november), 1L));
    }

    @Test
    void shouldLetTheEventsFlagWinOverAnUrgentCategorysDefault() throws Exception {
        // SPEC §4: urgent if the event says so or the category's default is urgent, and the flag
        // wins. UTILITY_OUTAGE is urgent by default (2 h to respond and to resolve); c2 says
        // nothing and gets that, c1 says "urgent": false and gets a normal case's limits.
        org.civicpulse.contract.EventValidator validator = new org.civicpulse.contract.EventValidator(
                org.civicpulse.contract.Catalogue.load(), java.time.Clock.systemUTC(), Duration.ofMinutes(5));
        for (String line : List.of(
                "{\"id\":\"c1-created\",\"source\":\"HOTLINE\",\"type\":\"CREATED\",\"caseId\":\"c1\","
                        + "\"occurredAt\":\"" + T0 + "\",\"district\":\"110101\",\"category\":\"UTILITY_OUTAGE\","
                        + "\"urgent\":false}",
                "{\"id\":\"c2-created\",\"source\":\"HOTLINE\",\"type\":\"CREATED\",\"caseId\":\"c2\","
                        + "\"occurredAt\":\"" + T0 + "\",\"district\":\"110101\",\"category\":\"UTILITY_OUTAGE\"}")) {
            send(((org.civicpulse.contract.Validation.Accepted) validator.validate(line)).event());
        }
        harness.processWatermark(T0.toEpochMilli() + 2 * HOUR + 1);
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 1L); // c2 only
        assertThat(windowedByMinute(MetricCounter.RESPONSE_DECISIONS)).containsOnly(Map.entry(minuteAt(2 * HOUR), 1L));
        harness.processWatermark(T0.toEpochMilli() + 24 * HOUR + 1);
        assertThat(windowedByMinute(MetricCounter.RESPONSE_DECISIONS))
                .containsOnly(Map.entry(minuteAt(2 * HOUR), 1L), Map.entry(minuteAt(24 * HOUR), 1L));
        assertThat(gauges()).containsEntry(MetricCounter.OVERDUE, 1L); // c1's 7 days have not passed
    }

    private static long minuteAt(long offset) {
        return CaseFacts.minute(T0.toEpochMilli() + offset);
    }

    /** Windowed totals of a counter by minute, leaving out minutes that net to zero. */
    private Map<Long, Long> windowedByMinute(MetricCounter c) {
        Map<Long, Long> byMinute = new HashMap<>();
        for (MetricDelta d : harness.extractOutputValues()) {
            if (d.bucket() != CaseFacts.GAUGE) {
                byMinute.merge(d.bucket(), d.delta()[c.ordinal()], Long::sum);
            }
        }
        byMinute.values().removeIf(v -> v == 0);
        return byMinute;
    }

    private Map<MetricCounter, Long> gauges() {
        Map<MetricCounter, Long> g = new HashMap<>();
        for (MetricCounter c : MetricCounter.values()) {
            if (c.kind() == MetricCounter.Kind.GAUGE) {
                g.put(c, sum(c, true));
            }
        }
        return g;
    }

    private long windowed(MetricCounter c) {
        return sum(c, false);
    }

    private long sum(MetricCounter c, boolean gauge) {
        long total = 0;
        List<MetricDelta> out = harness.extractOutputValues();
        for (MetricDelta d : out) {
            if ((d.bucket() == CaseFacts.GAUGE) == gauge) {
                total += d.delta()[c.ordinal()];
            }
        }
        return total;
    }

    private void send(CivicEvent e) throws Exception {
        harness.processElement(new AcceptedEvent(e, null, "t", 0, offset++, 0, "{}"), e.occurredAt().toEpochMilli());
    }

    /** {@code urgent}: flagged urgent, or no flag at all. */
    private static CivicEvent created(String caseId, Source source, String category, boolean urgent, long at) {
        return new CivicEvent(caseId + "-created", source, EventType.CREATED, caseId, T0.plusMillis(at), "110101",
                "东华门街道", category, null, null, null, null, urgent ? Boolean.TRUE : null, null, null, null, null);
    }

    private static CivicEvent step(String caseId, Source source, EventType type, long at) {
        return new CivicEvent(caseId + "-" + type + "-" + at, source, type, caseId, T0.plusMillis(at), "110101",
                "东华门街道", "NOISE", null, null, null, null, false, null, null, null, null);
    }

    private static CivicEvent rated(String caseId, long at, boolean resolved, Satisfaction satisfaction) {
        return new CivicEvent(caseId + "-rated-" + at, Source.HOTLINE, EventType.RATED, caseId, T0.plusMillis(at),
                "110101", "东华门街道", "NOISE", null, null, null, null, false, null, resolved, satisfaction, null);
    }
}
