package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Satisfaction;
import org.civicpulse.contract.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Case lifecycles over 28 days of November 2026 (heating season) at 4 % scale, without data
 * faults: every case of the first days runs its whole course, so the invariants and the shares
 * of late, reopened and rated cases can be checked against SPEC §4's limits written here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTest {
    private static final Instant FROM = Runs.midnight(2026, 11, 1);
    private static final Instant TO = Runs.midnight(2026, 11, 29);
    /** Cases created before this have had 27 days to finish inside the range. */
    private static final Instant FINISHED_BEFORE = Runs.midnight(2026, 11, 2);
    private static final Duration URGENT = Duration.ofHours(2);
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration WEEK = Duration.ofDays(7);

    private List<Emission> emissions;
    private final Map<String, List<CivicEvent>> cases = new LinkedHashMap<>();
    private final List<CivicEvent> passedChecks = new ArrayList<>();

    @BeforeAll
    void generate() {
        SimulatorConfig config = SimulatorConfig.defaults().withScale(0.04).withFaults(FaultRates.none())
                .withLifecycle(0.01, 0.05, 0.03, 0);
        emissions = Runs.run(config, FROM, TO).emissions();
        for (Emission e : emissions) {
            CivicEvent event = Runs.decode(e.line());
            if (event.caseId() == null) {
                passedChecks.add(event);
            } else {
                cases.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event);
            }
        }
    }

    @Test
    void shouldEmitInSendOrderAtEachEventsOwnTimeWithoutFaults() {
        for (int i = 1; i < emissions.size(); i++) {
            assertThat(emissions.get(i).sendAt()).isAfterOrEqualTo(emissions.get(i - 1).sendAt());
        }
        assertThat(emissions).allSatisfy(e -> assertThat(Runs.decode(e.line()).occurredAt()).isEqualTo(e.sendAt()));
        assertThat(emissions).allSatisfy(e -> {
            CivicEvent event = Runs.decode(e.line());
            assertThat(e.topicSource()).isEqualTo(event.source().name());
            assertThat(e.key()).isEqualTo(event.key());
        });
    }

    @Test
    void shouldNeverPlaceAStepBeforeItsOpeningEvent() {
        for (List<CivicEvent> events : cases.values()) {
            CivicEvent first = events.get(0);
            assertThat(first.type()).isIn(EventType.CREATED, EventType.CHECKED);
            for (CivicEvent e : events.subList(1, events.size())) {
                assertThat(e.occurredAt()).isAfter(first.occurredAt());
                assertThat(e.type()).isNotIn(EventType.CREATED, EventType.CHECKED);
            }
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).occurredAt()).isAfterOrEqualTo(events.get(i - 1).occurredAt());
            }
        }
    }

    @Test
    void shouldFollowTheStepsOfItsSourceAndRateOnlyHotlineCases() {
        Map<Source, List<String>> lifecycles = Map.of(
                Source.HOTLINE, List.of("CREATED DISPATCHED RESPONDED RESOLVED RATED CLOSED",
                        "CREATED DISPATCHED RESPONDED RESOLVED RATED REOPENED RESOLVED RATED CLOSED"),
                Source.GRID, List.of("CREATED DISPATCHED RESPONDED RESOLVED CLOSED",
                        "CREATED DISPATCHED RESPONDED RESOLVED REOPENED RESOLVED CLOSED"),
                Source.INSPECTION, List.of("CHECKED DISPATCHED RESPONDED RESOLVED CLOSED",
                        "CHECKED DISPATCHED RESPONDED RESOLVED REOPENED RESOLVED CLOSED"));
        for (List<CivicEvent> events : cases.values()) {
            Source source = events.get(0).source();
            String steps = String.join(" ", events.stream().map(e -> e.type().name()).toList());
            List<String> full = lifecycles.get(source);
            if (events.get(0).occurredAt().isBefore(FINISHED_BEFORE)) {
                assertThat(full).as(events.get(0).caseId()).contains(steps);
            } else {
                // A case opened late in the range is cut off at its end, after any of its steps.
                assertThat(full).as(events.get(0).caseId()).anyMatch(f -> (f + " ").startsWith(steps + " "));
            }
            assertThat(events).allMatch(e -> e.source() == source);
            if (source != Source.HOTLINE) {
                assertThat(events).noneMatch(e -> e.type() == EventType.RATED);
            }
        }
    }

    @Test
    void shouldCloseEveryCaseOfAFinishedDay() {
        List<List<CivicEvent>> finished = cases.values().stream()
                .filter(events -> events.get(0).occurredAt().isBefore(FINISHED_BEFORE)).toList();
        assertThat(finished).hasSizeGreaterThan(1000);
        assertThat(finished).allSatisfy(events -> assertThat(events.get(events.size() - 1).type())
                .as(events.get(0).caseId()).isEqualTo(EventType.CLOSED));
    }

    @Test
    void shouldLeaveTheConfiguredShareOpen() {
        SimulatorConfig config = SimulatorConfig.defaults().withScale(0.04).withFaults(FaultRates.none())
                .withVolumes(25_000, 0.0, 0).withLifecycle(0.01, 0.05, 0.03, 0.10);
        Map<String, List<EventType>> steps = new LinkedHashMap<>();
        for (Emission e : Runs.run(config, FROM, TO).emissions()) {
            CivicEvent event = Runs.decode(e.line());
            if (!event.occurredAt().isBefore(FINISHED_BEFORE) && event.type() == EventType.CREATED) {
                continue;
            }
            steps.computeIfAbsent(event.caseId(), k -> new ArrayList<>()).add(event.type());
        }
        List<List<EventType>> finished = steps.values().stream().filter(s -> s.get(0) == EventType.CREATED).toList();
        double open = (double) finished.stream().filter(s -> !s.contains(EventType.CLOSED)).count() / finished.size();
        assertThat(open).isCloseTo(0.10, within(0.03));
        assertThat(finished.stream().filter(s -> !s.contains(EventType.CLOSED)))
                .allSatisfy(s -> assertThat(s).doesNotContain(EventType.RESOLVED));
    }

    @Test
    void shouldRespondAndResolveMostlyWithinTheTimeLimitsOfSpecSection4() {
        int decided = 0;
        int respondedLate = 0;
        int resolvedLate = 0;
        int reopened = 0;
        for (List<CivicEvent> events : finishedCases(Source.HOTLINE, Source.GRID)) {
            CivicEvent created = events.get(0);
            String urgency = Runs.CATALOGUE.category(created.category()).orElseThrow().urgencyDefault();
            boolean urgent = created.urgent() != null ? created.urgent() : urgency.equals("urgent");
            Duration response = urgent ? URGENT : DAY;
            Duration resolution = urgent ? URGENT
                    : urgency.equals("urgent-if-no-heat") || urgency.equals("urgent-in-storm") ? DAY : WEEK;
            decided++;
            if (elapsed(created, first(events, EventType.RESPONDED)).compareTo(response) > 0) {
                respondedLate++;
            }
            if (elapsed(created, first(events, EventType.RESOLVED)).compareTo(resolution) > 0) {
                resolvedLate++;
            }
            if (events.stream().anyMatch(e -> e.type() == EventType.REOPENED)) {
                reopened++;
            }
        }
        assertThat(decided).isGreaterThan(1000);
        assertThat((double) respondedLate / decided).isCloseTo(0.01, within(0.01));
        assertThat((double) resolvedLate / decided).isCloseTo(0.05, within(0.02));
        assertThat((double) reopened / decided).isCloseTo(0.03, within(0.015));
    }

    @Test
    void shouldRateHotlineCasesAroundThePublishedCityRates() {
        int rated = 0;
        int resolved = 0;
        int satisfied = 0;
        for (List<CivicEvent> events : cases.values()) {
            if (events.get(0).source() != Source.HOTLINE) {
                continue;
            }
            CivicEvent latest = null;
            for (CivicEvent e : events) {
                if (e.type() == EventType.RATED) {
                    assertThat(e.resolved()).isNotNull();
                    assertThat(e.satisfaction()).isNotNull();
                    latest = e;
                }
            }
            if (latest != null) {
                rated++;
                resolved += latest.resolved() ? 1 : 0;
                satisfied += latest.satisfaction() != Satisfaction.DISSATISFIED ? 1 : 0;
            }
        }
        assertThat(rated).isGreaterThan(10_000);
        // Resolution 96.5–96.7 % and satisfaction about 97 % citywide in 2024 (kpis.md §3).
        assertThat((double) resolved / rated).isBetween(0.955, 0.98);
        assertThat((double) satisfied / rated).isBetween(0.955, 0.985);
    }

    @Test
    void shouldDispatchToTheStreetOfficeOrTheResponsibleCompany() {
        Map<String, Integer> heatingUnits = new LinkedHashMap<>();
        int gridToStreet = 0;
        int grid = 0;
        for (List<CivicEvent> events : cases.values()) {
            if (events.size() < 2) {
                continue;
            }
            CivicEvent created = events.get(0);
            String unit = events.get(1).unit();
            assertThat(events.get(1).type()).isEqualTo(EventType.DISPATCHED);
            assertThat(unit).isNotBlank();
            if (created.category().equals("HEATING")) {
                heatingUnits.merge(unit, 1, Integer::sum);
            }
            if (created.category().equals("UTILITY_OUTAGE")) {
                assertThat(unit).isIn("市自来水集团", "国网北京电力", "北京燃气集团");
                assertThat(created.urgent()).isTrue();
            }
            String office = created.street().endsWith("镇") || created.street().endsWith("乡")
                    ? created.street() + "政府" : created.street() + "办事处";
            if (created.source() == Source.INSPECTION) {
                assertThat(unit).startsWith(created.street());
            }
            if (created.source() == Source.GRID) {
                grid++;
                gridToStreet += unit.equals(office) || unit.startsWith(created.street()) ? 1 : 0;
            }
        }
        int heating = heatingUnits.values().stream().mapToInt(Integer::intValue).sum();
        // The heating season starts on 15 November: heating cases come from the second half of the month.
        assertThat(heating).isGreaterThan(500);
        assertThat((double) heatingUnits.getOrDefault("市热力集团", 0) / heating).isBetween(0.6, 0.8);
        assertThat((double) gridToStreet / grid).isGreaterThan(0.7);
    }

    @Test
    void shouldOpenCasesForSomeFailedChecksOnly() {
        assertThat(passedChecks).allMatch(e -> e.type() == EventType.CHECKED);
        long failedWithoutCase = passedChecks.stream().filter(e -> !e.passed()).count();
        long failedWithCase = cases.values().stream().filter(ev -> ev.get(0).type() == EventType.CHECKED).count();
        assertThat(cases.values().stream().filter(ev -> ev.get(0).type() == EventType.CHECKED))
                .allMatch(ev -> Boolean.FALSE.equals(ev.get(0).passed()));
        assertThat((double) failedWithCase / (failedWithCase + failedWithoutCase)).isCloseTo(0.6, within(0.1));
    }

    private List<List<CivicEvent>> finishedCases(Source... sources) {
        return cases.values().stream()
                .filter(ev -> List.of(sources).contains(ev.get(0).source()))
                .filter(ev -> ev.get(0).occurredAt().isBefore(FINISHED_BEFORE)).toList();
    }

    private static CivicEvent first(List<CivicEvent> events, EventType type) {
        return events.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    private static Duration elapsed(CivicEvent from, CivicEvent to) {
        return Duration.between(from.occurredAt(), to.occurredAt());
    }
}
