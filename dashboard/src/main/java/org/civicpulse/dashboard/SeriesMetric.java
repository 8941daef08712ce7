package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicpulse.contract.MetricCounter;

/**
 * The metrics {@code GET /api/v1/timeseries} can draw — the whitelist: a name is turned into
 * columns only through this table. Each computes its value from the counter sums of a bucket.
 */
final class SeriesMetric {
    /** A metric's value from the counter sums (or gauge values) of one bucket. */
    interface Value {
        Double of(JsonNode sums, ScopeViews views);
    }

    record Definition(String name, boolean gauge, Value value) {
    }

    static final Map<String, Definition> ALL;

    static {
        Map<String, Definition> all = Arrays.stream(MetricCounter.values())
                .filter(c -> c.kind() == MetricCounter.Kind.WINDOWED)
                .map(c -> new Definition(c.column(), false, (s, v) -> (double) n(s, c.column())))
                .collect(Collectors.toMap(Definition::name, Function.identity()));
        put(all, "created", false, (s, v) -> (double) (n(s, "created_hotline")
                + n(s, "created_grid") + n(s, "created_inspection")));
        put(all, "response_rate", false, (s, v) -> ScopeViews.ratio(n(s, "response_on_time"),
                n(s, "response_decisions")));
        put(all, "resolution_rate", false, (s, v) -> ScopeViews.ratio(n(s, "ratings_resolved"),
                n(s, "ratings")));
        put(all, "satisfaction_rate", false, (s, v) -> v.satisfaction(n(s, "ratings_satisfied"),
                n(s, "ratings_basic"), n(s, "ratings")));
        put(all, "composite", false, (s, v) -> v.composite(n(s, "response_on_time"), n(s, "response_decisions"),
                n(s, "ratings_resolved"), n(s, "ratings_satisfied"), n(s, "ratings_basic"), n(s, "ratings")));
        put(all, "spot_check_pass_rate", false, (s, v) -> ScopeViews.ratio(n(s, "checks_passed"),
                n(s, "checks")));
        put(all, "proactive_share", false, (s, v) -> {
            long proactive = n(s, "created_grid") + n(s, "created_inspection");
            return ScopeViews.ratio(proactive, proactive + n(s, "created_hotline"));
        });
        for (String gauge : new String[] {"open", "overdue", "about_to_breach"}) {
            put(all, gauge, true, (s, v) -> s == null ? null : (double) n(s, gauge));
        }
        ALL = Map.copyOf(all);
    }

    private SeriesMetric() {
    }

    private static void put(Map<String, Definition> all, String name, boolean gauge, Value value) {
        all.put(name, new Definition(name, gauge, value));
    }

    static long n(JsonNode sums, String column) {
        return sums == null ? 0 : sums.path(column).asLong();
    }
}
