package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicpulse.jobs.Fixtures.LATENESS_MS;
import static org.civicpulse.jobs.Fixtures.T0;
import static org.civicpulse.jobs.Fixtures.created;
import static org.civicpulse.jobs.Fixtures.followUp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventType;
import org.civicpulse.jobs.IdVerdict.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicateFunctionTest {
    private KeyedTwoInputStreamOperatorTestHarness<String, AcceptedEvent, IdVerdict, AcceptedEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(new KeyedCoProcessOperator<>(new DeduplicateFunction()),
                a -> a.event().key(), IdVerdict::eventKey, Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldHoldAnEventUntilItsVerdictAndApplyIt() throws Exception {
        AcceptedEvent first = at(created("e1", "c1", T0), 1);
        AcceptedEvent repeat = at(created("e1", "c1", T0), 2);
        AcceptedEvent conflict = at(followUp("e1", "c1", EventType.DISPATCHED, T0, "unit-b"), 3);
        AcceptedEvent late = at(created("e0", "c1", T0), 4);
        for (AcceptedEvent e : List.of(first, repeat, conflict, late)) {
            event(e);
        }
        assertThat(harness.extractOutputValues()).as("nothing passes before its verdict").isEmpty();
        verdict(first, Outcome.FIRST);
        verdict(repeat, Outcome.REPEAT);
        verdict(conflict, Outcome.CONFLICT);
        verdict(late, Outcome.LATE);
        assertThat(harness.extractOutputValues()).containsExactly(first);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).singleElement().satisfies(r -> {
            DeadLetter d = (DeadLetter) r.getValue();
            assertThat(d.reason()).isEqualTo("CONFLICTING_DUPLICATE");
            assertThat(d.id()).isEqualTo("civic.hotline:0:3");
        });
        assertThat(harness.getSideOutput(Outputs.LATE)).singleElement().satisfies(r -> {
            assertThat(r.getValue().accepted()).isEqualTo(late);
            assertThat(r.getValue().watermark()).isEqualTo(WATERMARK);
        });
        assertThat(harness.numKeyedStateEntries()).as("nothing held once every event has its verdict").isZero();
    }

    @Test
    void shouldLetACaseEventsOutInTheOrderTheyWereReadWhateverOrderTheVerdictsCome() throws Exception {
        AcceptedEvent opening = at(created("e1", "c1", T0), 1);
        AcceptedEvent dispatch = at(followUp("e2", "c1", EventType.DISPATCHED, T0, "unit-a"), 2);
        AcceptedEvent response = at(followUp("e3", "c1", EventType.RESPONDED, T0, null), 3);
        event(opening);
        event(dispatch);
        verdict(response, Outcome.FIRST); // before its event
        event(response);
        verdict(dispatch, Outcome.FIRST);
        assertThat(harness.extractOutputValues()).as("the opening still waits, so everything after it does").isEmpty();
        verdict(opening, Outcome.FIRST);
        assertThat(harness.extractOutputValues()).containsExactly(opening, dispatch, response);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void shouldApplyAVerdictThatCameBeforeItsEvent() throws Exception {
        AcceptedEvent e = at(created("e1", "c1", T0), 1);
        verdict(e, Outcome.FIRST);
        assertThat(harness.extractOutputValues()).isEmpty();
        event(e);
        assertThat(harness.extractOutputValues()).containsExactly(e);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    /** SPEC §2 with the id guard in front: the first copy wins whichever case the second names. */
    @Test
    void shouldDeadLetterTheSameIdWithDifferentContentEvenUnderAnotherCase() throws Exception {
        AcceptedEvent inC1 = at(created("e1", "c1", T0), 1);
        AcceptedEvent inC2 = at(created("e1", "c2", T0), 2);
        AcceptedEvent sameInC1 = at(created("e1", "c1", T0), 3);
        try (KeyedOneInputStreamOperatorTestHarness<String, IdClaim, IdVerdict> guard =
                     new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                             new EventIdGuard(Duration.ofMillis(LATENESS_MS))), IdClaim::id, Types.STRING)) {
            guard.open();
            for (AcceptedEvent e : List.of(inC1, inC2, sameInC1)) {
                guard.processElement(IdClaim.of(e), e.eventTime());
                event(e);
            }
            for (IdVerdict v : new ArrayList<>(guard.extractOutputValues())) {
                harness.processElement2(v, 0);
            }
        }
        assertThat(harness.extractOutputValues()).containsExactly(inC1);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).singleElement().satisfies(r -> {
            DeadLetter d = (DeadLetter) r.getValue();
            assertThat(d.reason()).isEqualTo("CONFLICTING_DUPLICATE");
            assertThat(d.id()).isEqualTo(inC2.position());
        });
    }

    private static final long WATERMARK = T0.toEpochMilli() + LATENESS_MS + 1;

    private void event(AcceptedEvent e) throws Exception {
        harness.processElement1(e, e.eventTime());
    }

    private void verdict(AcceptedEvent e, Outcome outcome) throws Exception {
        harness.processElement2(new IdVerdict(e.event().key(), e.position(), outcome, WATERMARK), 0);
    }

    private static AcceptedEvent at(AcceptedEvent e, long offset) {
        return new AcceptedEvent(e.event(), null, e.topic(), e.partition(), offset, e.receivedAt(), e.original());
    }
}
