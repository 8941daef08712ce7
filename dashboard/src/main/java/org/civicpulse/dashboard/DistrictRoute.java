package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.civicpulse.storage.SqlLiteral;

/**
 * {@code GET /api/v1/districts/{code}}: one district's live figures, streets, categories, handling
 * units' backlog and alerts from the live state, and its top points and watch-list from ClickHouse.
 */
final class DistrictRoute {
    private static final int TOP_POINTS = 10;
    private static final int UNITS = 100;
    private static final Comparator<JsonObject> MOST_OPEN_FIRST = Comparator
            .comparingLong((JsonObject u) -> -u.getLong("open")).thenComparing(u -> u.getString("unit"));
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
                .put("streets", streets).put("categories", categories).put("units", units(code))
                .put("alerts", alerts);
    }

    /**
     * The handling units with open cases in the district, most first: the job keeps each unit's
     * backlog per district as gauges, so this is exact and costs the same whatever the history.
     */
    private JsonArray units(String code) {
        JsonArray out = new JsonArray();
        state.scopes("district-unit:" + code + ":").stream().map(state::view)
                .filter(v -> v.getLong("open") > 0)
                .map(v -> new JsonObject().put("unit", v.getString("name")).put("open", v.getLong("open"))
                        .put("overdue", v.getLong("overdue")).put("aboutToBreach", v.getLong("aboutToBreach")))
                .sorted(MOST_OPEN_FIRST).limit(UNITS).forEach(out::add);
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
