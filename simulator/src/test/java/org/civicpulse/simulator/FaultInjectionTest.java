package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Validation;
import org.civicpulse.simulator.GroundTruth.FaultRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two days at 5 % scale with every fault kind at 1 %: each clean line is a valid SPEC event, and
 * each faulty line is what the ground truth says it is, with the outcome SPEC §2 prescribes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {
    private static final Instant FROM = Runs.midnight(2026, 11, 20);
    private static final Instant TO = Runs.midnight(2026, 11, 22);
    /** The validator's wall clock: an hour after the range, so nothing valid is in the future. */
    private static final Clock AFTER_THE_RANGE = Clock.fixed(TO.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    private static final SimulatorConfig CLEAN = SimulatorConfig.defaults().withScale(0.05)
            .withFaults(FaultRates.none());

    private final EventValidator validator =
            new EventValidator(Runs.CATALOGUE, AFTER_THE_RANGE, Duration.ofMinutes(5));
    private Runs.Output faulty;
    private Runs.Output clean;
    private final Map<String, FaultRecord> faultByLine = new HashMap<>();
    private final Map<String, Emission> emissionByLine = new HashMap<>();

    @BeforeAll
    void generate() {
        faulty = Runs.run(CLEAN.withFaults(FaultRates.all(0.01)), FROM, TO);
        clean = Runs.run(CLEAN, FROM, TO);
        for (FaultRecord f : faulty.faults()) {
            faultByLine.put(f.sendAt() + "|" + f.line(), f);
        }
    }

    @Test
    void shouldValidateEveryCleanLineAsASpecEvent() {
        int checked = 0;
        for (Emission e : faulty.emissions()) {
            if (faultByLine.containsKey(e.sendAt() + "|" + e.line())) {
                continue;
            }
            Validation v = validator.validate(e.line());
            assertThat(v).as(e.line()).isInstanceOf(Validation.Accepted.class);
            assertThat(((Validation.Accepted) v).warnings()).as(e.line()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(clean.faults()).isEmpty();
        assertThat(clean.emissions()).allSatisfy(e -> assertThat(validator.validate(e.line()))
                .isInstanceOf(Validation.Accepted.class));
    }

    @Test
    void shouldRecordEveryFaultyLineItEmitsAndInjectEveryKind() {
        Set<String> emitted = new HashSet<>();
        faulty.emissions().forEach(e -> emitted.add(e.sendAt() + "|" + e.line()));
        assertThat(emitted).containsAll(faultByLine.keySet());
        Map<FaultKind, Integer> kinds = new EnumMap<>(FaultKind.class);
        faulty.faults().forEach(f -> kinds.merge(FaultKind.valueOf(f.kind()), 1, Integer::sum));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(FaultKind.values());
        // Each kind applies to about 1 % of the events it can hit (out-of-order: opening events only).
        int valid = clean.emissions().size();
        for (FaultKind k : List.of(FaultKind.EXACT_DUPLICATE, FaultKind.MALFORMED, FaultKind.MISSING_FIELD)) {
            assertThat((double) kinds.get(k) / valid).as(k.name()).isCloseTo(0.01, within(0.002));
        }
    }

    @Test
    void shouldGiveEachRejectedLineTheReasonSpecSection2Prescribes() {
        int rejected = 0;
        for (FaultRecord f : faulty.faults()) {
            FaultKind kind = FaultKind.valueOf(f.kind());
            Validation v = validator.validate(f.line());
            if (kind.keepsEventValid() || kind == FaultKind.EXACT_DUPLICATE || kind == FaultKind.CONFLICTING_DUPLICATE
                    || kind == FaultKind.ORPHAN_CASE_EVENT) {
                // Valid on its own: only the pipeline, seeing the whole stream, can tell.
                assertThat(v).as(f.line()).isInstanceOf(Validation.Accepted.class);
                continue;
            }
            assertThat(v).as(f.line()).isInstanceOf(Validation.Rejected.class);
            assertThat(((Validation.Rejected) v).rejection().code()).as(f.line()).isEqualTo(f.expected());
            rejected++;
        }
        assertThat(rejected).isGreaterThan(200);
        assertThat(faulty.faults()).filteredOn(f -> f.kind().equals("MISSING_FIELD"))
                .extracting(FaultRecord::expected).contains("MISSING_FIELD:id", "MISSING_FIELD:caseId",
                        "MISSING_FIELD:district", "MISSING_FIELD:occurredAt");
    }

    @Test
    void shouldRouteOnlyLinesWithAKnownSourceToASourceTopic() {
        for (FaultRecord f : faulty.faults()) {
            Emission e = emission(f);
            boolean routable = !List.of("MALFORMED", "UNKNOWN_SOURCE").contains(f.kind())
                    && !f.expected().equals("MISSING_FIELD:source");
            assertThat(e.topicSource()).as(f.line()).isEqualTo(routable ? f.source() : null);
        }
    }

    @Test
    void shouldDuplicateAfterTheOriginalWithTheSameIdAndTheSameOrDifferentContent() {
        Map<String, List<Emission>> byId = byId(faulty.emissions());
        for (FaultRecord f : faulty.faults()) {
            if (f.kind().equals("EXACT_DUPLICATE") || f.kind().equals("CONFLICTING_DUPLICATE")) {
                List<Emission> same = byId.get(f.id());
                assertThat(same).as(f.id()).hasSizeGreaterThanOrEqualTo(2);
                Emission original = same.get(0);
                assertThat(original.sendAt()).isBefore(f.sendAt());
                if (f.kind().equals("EXACT_DUPLICATE")) {
                    assertThat(f.line()).isEqualTo(original.line());
                } else {
                    assertThat(f.line()).isNotEqualTo(original.line());
                }
            }
        }
    }

    @Test
    void shouldSendOutOfOrderOpeningEventsAfterAFollowUpAndLateEventsHoursLate() {
        Map<String, List<Emission>> byCase = new HashMap<>();
        for (Emission e : faulty.emissions()) {
            if (e.key() != null) {
                byCase.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
            }
        }
        int beyondLateness = 0;
        for (FaultRecord f : faulty.faults()) {
            Duration delay = Duration.between(f.occurredAt(), f.sendAt());
            if (f.kind().equals("OUT_OF_ORDER")) {
                CivicEvent created = Runs.decode(f.line());
                assertThat(created.type()).isIn(EventType.CREATED, EventType.CHECKED);
                assertThat(byCase.get(f.caseId())).anyMatch(e -> e.sendAt().isBefore(f.sendAt())
                        && !e.line().contains("\"type\":\"CREATED\""));
                assertThat(delay).isPositive().isLessThanOrEqualTo(Duration.ofHours(5));
            }
            if (f.kind().equals("LATE")) {
                assertThat(delay.toMillis()).isEqualTo(Math.round(f.delaySeconds() * 1000));
                assertThat(delay).isGreaterThanOrEqualTo(Duration.ofMinutes(2))
                        .isLessThanOrEqualTo(Duration.ofHours(12));
                boolean tooLate = delay.compareTo(Duration.ofHours(6)) > 0;
                assertThat(f.expected()).isEqualTo(tooLate ? "TOO_LATE" : "ACCEPTED_LATE");
                beyondLateness += tooLate ? 1 : 0;
            }
        }
        assertThat(beyondLateness).isPositive();
        // The stream is still ordered by send time.
        for (int i = 1; i < faulty.emissions().size(); i++) {
            assertThat(faulty.emissions().get(i).sendAt()).isAfterOrEqualTo(faulty.emissions().get(i - 1).sendAt());
        }
    }

    @Test
    void shouldNeverCreateTheCaseOfAnOrphanEvent() {
        Set<String> created = new HashSet<>();
        for (Emission e : faulty.emissions()) {
            if (Runs.isOpening(e.line()) && validator.validate(e.line()) instanceof Validation.Accepted a
                    && a.event().caseId() != null) {
                created.add(a.event().caseId());
            }
        }
        List<FaultRecord> orphans = faulty.faults().stream().filter(f -> f.kind().equals("ORPHAN_CASE_EVENT")).toList();
        assertThat(orphans).isNotEmpty();
        for (FaultRecord f : orphans) {
            CivicEvent orphan = Runs.decode(f.line());
            assertThat(orphan.type().isCaseFollowUp()).isTrue();
            assertThat(created).doesNotContain(orphan.caseId());
        }
    }

    @Test
    void shouldAcceptUnknownStreetsWithAWarning() {
        List<FaultRecord> streets = faulty.faults().stream().filter(f -> f.kind().equals("UNKNOWN_STREET")).toList();
        assertThat(streets).isNotEmpty();
        for (FaultRecord f : streets) {
            Validation.Accepted a = (Validation.Accepted) validator.validate(f.line());
            assertThat(a.warnings()).singleElement().asString().startsWith("UNKNOWN_STREET:");
            assertThat(a.event().street()).isNull();
        }
    }

    @Test
    void shouldLeaveTheCleanEventsUnchangedWhenFaultsAreOn() {
        Set<String> faultyLines = new HashSet<>(faulty.lines());
        Set<String> modified = new HashSet<>();
        for (FaultRecord f : faulty.faults()) {
            if (f.kind().equals("UNKNOWN_STREET")) {
                modified.add(f.id());
            }
        }
        // A late or out-of-order event may be pushed past the end of the range (at most 12 h).
        Instant delayable = TO.minus(Duration.ofHours(12));
        for (Emission e : clean.emissions()) {
            CivicEvent event = Runs.decode(e.line());
            if (!modified.contains(event.id()) && event.occurredAt().isBefore(delayable)) {
                assertThat(faultyLines).as(e.line()).contains(e.line());
            }
        }
    }

    private Emission emission(FaultRecord f) {
        if (emissionByLine.isEmpty()) {
            faulty.emissions().forEach(e -> emissionByLine.putIfAbsent(e.sendAt() + "|" + e.line(), e));
        }
        return emissionByLine.get(f.sendAt() + "|" + f.line());
    }

    private static Map<String, List<Emission>> byId(List<Emission> emissions) {
        Map<String, List<Emission>> out = new HashMap<>();
        for (Emission e : emissions) {
            try {
                com.fasterxml.jackson.databind.JsonNode node = Runs.CODEC.mapper().readTree(e.line());
                if (node != null && node.isObject() && node.hasNonNull("id")) {
                    out.computeIfAbsent(node.get("id").asText(), k -> new ArrayList<>()).add(e);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                // a malformed line has no id
            }
        }
        return out;
    }
}
