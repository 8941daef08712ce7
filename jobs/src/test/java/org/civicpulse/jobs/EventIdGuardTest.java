package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicpulse.jobs.Fixtures.LATENESS_MS;
import static org.civicpulse.jobs.Fixtures.T0;
import static org.civicpulse.jobs.Fixtures.T0_PLUS_1H;
import static org.civicpulse.jobs.Fixtures.T0_PLUS_1MIN;
import static org.civicpulse.jobs.Fixtures.created;
import static org.civicpulse.jobs.Fixtures.followUp;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.EventType;
import org.civicpulse.jobs.IdVerdict.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventIdGuardTest {
    private KeyedOneInputStreamOperatorTestHarness<String, IdClaim, IdVerdict> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new EventIdGuard(Duration.ofMillis(LATENESS_MS))), IdClaim::id, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldRuleTheFirstCopyFirstAndTheSameContentAgainARepeat() throws Exception {
        claim(created("e1", "c1", T0), 1);
        claim(created("e1", "c1", T0), 2);
        assertThat(outcomes()).containsExactly(Outcome.FIRST, Outcome.REPEAT);
        assertThat(harness.extractOutputValues()).extracting(IdVerdict::position, IdVerdict::eventKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("civic.hotline:0:1", "c1"),
                        org.assertj.core.groups.Tuple.tuple("civic.hotline:0:2", "c1"));
    }

    @Test
    void shouldRuleDifferentContentUnderTheSameIdAConflictWhateverCaseItNames() throws Exception {
        claim(followUp("e2", "c1", EventType.DISPATCHED, T0, "unit-a"), 1);
        claim(followUp("e2", "c1", EventType.DISPATCHED, T0, "unit-b"), 2);
        claim(created("e2", "c2", T0), 3);
        assertThat(outcomes()).containsExactly(Outcome.FIRST, Outcome.CONFLICT, Outcome.CONFLICT);
        assertThat(harness.extractOutputValues().get(2).eventKey()).as("the verdict goes to the event's case")
                .isEqualTo("c2");
    }

    @Test
    void shouldRuleAnEventBeyondTheLatenessLateWithoutClaimingItsId() throws Exception {
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS + 1);
        claim(created("e1", "c1", T0), 1);
        claim(created("e1", "c1", T0_PLUS_1H), 2);
        assertThat(outcomes()).containsExactly(Outcome.LATE, Outcome.FIRST);
        assertThat(harness.extractOutputValues().get(0).watermark()).isEqualTo(T0.toEpochMilli() + LATENESS_MS + 1);
    }

    @Test
    void shouldForgetAnIdOnceItCouldOnlyArriveTooLate() throws Exception {
        claim(created("e1", "c1", T0), 1);
        claim(created("e3", "c1", T0_PLUS_1H), 2);
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS + 1);
        // e1 is forgotten (its timer is rounded up to the next whole minute), e3 still remembered.
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS + 60_000);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        claim(created("e3", "c1", T0_PLUS_1H), 3);
        harness.processWatermark(T0_PLUS_1H.toEpochMilli() + LATENESS_MS + 60_000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(outcomes()).containsExactly(Outcome.FIRST, Outcome.FIRST, Outcome.REPEAT);
    }

    @Test
    void shouldTellLateFromOnTimeAtTheBoundary() {
        long t = T0_PLUS_1MIN.toEpochMilli();
        assertThat(EventIdGuard.isLate(t, t + LATENESS_MS, LATENESS_MS)).isFalse();
        assertThat(EventIdGuard.isLate(t, t + LATENESS_MS + 1, LATENESS_MS)).isTrue();
        assertThat(EventIdGuard.isLate(t, Long.MIN_VALUE, LATENESS_MS)).isFalse();
    }

    private void claim(AcceptedEvent e, long offset) throws Exception {
        AcceptedEvent at = new AcceptedEvent(e.event(), null, e.topic(), e.partition(), offset, e.receivedAt(),
                e.original());
        harness.processElement(IdClaim.of(at), at.eventTime());
    }

    private List<Outcome> outcomes() {
        return harness.extractOutputValues().stream().map(IdVerdict::outcome).toList();
    }
}
