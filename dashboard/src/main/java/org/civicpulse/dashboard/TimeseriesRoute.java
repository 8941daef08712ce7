package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.civicpulse.contract.CityTime;
import org.civicpulse.storage.SqlLiteral;

/**
 * {@code GET /api/v1/timeseries}: a metric of one scope from ClickHouse, bucketed, with the same
 * period one week earlier and, where that history exists, month-on-month and year-on-year totals.
 */
final class TimeseriesRoute {
    static final int MAX_POINTS = 2_000;
    private static final int TARGET_POINTS = 500;
    private static final Duration MAX_RANGE = Duration.ofDays(400);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Set<String> STEPS = Set.of("1m", "5m", "15m", "1h", "1d");

    private final RouteDependencies d;

    TimeseriesRoute(RouteDependencies dependencies) {
        this.d = dependencies;
    }

    void handle(RoutingContext ctx) {
        Params p = new Params(ctx, d.views().catalogue());
        SeriesMetric.Definition metric = SeriesMetric.ALL.get(
                p.oneOf("metric", SeriesMetric.ALL.keySet(), "created"));
        String district = p.district("district");
        String scope = scope(district, p.street("street", district), p.category("category"));
        Instant to = p.time("to") == null ? d.now().get() : p.time("to");
        Instant from = p.time("from") == null ? to.minus(Duration.ofHours(24)) : p.time("from");
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new ApiError(400, "'from' must be before 'to', at most 400 days apart");
        }
        String stepLabel = p.oneOf("step", STEPS, null);
        DashboardQueries.Step step = stepLabel == null ? chooseStep(from, to)
                : DashboardQueries.Step.of(stepLabel);
        if (Duration.between(from, to).toSeconds() / step.seconds() > MAX_POINTS) {
            throw new ApiError(400, "That step gives more than " + MAX_POINTS + " points; choose a wider one");
        }
        Blocking.reply(d.vertx(), ctx, () -> series(metric, scope, step, from, to));
    }

    private JsonObject series(SeriesMetric.Definition metric, String scope,
            DashboardQueries.Step step, Instant from, Instant to) {
        Instant start = align(from, step);
        JsonArray points = points(metric, scope, step, start, to, Duration.ZERO);
        JsonArray lastWeek = points(metric, scope, step, start.minus(WEEK), to.minus(WEEK), WEEK);
        JsonObject out = new JsonObject().put("metric", metric.name()).put("scope", scope)
                .put("step", step.label()).put("from", CityTime.seconds(start))
                .put("to", CityTime.seconds(to)).put("points", points).put("lastWeek", lastWeek);
        if (metric.gauge()) {
            return out.put("total", null).put("previousWeekTotal", null)
                    .putNull("monthOnMonth").putNull("yearOnYear");
        }
        Double total = metric.value().of(totals(scope, step, start, to, Period.ZERO), d.views());
        return out.put("total", total)
                .put("previousWeekTotal", metric.value().of(totals(scope, step, start, to, Period.ofWeeks(1)),
                        d.views()))
                .put("monthOnMonth", change(metric, scope, step, start, to, Period.ofMonths(1), total))
                .put("yearOnYear", change(metric, scope, step, start, to, Period.ofYears(1), total));
    }

    /**
     * Counter sums over the range moved {@code back}: exactly [from, to) for steps under a day,
     * so "today so far" compares with the same hours a week earlier, not with that whole day;
     * whole days (those of the points) for a daily step.
     */
    private JsonNode totals(String scope, DashboardQueries.Step step, Instant from, Instant to, Period back) {
        Instant f = from.atZone(SqlLiteral.ZONE).minus(back).toInstant();
        Instant t = to.atZone(SqlLiteral.ZONE).minus(back).toInstant();
        if (step != DashboardQueries.Step.DAY) {
            return d.queries().rangeTotals(scope, f, t);
        }
        return d.queries().dayTotals(scope, LocalDate.ofInstant(f, SqlLiteral.ZONE),
                LocalDate.ofInstant(t.minusSeconds(1), SqlLiteral.ZONE));
    }

    private JsonArray points(SeriesMetric.Definition metric, String scope,
            DashboardQueries.Step step, Instant from, Instant to, Duration shift) {
        Map<Instant, JsonNode> rows = d.queries().series(scope, step, metric.gauge(), from, to);
        JsonArray out = new JsonArray();
        for (Instant t = from; t.isBefore(to); t = next(t, step)) {
            JsonNode sums = rows.get(t);
            out.add(new JsonObject().put("t", CityTime.seconds(t.plus(shift)))
                    .put("value", metric.gauge() && sums == null ? null
                            : metric.value().of(sums, d.views())));
        }
        return out;
    }

    // Null when the earlier period has no rows at all: no history, no comparison.
    private JsonObject change(SeriesMetric.Definition metric, String scope, DashboardQueries.Step step,
            Instant from, Instant to, Period back, Double current) {
        JsonNode earlier = totals(scope, step, from, to, back);
        if (earlier == null || earlier.path("panes").asLong() == 0) {
            return null;
        }
        Double previous = metric.value().of(earlier, d.views());
        Double change = previous == null || current == null || previous == 0 ? null
                : Math.round((current - previous) / previous * 10_000.0) / 10_000.0;
        return new JsonObject().put("previous", previous).put("change", change);
    }

    static DashboardQueries.Step chooseStep(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        for (DashboardQueries.Step step : DashboardQueries.Step.values()) {
            if (seconds / step.seconds() <= TARGET_POINTS) {
                return step;
            }
        }
        return DashboardQueries.Step.DAY;
    }

    private static String scope(String district, String street, String category) {
        if (street != null) {
            return "street:" + district + ":" + street;
        }
        if (district != null && category != null) {
            return "district-category:" + district + ":" + category;
        }
        if (district != null) {
            return "district:" + district;
        }
        return category != null ? "category:" + category : "city";
    }

    private static Instant align(Instant t, DashboardQueries.Step step) {
        if (step == DashboardQueries.Step.DAY) {
            return LocalDate.ofInstant(t, SqlLiteral.ZONE).atStartOfDay(SqlLiteral.ZONE).toInstant();
        }
        // Shanghai is a whole-hour offset with no DST, so epoch-aligned buckets are local-aligned.
        return Instant.ofEpochSecond(t.getEpochSecond() / step.seconds() * step.seconds());
    }

    private static Instant next(Instant t, DashboardQueries.Step step) {
        return t.plusSeconds(step.seconds());
    }
}
