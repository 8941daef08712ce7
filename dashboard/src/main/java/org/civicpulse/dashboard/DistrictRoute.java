package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import org.civicpulse.storage.SqlLiteral;

/**
 * {@code GET /api/v1/districts/{code}}: one district's live figures, streets, categories and alerts
 * from the live state, and its handling units, top points and watch-list from ClickHouse.
 */
final class DistrictRoute {
    private static final int TOP_POINTS = 10;
    private final RouteDependencies d;
    private final LiveState state;

    DistrictRoute(RouteDependencies dependencies) {
        this.d = dependencies;
        this.state = dependencies.state();
    }

    void handle(RoutingContext ctx) {
        String code = ctx.pathParam("code");
        if (code == null || !code.matches("\\d{6}")) {
            throw new ApiError(400, "A district code has six digits, e.g. 110101");
        }
        if (d.catalogue().district(code).isEmpty()) {
            throw new ApiError(404, "No such district");
        }
        boolean whole = Auth.principal(ctx).isOperator();
        JsonObject live = live(code, whole);
        Instant at = d.now().get();
        Blocking.reply(d.vertx(), ctx, () -> live
                .put("units", units(d.queries().units(code, at)))
                .put("topPoints", points(d.queries().topPoints(code,
                        LocalDate.ofInstant(at, SqlLiteral.ZONE), TOP_POINTS), whole))
                .put("watchlist", watchlist(d.queries().watchlist(code), whole)));
    }

    private JsonObject live(String code, boolean whole) {
        JsonArray streets = new JsonArray();
        state.scopes("street:" + code + ":").forEach(s -> streets.add(state.view(s)));
        JsonArray categories = new JsonArray();
        state.scopes("district-category:" + code + ":").forEach(s -> categories.add(state.view(s)));
        JsonArray alerts = new JsonArray();
        state.alerts().stream().filter(a -> code.equals(a.district()) && a.active())
                .forEach(a -> alerts.add(d.alertViews().toJson(a, whole)));
        return new JsonObject().put("district", state.view("district:" + code))
                .put("streets", streets).put("categories", categories).put("alerts", alerts);
    }

    private static JsonArray units(Iterable<JsonNode> rows) {
        JsonArray out = new JsonArray();
        rows.forEach(r -> out.add(new JsonObject().put("unit", r.path("unit").asText())
                .put("open", r.path("open").asLong()).put("overdue", r.path("overdue").asLong())
                .put("aboutToBreach", r.path("about_to_breach").asLong())));
        return out;
    }

    private static JsonArray points(Iterable<JsonNode> rows, boolean whole) {
        JsonArray out = new JsonArray();
        rows.forEach(r -> out.add(new JsonObject().put("point", point(r, whole))
                .put("street", r.path("street").asText())
                .put("problems", r.path("problems").asLong())
                .put("failedChecks", r.path("failed_checks").asLong())));
        return out;
    }

    private static JsonArray watchlist(Iterable<JsonNode> rows, boolean whole) {
        JsonArray out = new JsonArray();
        rows.forEach(r -> out.add(new JsonObject().put("point", point(r, whole))
                .put("street", r.path("street").asText())
                .put("enteredOn", r.path("entered_on").asText())
                .put("problems30d", r.path("problems_30d").asLong())
                .put("failedChecks30d", r.path("failed_checks_30d").asLong())));
        return out;
    }

    private static String point(JsonNode row, boolean whole) {
        String point = row.path("point").asText();
        return whole ? point : HouseNumbers.strip(point);
    }
}
