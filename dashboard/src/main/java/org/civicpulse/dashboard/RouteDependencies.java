package org.civicpulse.dashboard;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.function.Supplier;
import org.civicpulse.contract.Catalogue;

/**
 * What the REST routes read from, built once per HTTP verticle: ClickHouse (blocking, so run on
 * workers of {@code vertx}), the live state, the views of scopes and alerts, and "now" (the live
 * watermark when there is one).
 */
record RouteDependencies(Vertx vertx, DashboardQueries queries, LiveState state,
        AlertViews alertViews, ScopeViews views, Supplier<Instant> now) {

    Catalogue catalogue() {
        return views.catalogue();
    }
}
