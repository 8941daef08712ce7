package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.EventType;
import org.civicpulse.contract.Source;
import org.civicpulse.simulator.GroundTruth.InjectionRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A drill's ground truth matches what it injected: the run with the drill minus the same run
 * without it is exactly the injected cases, and the truth names each one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioTest {
    private static final Path EXAMPLE = Path.of("../samples/drill-example.json");
    private static final Instant FROM = Runs.midnight(2026, 11, 20);
    private static final Instant TO = Runs.midnight(2026, 11, 21);
    private static final SimulatorConfig BASE = SimulatorConfig.defaults().withScale(0.05);

    private final ScenarioLoader loader = new ScenarioLoader(Runs.CATALOGUE);
    private Runs.Output without;
    private Runs.Output with;
    private Map<String, InjectionRecord> truth;

    @BeforeAll
    void runTheDrill() throws Exception {
        Scenario drill = loader.load(EXAMPLE);
        without = Runs.run(BASE, FROM, TO);
        with = Runs.run(BASE.withScenario(drill), FROM, TO);
        truth = with.injections().stream().collect(Collectors.toMap(InjectionRecord::id, r -> r));
    }

    @Test
    void shouldLoadTheExampleScenario() throws Exception {
        Scenario drill = loader.load(EXAMPLE);
        assertThat(drill.name()).isEqualTo("drill-example");
        assertThat(drill.hotspots()).hasSize(2);
        assertThat(drill.hotspots().get(1).source()).isEqualTo(Source.GRID);
        assertThat(drill.hotspots().get(1).multiplier()).isEqualTo(8.0);
        assertThat(drill.incidents()).singleElement().satisfies(i -> {
            assertThat(i.category()).isEqualTo("HEATING");
            assertThat(i.unit()).isEqualTo("市热力集团");
            assertThat(i.start()).isEqualTo(Instant.parse("2026-11-19T22:30:00Z"));
        });
    }

    @Test
    void shouldLeaveTheNormalStreamUntouchedAndAddExactlyTheInjectedCases() {
        Map<String, Integer> added = multiset(with.lines());
        multiset(without.lines()).forEach((line, n) -> {
            assertThat(added.getOrDefault(line, 0)).as(line).isGreaterThanOrEqualTo(n);
            added.merge(line, -n, Integer::sum);
        });
        added.values().removeIf(n -> n == 0);
        Set<String> injectedCases = with.injections().stream().flatMap(r -> r.caseIds().stream())
                .collect(Collectors.toSet());
        Set<String> injectedIds = with.injections().stream().flatMap(r -> r.ids().stream()).collect(Collectors.toSet());
        Set<String> openingIds = new java.util.HashSet<>();
        for (String line : added.keySet()) {
            CivicEvent e = Runs.decode(line);
            assertThat(injectedCases).as(line).contains(e.caseId());
            if (e.type() == EventType.CREATED) {
                openingIds.add(e.id());
            }
        }
        assertThat(openingIds).isEqualTo(injectedIds);
        assertThat(with.faults()).isEqualTo(without.faults());
    }

    @Test
    void shouldInjectExactlyTheExtraCountWithinTheWindowOnTheNamedStreet() {
        InjectionRecord parking = truth.get("dongzhimen-parking");
        assertThat(parking.injected()).isEqualTo(40);
        assertThat(parking.complete()).isTrue();
        List<CivicEvent> created = created(parking);
        assertThat(created).hasSize(40).allSatisfy(e -> {
            assertThat(e.district()).isEqualTo("110101");
            assertThat(e.street()).isEqualTo("东直门街道");
            assertThat(e.category()).isEqualTo("ILLEGAL_PARKING_MOTOR");
            assertThat(e.source()).isEqualTo(Source.HOTLINE);
            assertThat(e.occurredAt()).isBetween(parking.start(), parking.end().minusMillis(1));
        });
        assertThat(parking.countsPerHour()).isEqualTo(perHour(created));
        assertThat(parking.countsPerHour().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
    }

    @Test
    void shouldSendADistrictsHeatingOutageToTheHeatingCompanyFrontLoaded() {
        InjectionRecord outage = truth.get("xicheng-heating");
        assertThat(outage.injected()).isEqualTo(300);
        assertThat(outage.kind()).isEqualTo("HEATING_OUTAGE");
        List<CivicEvent> created = created(outage);
        assertThat(created).allSatisfy(e -> {
            assertThat(e.district()).isEqualTo("110102");
            assertThat(e.category()).isEqualTo("HEATING");
        });
        assertThat(created.stream().map(CivicEvent::street).distinct().count()).isGreaterThan(5);
        Map<String, Integer> hours = perHour(created);
        assertThat(outage.countsPerHour()).isEqualTo(hours);
        // More calls in the first hour of the outage than in its last.
        assertThat(hours.get("2026-11-20T06:00+08:00") + hours.get("2026-11-20T07:00+08:00"))
                .isGreaterThan(hours.get("2026-11-20T11:00+08:00") + hours.get("2026-11-20T12:00+08:00"));
        Set<String> cases = new java.util.HashSet<>(outage.caseIds());
        List<String> units = Runs.events(with.lines()).stream()
                .filter(e -> cases.contains(e.caseId()) && e.type() == EventType.DISPATCHED)
                .map(CivicEvent::unit).distinct().toList();
        assertThat(units).containsExactly("市热力集团");
    }

    @Test
    void shouldRaiseTheStreetsRateByTheMultiplierAndConcentrateItAtThePoint() {
        InjectionRecord vending = truth.get("wangjing-vending");
        assertThat(vending.point()).isEqualTo("望京街道·阜通西大街 8号");
        assertThat(vending.multiplier()).isEqualTo(8.0);
        assertThat(created(vending)).hasSize(vending.injected());
        // At full scale: the extra problems are about (8 − 1) × the street's normal count in the window.
        Runs.Output big = Runs.run(SimulatorConfig.defaults().withFaults(FaultRates.none()).withScenario(
                new Scenario("big", List.of(new Scenario.Hotspot("v", "110105", "望京街道", vending.point(),
                        "STREET_VENDING", Source.GRID, vending.start(), 240, 8.0, null)), List.of())),
                vending.start(), vending.end());
        List<CivicEvent> opened = Runs.events(big.lines()).stream()
                .filter(e -> e.type() == EventType.CREATED && e.street().equals("望京街道")
                        && e.category().equals("STREET_VENDING") && e.source() == Source.GRID).toList();
        long normal = opened.stream().filter(e -> !e.caseId().contains("-Z")).count();
        List<CivicEvent> injected = opened.stream().filter(e -> e.caseId().contains("-Z")).toList();
        assertThat(injected).hasSize(big.injections().get(0).injected());
        assertThat(injected).hasSizeGreaterThan(3).allSatisfy(e -> {
            assertThat(e.address()).isEqualTo("望京街道·阜通西大街 8号");
            assertThat(e.occurredAt()).isBetween(vending.start(), vending.end());
        });
        assertThat(injected.size()).isBetween((int) (7 * normal * 0.3), (int) (7 * normal * 3) + 10);
    }

    @Test
    void shouldTakeTheStreetOfAPointOnlyHotspotFromItsAddress() {
        Scenario s = loader.parse("""
                {"hotspots": [{"district": "110105", "point": "望京街道·阜通西大街 8号", "category": "NOISE",
                  "start": "2026-11-20T21:00", "durationMinutes": 90, "multiplier": 5}]}""", "t");
        assertThat(s.hotspots()).singleElement().satisfies(h -> {
            assertThat(h.street()).isEqualTo("望京街道");
            assertThat(h.id()).isEqualTo("hotspots[0]");
            assertThat(h.start()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        });
    }

    @Test
    void shouldRejectAScenarioWithAClearMessageNamingTheItemAndField() {
        assertThatThrownBy(() -> loader.parse("""
                {"hotspots": [{"district": "110101", "street": "望京街道", "category": "NOISE",
                  "start": "2026-11-20T09:00:00+08:00", "durationMinutes": 60, "extraCount": 5}]}""", "t"))
                .hasMessageContaining("hotspots[0].street").hasMessageContaining("望京街道");
        assertThatThrownBy(() -> loader.parse("""
                {"hotspots": [{"district": "110101", "street": "东直门街道", "category": "NOISE",
                  "start": "2026-11-20T09:00:00+08:00", "durationMinutes": 60, "extraCount": 5, "multiplier": 2}]}""",
                "t")).hasMessageContaining("hotspots[0]").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> loader.parse("""
                {"incidents": [{"kind": "ALIENS", "district": "110101",
                  "start": "2026-11-20T09:00:00+08:00", "durationMinutes": 60, "extraCount": 5}]}""", "t"))
                .hasMessageContaining("incidents[0].category");
        assertThatThrownBy(() -> loader.parse("""
                {"incidents": [{"kind": "HEATING_OUTAGE", "district": "110101", "start": "yesterday",
                  "durationMinutes": 60, "extraCount": 5}]}""", "t"))
                .hasMessageContaining("incidents[0].start").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> loader.parse("""
                {"hotspots": [{"district": "110101", "street": "东直门街道", "category": "NOISE", "source": "GRID",
                  "start": "2026-11-20T09:00:00+08:00", "durationMinutes": 60, "extraCount": 5}]}""", "t"))
                .hasMessageContaining("grid_proactive");
        assertThatThrownBy(() -> loader.parse("""
                {"hotspot": []}""", "t")).hasMessageContaining("unknown field \"hotspot\"");
        assertThatThrownBy(() -> loader.parse("""
                {"incidents": [{"kind": "RAINSTORM", "district": "999999", "start": "2026-07-20",
                  "durationMinutes": 60, "extraCount": 5}]}""", "t")).hasMessageContaining("incidents[0].district");
    }

    private List<CivicEvent> created(InjectionRecord record) {
        Set<String> ids = Set.copyOf(record.ids());
        List<CivicEvent> out = new ArrayList<>();
        for (CivicEvent e : Runs.events(with.lines())) {
            if (e.type() == EventType.CREATED && ids.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Integer> perHour(List<CivicEvent> events) {
        Map<String, Integer> out = new HashMap<>();
        for (CivicEvent e : events) {
            LocalDateTime t = LocalDateTime.ofInstant(e.occurredAt(), Runs.BEIJING);
            out.merge(t.toLocalDate() + "T" + String.format("%02d", t.getHour()) + ":00+08:00", 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> multiset(List<String> lines) {
        Map<String, Integer> out = new HashMap<>();
        lines.forEach(l -> out.merge(l, 1, Integer::sum));
        return out;
    }
}
