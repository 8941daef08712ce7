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
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaseGateFunctionTest {
    private static final long RETENTION_MS = Duration.ofDays(60).toMillis();
    private KeyedOneInputStreamOperatorTestHarness<String, AcceptedEvent, AcceptedEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CaseGateFunction(Duration.ofMillis(LATENESS_MS), Duration.ofDays(2), Duration.ofMillis(RETENTION_MS))),
                a -> a.event().key(), Types.STRING);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void shouldFillInTheCasePlaceAndUnitOnLaterEvents() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        harness.processElement(followUp("e2", "c1", EventType.DISPATCHED, T0_PLUS_1MIN, "东华门街道办事处"), 0);
        harness.processElement(followUp("e3", "c1", EventType.RESPONDED, T0_PLUS_1H, null), 0);
        List<AcceptedEvent> out = harness.extractOutputValues();
        assertThat(out).extracting(a -> a.event().district() + "|" + a.event().category() + "|" + a.event().unit())
                .containsExactly("110101|ILLEGAL_PARKING_MOTOR|null",
                        "110101|ILLEGAL_PARKING_MOTOR|东华门街道办事处",
                        "110101|ILLEGAL_PARKING_MOTOR|东华门街道办事处");
    }

    @Test
    void shouldHoldAnEventThatArrivesBeforeItsCaseIsCreatedAndReleaseItWithThePlace() throws Exception {
        harness.processElement(followUp("e2", "c1", EventType.RESOLVED, T0_PLUS_1H, null), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).extracting(a -> a.event().id() + "@" + a.event().district())
                .containsExactly("e1@110101", "e2@110101");
        harness.processWatermark(T0_PLUS_1H.toEpochMilli() + LATENESS_MS);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).isNull();
    }

    @Test
    void shouldDeadLetterACaseEventWhoseCreationNeverCameWithinTheLateness() throws Exception {
        harness.processElement(followUp("e2", "c-orphan", EventType.RESPONDED, T0, null), 0);
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS - 1);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).isNull();
        harness.processWatermark(T0.toEpochMilli() + LATENESS_MS);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).singleElement().satisfies(r -> {
            DeadLetter d = (DeadLetter) r.getValue();
            assertThat(d.reason()).isEqualTo("ORPHAN_CASE_EVENT");
            assertThat(d.eventId()).isEqualTo("e2");
        });
        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void shouldOpenACaseFromAFailedSpotCheck() throws Exception {
        CivicEvent check = new CivicEvent("i1", Source.INSPECTION, EventType.CHECKED, "c-i", T0, "110106", null,
                "GARBAGE_SORTING", null, null, null, null, false, null, null, null, false);
        harness.processElement(Fixtures.accepted(check, 0), T0.toEpochMilli());
        CivicEvent resolved = new CivicEvent("i2", Source.INSPECTION, EventType.RESOLVED, "c-i", T0_PLUS_1H, null,
                null, null, null, null, null, null, false, null, null, null, null);
        harness.processElement(Fixtures.accepted(resolved, 1), T0_PLUS_1H.toEpochMilli());
        assertThat(harness.extractOutputValues()).extracting(a -> a.event().district())
                .containsExactly("110106", "110106");
    }

    @Test
    void shouldLetAPassedSpotCheckWithACaseIdThroughAtOnceAndNeverCallItAnOrphan() throws Exception {
        // SPEC §2: passed checks count toward the pass rate; only a failed one opens a case, so a
        // passed one has no opening to wait for (it carries its own district and category).
        CivicEvent passed = new CivicEvent("i1", Source.INSPECTION, EventType.CHECKED, "c-pass", T0, "110106", null,
                "GARBAGE_SORTING", null, null, null, null, false, null, null, null, true);
        harness.processElement(Fixtures.accepted(passed, 0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues()).extracting(a -> a.event().id()).containsExactly("i1");
        harness.processWatermark(T0.toEpochMilli() + 2 * LATENESS_MS);
        assertThat(harness.getSideOutput(Outputs.DEAD_LETTERS)).isNull();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void shouldDropAStreetOfAnotherDistrictFromALaterEventWithAWarning() throws Exception {
        // SPEC §2: the later event inherits the case's district (东城区), so 西长安街街道 (西城区) is a
        // street not in its district: accepted without it, with a data-quality warning.
        CivicEvent created = new CivicEvent("e1", Source.HOTLINE, EventType.CREATED, "c1", T0, "110101", null,
                "ILLEGAL_PARKING_MOTOR", null, null, null, null, false, null, null, null, null);
        harness.processElement(Fixtures.accepted(created, 0), T0.toEpochMilli());
        harness.processElement(Fixtures.accepted(followUpAt("e2", "西长安街街道"), 1), 0);
        harness.processElement(Fixtures.accepted(followUpAt("e3", "景山街道"), 2), 0);
        harness.processElement(Fixtures.accepted(followUpAt("e4", null), 3), 0);
        assertThat(harness.extractOutputValues())
                .extracting(a -> a.event().id() + "|" + a.event().district() + "|" + a.event().street() + "|"
                        + a.qualityWarning())
                .containsExactly("e1|110101|null|null",
                        "e2|110101|null|UNKNOWN_STREET:西长安街街道",
                        "e3|110101|景山街道|null",
                        "e4|110101|景山街道|null");
    }

    @Test
    void shouldCheckTheStreetOfALaterEventThatArrivedBeforeItsCaseWasOpened() throws Exception {
        harness.processElement(Fixtures.accepted(followUpAt("e2", "西长安街街道"), 1), 0);
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        assertThat(harness.extractOutputValues())
                .extracting(a -> a.event().id() + "|" + a.event().street() + "|" + a.qualityWarning())
                .containsExactly("e1|东华门街道|null", "e2|东华门街道|UNKNOWN_STREET:西长安街街道");
    }

    private static CivicEvent followUpAt(String id, String street) {
        return new CivicEvent(id, Source.HOTLINE, EventType.DISPATCHED, "c1", T0_PLUS_1MIN, null, street, null,
                null, null, null, null, false, null, null, null, null);
    }

    @Test
    void shouldRememberACaseUntilItsRetentionAfterItsLatestEvent() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        java.time.Instant later = T0.plus(Duration.ofDays(10));
        harness.processElement(followUp("e2", "c1", EventType.RESPONDED, later, null), later.toEpochMilli());
        harness.processWatermark(T0.toEpochMilli() + RETENTION_MS + Duration.ofDays(1).toMillis());
        assertThat(harness.numEventTimeTimers()).as("one retention timer, set again").isEqualTo(1);
        java.time.Instant latest = T0.plus(Duration.ofDays(62));
        harness.processElement(followUp("e3", "c1", EventType.RESOLVED, latest, null), latest.toEpochMilli());
        assertThat(harness.extractOutputValues()).last().extracting(a -> a.event().district())
                .as("still known: not an orphan").isEqualTo("110101");
        harness.processWatermark(latest.toEpochMilli() + RETENTION_MS + Duration.ofHours(1).toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void shouldCarryOnACaseKeptByAnEarlierVersionInAStatePerField() throws Exception {
        ValueStateDescriptor<CasePlace> place = new ValueStateDescriptor<>("case-place", TypeInformation.of(CasePlace.class));
        ValueStateDescriptor<Long> last = new ValueStateDescriptor<>("last-event-time", Types.LONG);
        KeyedStates.of(harness, "c1", place).update(new CasePlace("110101", "东华门街道", "NOISE", null));
        KeyedStates.of(harness, "c1", last).update(T0.toEpochMilli());

        harness.processElement(followUp("e2", "c1", EventType.RESPONDED, T0_PLUS_1H, null), T0_PLUS_1H.toEpochMilli());
        assertThat(harness.extractOutputValues()).singleElement().extracting(a -> a.event().street())
                .isEqualTo("东华门街道");
        assertThat(KeyedStates.of(harness, "c1", place).value()).isNull();
        assertThat(KeyedStates.of(harness, "c1", last).value()).isNull();
    }

    @Test
    void shouldForgetACaseAfterItsRetentionSoStateStaysBounded() throws Exception {
        harness.processElement(created("e1", "c1", T0), T0.toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(T0.toEpochMilli() + RETENTION_MS);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
