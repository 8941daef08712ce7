package org.civicpulse.dashboard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a ClickHouse-backed reply off the event loop; a backend failure is a 503, a bad request its 4xx. */
final class Blocking {
    private static final Logger LOG = LoggerFactory.getLogger(Blocking.class);

    private Blocking() {
    }

    static void reply(Vertx vertx, RoutingContext ctx, Callable<JsonObject> body) {
        vertx.executeBlocking(body, false)
                .onSuccess(json -> Replies.json(ctx, 200, json))
                .onFailure(e -> {
                    if (e instanceof ApiError apiError) {
                        Replies.error(ctx, apiError.status(), apiError.getMessage());
                        return;
                    }
                    // The detail (it may quote SQL) goes to the log, not to the client.
                    LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.normalizedPath(),
                            Replies.describe(e));
                    Replies.error(ctx, 503, "ClickHouse is not answering; try again shortly");
                });
    }
}
