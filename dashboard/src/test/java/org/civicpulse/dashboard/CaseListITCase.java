package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.JsonRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The case list on the real ClickHouse 18.16: every page, across
 * the day and week stretches the list tries first, equals the page of a plain sort of all cases
 * computed here; nothing older than the window, nothing counted twice.
 */
@ExtendWith(LocalServicesExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListITCase {
    private static final Instant NOW = Instant.parse("2026-11-20T04:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(60);
    private final List<TestCase> all = new ArrayList<>();
    private DashboardQueries queries;
    private ClickHouseDb reader;

    /** One case as the test knows it: its id, district, status, unit and creation time. */
    record TestCase(String id, String district, String status, String unit, Instant createdAt) {
    }

    @BeforeAll
    void fill(LocalServices services) {
        Settings s = services.isolated("caselist");
        // Hours back from NOW: inside the first day, the first week, the window, and beyond it;
        // some share a creation second, so the case_id tie-break matters.
        // Every limit is 72 h after creation: 71 and 72 h back are due within the next 2 h (72 exactly
        // now, not yet past), 73 h back is past its limit.
        long[] hoursBack = {0, 0, 1, 3, 5, 20, 23, 30, 47, 60, 71, 72, 73, 100, 150, 167, 200, 400, 700, 1000,
                1400, 1439, 1441, 2000, 5000};
        try (ClickHouseDb writer = ClickHouseDb.writer(s)) {
            StringBuilder rows = new StringBuilder();
            int n = 0;
            for (long h : hoursBack) {
                for (String district : List.of("110101", "110105")) {
                    String status = n % 8 == 7 ? "CLOSED" : "OPEN";
                    TestCase c = new TestCase(String.format("c-%03d", n), district, status, "unit-" + n % 3,
                            NOW.minus(Duration.ofHours(h)));
                    all.add(c);
                    // Two versions of each case: the older one always OPEN, so FINAL must pick the newer.
                    rows.append(row(c, "OPEN", 1)).append('\n').append(row(c, status, 2)).append('\n');
                    n++;
                }
            }
            writer.insertJsonEachRow("cases", rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        reader = ClickHouseDb.reader(s);
        queries = new DashboardQueries(reader, new ServerMetrics(), WINDOW);
    }

    @AfterAll
    void close() {
        reader.close();
    }

    @Test
    void shouldGiveEveryPageOfOpenCasesOfADistrictAsAPlainSortDoes() {
        List<String> expected = expected("110105", "open");
        assertThat(expected).hasSizeGreaterThan(10);
        for (int limit : new int[] {1, 2, 3, 5, 8, 50}) {
            for (int offset = 0; offset <= expected.size() + 1; offset++) {
                List<String> page = ids(queries.cases(filter("110105", "open"), NOW, limit, offset));
                List<String> want = expected.stream().skip(offset).limit(limit + 1L).toList();
                assertThat(page).as("limit %d offset %d", limit, offset).isEqualTo(want);
            }
        }
    }

    @Test
    void shouldListEveryStatusAcrossTheCityWithinTheWindowOnly() {
        List<String> page = ids(queries.cases(filter(null, "all"), NOW, 500, 0));
        assertThat(page).isEqualTo(expected(null, "all"));
        assertThat(page).doesNotHaveDuplicates()
                .noneMatch(id -> all.stream().anyMatch(c -> c.id().equals(id)
                        && c.createdAt().isBefore(NOW.minus(WINDOW))));
    }

    @Test
    void shouldListTheOverdueAndTheAboutToBreachCasesBehindTheSnapshotsNumbers() {
        for (String status : List.of("overdue", "aboutToBreach")) {
            List<String> expected = expected(null, status);
            assertThat(expected).as(status).isNotEmpty();
            assertThat(ids(queries.cases(filter(null, status), NOW, 500, 0))).as(status).isEqualTo(expected);
        }
        assertThat(all.stream().filter(c -> matches(c, "aboutToBreach")).map(TestCase::createdAt).distinct())
                .as("due now, and due in an hour").containsExactlyInAnyOrder(NOW.minus(Duration.ofHours(72)),
                        NOW.minus(Duration.ofHours(71)));
    }

    @Test
    void shouldPageWithinAGivenFromAndToAsAPlainSortDoes() {
        Instant from = NOW.minus(Duration.ofHours(300));
        Instant to = NOW.minus(Duration.ofHours(20));
        List<String> expected = expected("110105", "all").stream().filter(id -> all.stream().anyMatch(c ->
                c.id().equals(id) && !c.createdAt().isBefore(from) && c.createdAt().isBefore(to))).toList();
        assertThat(expected).hasSizeGreaterThan(4);
        for (int limit : new int[] {1, 2, 4}) {
            for (int offset = 0; offset <= expected.size(); offset++) {
                List<String> page = ids(queries.cases(new DashboardQueries.CaseFilter("110105", null, null, null, null,
                        "all", from, to), NOW, limit, offset));
                assertThat(page).as("limit %d offset %d", limit, offset)
                        .isEqualTo(expected.stream().skip(offset).limit(limit + 1L).toList());
            }
        }
    }

    private List<String> expected(String district, String status) {
        return all.stream()
                .filter(c -> district == null || c.district().equals(district))
                .filter(c -> matches(c, status))
                .filter(c -> !c.createdAt().isBefore(NOW.minus(WINDOW)))
                // Newest first at ClickHouse's second resolution, ties by case id.
                .sorted(Comparator.comparing((TestCase c) -> c.createdAt().getEpochSecond()).reversed()
                        .thenComparing(TestCase::id))
                .map(TestCase::id).toList();
    }

    /** SPEC §4: overdue = open and past its resolution limit; about to breach = open and due within 2 h. */
    private static boolean matches(TestCase c, String status) {
        Instant limit = c.createdAt().plus(Duration.ofHours(72));
        boolean open = c.status().equals("OPEN");
        return switch (status) {
            case "all" -> true;
            case "overdue" -> open && limit.isBefore(NOW);
            case "aboutToBreach" -> open && !limit.isBefore(NOW) && limit.isBefore(NOW.plus(Duration.ofHours(2)));
            default -> c.status().equalsIgnoreCase(status);
        };
    }

    private static DashboardQueries.CaseFilter filter(String district, String status) {
        return new DashboardQueries.CaseFilter(district, null, null, null, null, status, null, null);
    }

    private static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("case_id").asText()).toList();
    }

    private static String row(TestCase c, String status, long revision) {
        long created = c.createdAt().getEpochSecond();
        return new JsonRow().put("case_id", c.id()).put("source", "HOTLINE").put("district", c.district())
                .put("street", "street").put("category", "ILLEGAL_PARKING_MOTOR").put("unit", c.unit())
                .put("address", "").put("urgent", 0L).put("status", status).put("created_at", created)
                .put("response_limit_at", created + 7_200).put("resolution_limit_at", created + 3 * 86_400)
                .put("overdue", 0L).put("about_to_breach", 0L).put("ratings", 0L).put("last_satisfaction", "")
                .put("revision", revision).put("written_at", created).toString();
    }
}
