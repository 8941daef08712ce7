package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's HTTP server: the page, the REST API and {@code /health}. */
public final class HttpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
    static final String INDEX_PAGE = "web/index.html";
    static final String SIGN_IN_PAGE = "web/sign-in.html";

    private ClickHouseDb clickHouse;
    private EventQueries queries;
    private HealthChecks health;
    private HttpServer server;

    @Override
    public Future<?> start() {
        DashboardConfig config = DashboardConfig.fromJson(config());
        clickHouse = ClickHouseDb.reader(config.clickHouseSettings());
        queries = new EventQueries(clickHouse);
        health = new HealthChecks(vertx, config, clickHouse);
        Future<Buffer> index = vertx.fileSystem().readFile(INDEX_PAGE);
        Future<Buffer> signIn = vertx.fileSystem().readFile(SIGN_IN_PAGE);
        return Future.all(index, signIn)
                .compose(pages -> {
                    Auth auth = new Auth(config.token(),
                            new Sessions(Clock.systemUTC(), Sessions.DEFAULT_LIFETIME),
                            signIn.result());
                    return vertx.createHttpServer()
                            .requestHandler(router(auth, index.result()))
                            .listen(config.port(), config.host());
                })
                .recover(e -> release().transform(released -> Future.failedFuture(
                        new IllegalStateException("Cannot serve on " + config.host() + ":"
                                + config.port() + ": " + Replies.describe(e), e))))
                .onSuccess(s -> server = s);
    }

    @Override
    public Future<?> stop() {
        return release();
    }

    /** The port the server listens on (the real one when configured with port 0). */
    public int port() {
        return server.actualPort();
    }

    // Also called when start fails: Vert.x calls stop() only for a deployed verticle.
    private Future<Void> release() {
        Future<Void> closed = health == null ? Future.succeededFuture() : health.close();
        return closed.eventually(() -> vertx.executeBlocking(() -> {
            if (clickHouse != null) {
                clickHouse.close();
            }
            return null;
        }));
    }

    private Router router(Auth auth, Buffer indexPage) {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.route("/api/*").handler(auth::api);
        router.get("/api/v1/counts").handler(this::counts);
        router.get("/").handler(auth::page).handler(ctx -> Replies.html(ctx, 200, indexPage));
        router.route().failureHandler(Replies::failure);
        router.errorHandler(404, ctx -> Replies.error(ctx, 404,
                "No such route: " + ctx.request().method() + " " + ctx.normalizedPath()));
        router.errorHandler(405, ctx -> Replies.error(ctx, 405,
                "Method not allowed: " + ctx.request().method() + " " + ctx.normalizedPath()));
        return router;
    }

    private void health(RoutingContext ctx) {
        health.run()
                .onSuccess(h -> Replies.json(ctx, h.allUp() ? 200 : 503, h.toJson()))
                .onFailure(ctx::fail);
    }

    private void counts(RoutingContext ctx) {
        vertx.executeBlocking(() -> CountsReport.read(queries, Instant.now()), false)
                .onSuccess(report -> Replies.json(ctx, 200, report))
                .onFailure(e -> {
                    LOG.warn("Counts query failed: {}", Replies.describe(e));
                    Replies.error(ctx, 503, "ClickHouse is not answering, counts are unavailable: "
                            + Replies.describe(e));
                });
    }
}
