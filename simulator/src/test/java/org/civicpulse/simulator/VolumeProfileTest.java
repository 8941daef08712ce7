package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Channel;
import org.civicpulse.contract.CivicEvent;
import org.civicpulse.contract.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seeded statistical checks of one week at half of Beijing's scale (Monday 12 to Sunday 18
 * October 2026: outside the heating and rainy seasons) against the levels, profile, weights and
 * mix written below, which come from the domain notes, not from the simulator's own tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolumeProfileTest {
    private static final Instant WEEK_START = Runs.midnight(2026, 10, 12);
    private static final Instant WEEK_END = Runs.midnight(2026, 10, 19);
    private static final double SCALE = 0.5;
    /** The configured levels: dispatched hotline tickets and spot checks a day, at scale 1. */
    private static final double HOTLINE_PER_DAY = 25_000;
    private static final double CHECKS_PER_DAY = 3_000;

    /** volumes.md §3: shares of daily hotline intake by hour, percent (00–06 is 3 % in all). */
    private static final double[] HOTLINE_HOURS = {
        0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1.5, 3, 6, 8.5, 9, 8, 5.5, 6.5, 8, 7.5, 7, 6, 4.5, 4, 3.5, 3, 3, 2.5};
    /** Day-of-week factors, Monday first. */
    private static final double[] HOTLINE_WEEK = {1.04, 1.03, 1.02, 1.02, 1.00, 0.95, 0.94};
    private static final double[] GRID_WEEK = {1.10, 1.10, 1.10, 1.10, 1.10, 0.75, 0.75};
    private static final double[] INSPECTION_WEEK = {1.20, 1.20, 1.20, 1.20, 1.20, 0.50, 0.50};
    /** 2020 census residents in 10,000s (districts.csv). */
    private static final Map<String, Double> POPULATION = Map.ofEntries(
            Map.entry("110101", 70.9), Map.entry("110102", 110.6), Map.entry("110105", 345.2),
            Map.entry("110106", 202.0), Map.entry("110107", 56.8), Map.entry("110108", 313.3),
            Map.entry("110109", 39.3), Map.entry("110111", 131.3), Map.entry("110112", 184.0),
            Map.entry("110113", 132.4), Map.entry("110114", 226.9), Map.entry("110115", 199.4),
            Map.entry("110116", 44.1), Map.entry("110117", 45.7), Map.entry("110118", 52.8),
            Map.entry("110119", 34.6));
    /** Grid patrol intensity by zone: core 1, central 0.75, plain new towns 0.5, ecological 0.35. */
    private static final Map<String, Double> GRID_INTENSITY = Map.ofEntries(
            Map.entry("110101", 1.0), Map.entry("110102", 1.0), Map.entry("110105", 0.75),
            Map.entry("110106", 0.75), Map.entry("110107", 0.75), Map.entry("110108", 0.75),
            Map.entry("110111", 0.5), Map.entry("110112", 0.5), Map.entry("110113", 0.5),
            Map.entry("110114", 0.5), Map.entry("110115", 0.5), Map.entry("110109", 0.35),
            Map.entry("110116", 0.35), Map.entry("110117", 0.35), Map.entry("110118", 0.35),
            Map.entry("110119", 0.35));
    /** The configured HOTLINE mix in October: no heating, waterlogging at a tenth of its season weight. */
    private static final Map<String, Double> HOTLINE_MIX_OCTOBER = Map.ofEntries(
            Map.entry("PROPERTY_MGMT", 12.0), Map.entry("OTHER", 15.0), Map.entry("NOISE", 9.0),
            Map.entry("CONSTRUCTION_DISTURBANCE", 7.0), Map.entry("ILLEGAL_PARKING_MOTOR", 6.0),
            Map.entry("PARKING_ORDER", 6.0), Map.entry("ENV_SANITATION", 5.0), Map.entry("ROAD_DAMAGE", 4.0),
            Map.entry("PUBLIC_FACILITY_DAMAGE", 4.0), Map.entry("UTILITY_OUTAGE", 4.0),
            Map.entry("GARBAGE_SORTING", 3.0), Map.entry("ILLEGAL_CONSTRUCTION", 3.0),
            Map.entry("CATERING_FUMES", 3.0), Map.entry("STREET_VENDING", 2.5),
            Map.entry("ILLEGAL_PARKING_NONMOTOR", 2.0), Map.entry("UNCIVIL_DOG", 2.0), Map.entry("GREENING", 2.0),
            Map.entry("PILED_MATERIALS", 1.5), Map.entry("ILLEGAL_SMALL_STRUCTURE", 1.5),
            Map.entry("SHOPFRONT_DIRTY", 1.0), Map.entry("ZOMBIE_VEHICLE", 1.0),
            Map.entry("PRIVATE_GROUND_LOCK", 1.0), Map.entry("ILLEGAL_SMALL_ADS", 0.5),
            Map.entry("OUTDOOR_ADS_SIGNS", 0.5), Map.entry("FRONTAGE_DUTY", 0.5),
            Map.entry("RED_LIGHT_WRONG_WAY", 0.3), Map.entry("STREET_HANGING", 0.3),
            Map.entry("HEATING", 0.0), Map.entry("WATERLOGGING", 0.25));
    private static final Map<String, Double> GRID_MIX_OCTOBER = Map.ofEntries(
            Map.entry("ILLEGAL_SMALL_ADS", 16.0), Map.entry("ENV_SANITATION", 14.0),
            Map.entry("PILED_MATERIALS", 10.0), Map.entry("STREET_VENDING", 9.0),
            Map.entry("ILLEGAL_PARKING_NONMOTOR", 8.0), Map.entry("ILLEGAL_PARKING_MOTOR", 6.0),
            Map.entry("SHOPFRONT_DIRTY", 6.0), Map.entry("GARBAGE_SORTING", 5.0),
            Map.entry("OUTDOOR_ADS_SIGNS", 4.0), Map.entry("FRONTAGE_DUTY", 4.0),
            Map.entry("PUBLIC_FACILITY_DAMAGE", 3.0), Map.entry("ILLEGAL_SMALL_STRUCTURE", 2.0),
            Map.entry("STREET_HANGING", 2.0), Map.entry("CATERING_FUMES", 2.0), Map.entry("ROAD_DAMAGE", 2.0),
            Map.entry("GREENING", 2.0), Map.entry("ZOMBIE_VEHICLE", 1.5), Map.entry("PRIVATE_GROUND_LOCK", 1.5),
            Map.entry("ILLEGAL_CONSTRUCTION", 1.0), Map.entry("PARKING_ORDER", 1.0), Map.entry("UNCIVIL_DOG", 1.0),
            Map.entry("RED_LIGHT_WRONG_WAY", 0.5), Map.entry("WATERLOGGING", 0.15));

    private final Map<Source, List<CivicEvent>> opened = new HashMap<>();

    @BeforeAll
    void generateAWeek() {
        SimulatorConfig config = SimulatorConfig.defaults().withScale(SCALE).withFaults(FaultRates.none());
        for (Source s : Source.values()) {
            opened.put(s, new ArrayList<>());
        }
        try (EmissionStream stream = new Simulator(Runs.CATALOGUE, config).emissions(WEEK_START, WEEK_END)) {
            while (stream.hasNext()) {
                String line = stream.next().line();
                if (Runs.isOpening(line)) {
                    CivicEvent e = Runs.decode(line);
                    opened.get(e.source()).add(e);
                }
            }
        }
    }

    @Test
    void shouldKeepEachDaysHotlineVolumeWithinFivePercentOfTheConfiguredLevel() {
        Map<LocalDate, Long> perDay = countBy(opened.get(Source.HOTLINE), e -> day(e).toString()).entrySet().stream()
                .collect(Collectors.toMap(en -> LocalDate.parse(en.getKey()), Map.Entry::getValue));
        assertThat(perDay).hasSize(7);
        perDay.forEach((day, n) -> {
            double expected = SCALE * HOTLINE_PER_DAY * HOTLINE_WEEK[day.getDayOfWeek().getValue() - 1];
            assertThat((double) n).as("HOTLINE on " + day).isCloseTo(expected, within(0.05 * expected));
        });
        double mean = perDay.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(mean).isCloseTo(SCALE * HOTLINE_PER_DAY, within(0.05 * SCALE * HOTLINE_PER_DAY));
    }

    @Test
    void shouldKeepGridAndInspectionVolumesWithinFivePercentOfTheConfiguredLevel() {
        // GRID: Xicheng's ~700 a day per 1.1 million residents, scaled by each zone's intensity.
        double grid = 0;
        for (Map.Entry<String, Double> d : POPULATION.entrySet()) {
            grid += d.getValue() / 100 * (700 / 1.1) * GRID_INTENSITY.get(d.getKey());
        }
        assertThat(grid).isBetween(8_000.0, 9_500.0);
        grid *= SCALE;
        for (Map.Entry<String, Long> day : countBy(opened.get(Source.GRID), e -> day(e).toString()).entrySet()) {
            double expected = grid * GRID_WEEK[LocalDate.parse(day.getKey()).getDayOfWeek().getValue() - 1];
            assertThat((double) day.getValue()).as("GRID on " + day.getKey())
                    .isCloseTo(expected, within(0.05 * expected));
        }
        // A few hundred checks a day are too few for ±5 % each day: the week's total is held to it.
        double checks = 0;
        for (LocalDate d = day(WEEK_START); d.isBefore(day(WEEK_END)); d = d.plusDays(1)) {
            checks += SCALE * CHECKS_PER_DAY * INSPECTION_WEEK[d.getDayOfWeek().getValue() - 1];
        }
        assertThat((double) opened.get(Source.INSPECTION).size()).isCloseTo(checks, within(0.05 * checks));
    }

    @Test
    void shouldKeepEachHoursShareWithinOneAndAHalfPointsOfTheProfile() {
        List<CivicEvent> hotline = opened.get(Source.HOTLINE);
        Map<String, Long> perHour = countBy(hotline, e -> Integer.toString(local(e).getHour()));
        for (int h = 0; h < 24; h++) {
            double share = 100.0 * perHour.getOrDefault(Integer.toString(h), 0L) / hotline.size();
            assertThat(share).as("hour " + h).isCloseTo(HOTLINE_HOURS[h], within(1.5));
        }
    }

    @Test
    void shouldReportGridProblemsOnlyDuringPatrolShiftsAndChecksInOfficeHours() {
        assertThat(opened.get(Source.GRID)).allSatisfy(e -> assertThat(local(e).getHour()).isBetween(7, 18));
        assertThat(opened.get(Source.INSPECTION)).allSatisfy(e -> assertThat(local(e).getHour()).isBetween(8, 17));
        long morning = opened.get(Source.GRID).stream().filter(e -> local(e).getHour() >= 8 && local(e).getHour() < 12)
                .count();
        assertThat((double) morning / opened.get(Source.GRID).size()).isGreaterThan(0.4);
    }

    @Test
    void shouldKeepEachDistrictsShareWithinTwoPointsOfItsPopulationWeight() {
        double total = POPULATION.values().stream().mapToDouble(Double::doubleValue).sum();
        List<CivicEvent> hotline = opened.get(Source.HOTLINE);
        Map<String, Long> perDistrict = countBy(hotline, CivicEvent::district);
        assertThat(perDistrict.keySet()).containsExactlyInAnyOrderElementsOf(POPULATION.keySet());
        POPULATION.forEach((code, pop) -> assertThat(100.0 * perDistrict.get(code) / hotline.size())
                .as("district " + code).isCloseTo(100 * pop / total, within(2.0)));
    }

    @Test
    void shouldKeepTheCategoryMixWithinTwoPoints() {
        assertMix(opened.get(Source.HOTLINE), HOTLINE_MIX_OCTOBER);
        assertMix(opened.get(Source.GRID), GRID_MIX_OCTOBER);
        assertThat(opened.get(Source.HOTLINE)).noneMatch(e -> e.category().equals("HEATING"));
    }

    @Test
    void shouldLetGridFindOnlyProactiveCategoriesAndChecksCoverOnlyCheckedOnes() {
        Map<String, Catalogue.Category> categories = Runs.CATALOGUE.categories().stream()
                .collect(Collectors.toMap(Catalogue.Category::code, c -> c));
        assertThat(opened.get(Source.GRID)).allMatch(e -> categories.get(e.category()).gridProactive());
        assertThat(opened.get(Source.INSPECTION)).allMatch(e -> categories.get(e.category()).civCityCheck());
        // Street appearance dominates what grid workers find.
        long appearance = opened.get(Source.GRID).stream()
                .filter(e -> List.of("市容环境", "街面秩序").contains(categories.get(e.category()).group())).count();
        assertThat((double) appearance / opened.get(Source.GRID).size()).isGreaterThan(0.7);
    }

    @Test
    void shouldPassSpotChecksEightyFiveToNinetyFivePercentVaryingByDistrictAndStreet() {
        List<CivicEvent> checks = opened.get(Source.INSPECTION);
        double passRate = (double) checks.stream().filter(CivicEvent::passed).count() / checks.size();
        assertThat(passRate).isBetween(0.85, 0.95);
        Map<String, double[]> byDistrict = new HashMap<>();
        for (CivicEvent e : checks) {
            double[] c = byDistrict.computeIfAbsent(e.district(), k -> new double[2]);
            c[0] += e.passed() ? 1 : 0;
            c[1]++;
        }
        List<Double> rates = byDistrict.values().stream().map(c -> c[0] / c[1]).toList();
        assertThat(rates).allSatisfy(r -> assertThat(r).isBetween(0.78, 0.98));
        assertThat(rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isGreaterThan(0.02);
    }

    @Test
    void shouldDrawCountsOverdispersedAtDistrictAndStreetCategoryLevel() {
        List<CivicEvent> hotline = opened.get(Source.HOTLINE);
        // (day, street, category): a Poisson count has variance ≈ mean; these clump.
        Map<String, Map<String, Long>> cells = new HashMap<>();
        for (CivicEvent e : hotline) {
            cells.computeIfAbsent(e.district() + e.street() + e.category(), k -> new HashMap<>())
                    .merge(day(e).toString(), 1L, Long::sum);
        }
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Long> days : cells.values()) {
            double[] counts = new double[7];
            int i = 0;
            for (LocalDate d = day(WEEK_START); i < 7; d = d.plusDays(1), i++) {
                counts[i] = days.getOrDefault(d.toString(), 0L);
            }
            double mean = mean(counts);
            if (mean >= 3) {
                ratios.add(variance(counts, mean) / mean);
            }
        }
        assertThat(ratios).hasSizeGreaterThan(200);
        assertThat(ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isGreaterThan(1.5);
        // (day, district): the day's level of a district varies far more than Poisson noise.
        Map<String, Map<String, Long>> districts = new HashMap<>();
        for (CivicEvent e : hotline) {
            districts.computeIfAbsent(e.district(), k -> new HashMap<>()).merge(day(e).toString(), 1L, Long::sum);
        }
        List<Double> districtRatios = new ArrayList<>();
        for (Map<String, Long> days : districts.values()) {
            double[] counts = new double[7];
            int i = 0;
            for (LocalDate d = day(WEEK_START); i < 7; d = d.plusDays(1), i++) {
                counts[i] = days.get(d.toString()) / HOTLINE_WEEK[d.getDayOfWeek().getValue() - 1];
            }
            double mean = mean(counts);
            districtRatios.add(variance(counts, mean) / mean);
        }
        districtRatios.sort(Comparator.naturalOrder());
        assertThat(districtRatios.get(districtRatios.size() / 2)).isGreaterThan(2.0);
    }

    @Test
    void shouldHaveHighFrequencyPointsOnBusyStreets() {
        Map<String, Map<String, Long>> byStreet = new HashMap<>();
        for (Source s : List.of(Source.HOTLINE, Source.GRID)) {
            for (CivicEvent e : opened.get(s)) {
                if (e.address() != null) {
                    byStreet.computeIfAbsent(e.district() + "|" + e.street(), k -> new HashMap<>())
                            .merge(e.address(), 1L, Long::sum);
                }
            }
        }
        Map<String, Long> busiest = byStreet.values().stream()
                .max(Comparator.comparingLong(m -> m.values().stream().mapToLong(Long::longValue).sum()))
                .orElseThrow();
        long total = busiest.values().stream().mapToLong(Long::longValue).sum();
        long top = busiest.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(top).isGreaterThanOrEqualTo(30);
        assertThat((double) top / total).isGreaterThan(0.05);
        assertThat(busiest.values().stream().filter(n -> n == 1).count()).isGreaterThan(10);
        assertThat(busiest.keySet()).allMatch(a -> a.matches(".+·.+ \\d+号"));
    }

    @Test
    void shouldSkewNoiseFumesAndVendingToTheEvening() {
        List<CivicEvent> hotline = opened.get(Source.HOTLINE);
        double all = eveningShare(hotline);
        for (String category : List.of("NOISE", "CATERING_FUMES", "STREET_VENDING")) {
            double share = eveningShare(hotline.stream().filter(e -> e.category().equals(category)).toList());
            assertThat(share).as(category).isGreaterThan(1.5 * all);
        }
    }

    @Test
    void shouldSendPhoneCallsMostlyAndSomeEventsWithOnlyAnAddressOrOnlyCoordinates() {
        List<CivicEvent> hotline = opened.get(Source.HOTLINE);
        Map<String, Long> channels = countBy(hotline, e -> e.channel().name());
        assertThat(100.0 * channels.get("PHONE") / hotline.size()).isCloseTo(85, within(2.0));
        assertThat(channels.keySet()).containsExactlyInAnyOrder(
                List.of(Channel.values()).stream().map(Enum::name).toArray(String[]::new));
        assertThat(opened.get(Source.GRID)).allMatch(e -> e.channel() == null);
        assertThat(hotline).anyMatch(e -> e.address() != null && e.lat() == null);
        assertThat(hotline).anyMatch(e -> e.address() == null && e.lat() != null);
        assertThat(hotline).anyMatch(e -> e.address() != null && e.lat() != null);
        assertThat(hotline).allMatch(e -> e.address() != null || e.lat() != null);
        for (CivicEvent e : hotline) {
            if (e.lat() != null) {
                assertThat(e.lat()).isBetween(39.3, 41.2);
                assertThat(e.lon()).isBetween(115.3, 117.6);
                assertThat(Double.toString(e.lat()).length() - Double.toString(e.lat()).indexOf('.') - 1)
                        .isLessThanOrEqualTo(5);
            }
        }
    }

    @Test
    void shouldPlaceEveryProblemOnAStreetOfItsDistrictIncludingSomeSpecialZones() {
        for (Source s : Source.values()) {
            assertThat(opened.get(s)).allSatisfy(e -> assertThat(Runs.CATALOGUE.street(e.district(), e.street()))
                    .as(e.district() + " " + e.street()).isPresent());
        }
        long zones = opened.get(Source.HOTLINE).stream()
                .filter(e -> !Runs.CATALOGUE.street(e.district(), e.street()).orElseThrow().in343()).count();
        assertThat(zones).isPositive();
        assertThat((double) zones / opened.get(Source.HOTLINE).size()).isLessThan(0.02);
    }

    private static void assertMix(List<CivicEvent> events, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> counts = countBy(events, CivicEvent::category);
        weights.forEach((category, w) -> assertThat(100.0 * counts.getOrDefault(category, 0L) / events.size())
                .as(category).isCloseTo(100 * w / total, within(2.0)));
        assertThat(weights.keySet()).containsAll(counts.keySet());
    }

    private static double eveningShare(List<CivicEvent> events) {
        return (double) events.stream().filter(e -> local(e).getHour() >= 18).count() / events.size();
    }

    private static <T> Map<String, Long> countBy(List<T> items, java.util.function.Function<T, String> key) {
        return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static LocalDateTime local(CivicEvent e) {
        return LocalDateTime.ofInstant(e.occurredAt(), Runs.BEIJING);
    }

    private static LocalDate day(CivicEvent e) {
        return local(e).toLocalDate();
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, Runs.BEIJING);
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double variance(double[] xs, double mean) {
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return s / (xs.length - 1);
    }
}
