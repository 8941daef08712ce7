package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civicpulse.storage.SqlLiteral;

/**
 * {@code GET /api/v1/ranking}: the 三率 composite (月评) by district, street or handling unit for
 * the day, the last 7 days or the calendar month, with spot-check pass rates.
 */
final class RankingRoute {
    private static final Set<String> BY = Set.of("district", "street", "unit");
    private static final Set<String> PERIODS = Set.of("day", "week", "month");
    private final RouteDependencies d;

    RankingRoute(RouteDependencies dependencies) {
        this.d = dependencies;
    }

    void handle(RoutingContext ctx) {
        Params p = new Params(ctx, d.views().catalogue());
        String by = p.oneOf("by", BY, "district");
        String period = p.oneOf("period", PERIODS, "month");
        String district = p.district("district");
        LocalDate today = LocalDate.ofInstant(d.now().get(), SqlLiteral.ZONE);
        LocalDate first = switch (period) {
            case "day" -> today;
            case "week" -> today.minusDays(6);
            default -> today.withDayOfMonth(1);
        };
        String prefix = "street".equals(by) && district != null ? "street:" + district + ":" : null;
        Blocking.reply(d.vertx(), ctx, () -> board(by, period, first, today,
                d.queries().scopeTotals(by, prefix, first, today)));
    }

    private JsonObject board(String by, String period, LocalDate first, LocalDate last,
            List<JsonNode> rows) {
        // Month: each case's latest rating within the month (the month_* counters, SPEC §4).
        String ratings = "month".equals(period) ? "month_" : "";
        List<JsonObject> out = new ArrayList<>();
        for (JsonNode r : rows) {
            String scope = r.path("scope").asText();
            long rated = SeriesMetric.n(r, ratings + "ratings");
            Double response = ScopeViews.ratio(SeriesMetric.n(r, "response_on_time"),
                    SeriesMetric.n(r, "response_decisions"));
            Double resolution = ScopeViews.ratio(SeriesMetric.n(r, ratings + "ratings_resolved"), rated);
            Double satisfaction = d.views().satisfaction(SeriesMetric.n(r, ratings + "ratings_satisfied"),
                    SeriesMetric.n(r, ratings + "ratings_basic"), rated);
            String[] parts = scope.split(":", 3);
            out.add(new JsonObject().put("scope", scope).put("name", name(parts))
                    .put("district", parts.length == 3 ? parts[1]
                            : "district".equals(parts[0]) ? parts[1] : null)
                    .put("response", response).put("resolution", resolution)
                    .put("satisfaction", satisfaction)
                    .put("composite", d.views().composite(SeriesMetric.n(r, "response_on_time"),
                            SeriesMetric.n(r, "response_decisions"), SeriesMetric.n(r, ratings + "ratings_resolved"),
                            SeriesMetric.n(r, ratings + "ratings_satisfied"), SeriesMetric.n(r, ratings + "ratings_basic"),
                            rated))
                    .put("responseDecisions", SeriesMetric.n(r, "response_decisions"))
                    .put("ratings", rated).put("spotChecks", SeriesMetric.n(r, "checks"))
                    .put("spotCheckPassRate", ScopeViews.ratio(SeriesMetric.n(r, "checks_passed"),
                            SeriesMetric.n(r, "checks")))
                    .put("cases", SeriesMetric.n(r, "created_hotline")));
        }
        out.sort(Comparator.comparing((JsonObject o) -> o.getDouble("composite"),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(o -> o.getString("scope")));
        JsonArray ranked = new JsonArray();
        for (int i = 0; i < out.size(); i++) {
            ranked.add(out.get(i).put("rank", i + 1));
        }
        return new JsonObject().put("by", by).put("period", period)
                .put("from", first.toString()).put("to", last.toString()).put("rows", ranked);
    }

    private String name(String[] parts) {
        return switch (parts[0]) {
            case "district" -> d.views().catalogue().district(parts[1])
                    .map(d -> d.nameZh()).orElse(parts[1]);
            case "street" -> parts.length == 3 ? parts[2] : parts[1];
            default -> parts.length > 1 ? String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length)) : parts[0];
        };
    }
}
