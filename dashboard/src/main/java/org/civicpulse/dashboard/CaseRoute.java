package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.civicpulse.contract.CityTime;

/** {@code GET /api/v1/cases}: the cases behind a number, filtered and paged, newest first. */
final class CaseRoute {
    static final Set<String> STATUSES = Set.of("open", "overdue", "aboutToBreach", "resolved", "closed", "all");
    private static final Set<String> SOURCES = Set.of("HOTLINE", "GRID", "INSPECTION");
    private final RouteDependencies d;

    CaseRoute(RouteDependencies dependencies) {
        this.d = dependencies;
    }

    void handle(RoutingContext ctx) {
        Params p = new Params(ctx, d.catalogue());
        String district = p.district("district");
        DashboardQueries.CaseFilter filter = new DashboardQueries.CaseFilter(district,
                p.streetOfAnyDistrict("street", district), p.category("category"), p.text("unit"),
                p.oneOf("source", SOURCES, null), p.oneOf("status", STATUSES, "open"),
                p.time("from"), p.time("to"));
        int limit = p.integer("limit", 1, 500, 50);
        int offset = p.integer("offset", 0, 100_000, 0);
        boolean whole = Auth.principal(ctx).isOperator();
        Instant at = d.now().get();
        Blocking.reply(d.vertx(), ctx, () -> page(d.queries().cases(filter, at, limit, offset),
                limit, offset, whole, at));
    }

    private static JsonObject page(List<JsonNode> rows, int limit, int offset, boolean whole,
            Instant now) {
        JsonArray cases = new JsonArray();
        rows.stream().limit(limit).forEach(r -> cases.add(new JsonObject()
                .put("caseId", r.path("case_id").asText())
                .put("source", r.path("source").asText())
                .put("district", r.path("district").asText())
                .put("street", r.path("street").asText())
                .put("category", r.path("category").asText())
                .put("unit", r.path("unit").asText())
                .put("address", whole ? r.path("address").asText()
                        : HouseNumbers.strip(r.path("address").asText()))
                .put("urgent", r.path("urgent").asInt() == 1)
                .put("status", r.path("status").asText())
                .put("createdAt", time(r, "created_at"))
                .put("respondedAt", time(r, "responded_at"))
                .put("resolvedAt", time(r, "resolved_at"))
                .put("closedAt", time(r, "closed_at"))
                .put("responseLimitAt", time(r, "response_limit_at"))
                .put("resolutionLimitAt", time(r, "resolution_limit_at"))
                .put("overdue", isOverdue(r, now))
                .put("aboutToBreach", isAboutToBreach(r, now))
                .put("lastSatisfaction", r.path("last_satisfaction").asText())));
        return new JsonObject().put("cases", cases).put("limit", limit).put("offset", offset)
                .put("hasMore", rows.size() > limit);
    }

    private static boolean isOverdue(JsonNode r, Instant now) {
        return "OPEN".equals(r.path("status").asText())
                && DashboardQueries.parseTime(r.path("resolution_limit_at").asText()).isBefore(now);
    }

    private static boolean isAboutToBreach(JsonNode r, Instant now) {
        Instant limit = DashboardQueries.parseTime(r.path("resolution_limit_at").asText());
        return "OPEN".equals(r.path("status").asText()) && !limit.isBefore(now)
                && limit.isBefore(now.plusSeconds(7200));
    }

    static String time(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? null
                : CityTime.seconds(DashboardQueries.parseTime(value.asText()));
    }
}
