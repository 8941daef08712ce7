package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.kafka.client.producer.KafkaProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Setting;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's HTTP server: pages, sign-in, the REST API, {@code /ws/live}, {@code /health}, {@code /metrics}. */
public final class HttpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
    static final String INDEX_PAGE = "web/index.html";
    static final String SIGN_IN_PAGE = "web/sign-in.html";
    static final String OPENAPI = "api/openapi.json";
    private static final long MAX_BODY = 16 * 1024;

    private final LiveState state;
    private final ServerMetrics metrics;
    private final BooleanSupplier liveReady;
    private final Catalogue catalogue;
    private ClickHouseDb clickHouse;
    private EventQueries queries;
    private HealthChecks health;
    private HttpServer server;
    private KafkaProducer<String, byte[]> producer;
    private LiveSockets sockets;
    private Buffer signInPage;
    private AlertCommandSink commands;
    private SharedAccess access;
    private int portGroup;

    /** A server with its own (empty) live state and no feed: for tests of the routes alone. */
    public HttpVerticle() {
        this(standaloneState(), new ServerMetrics(), () -> false);
    }

    /** One of the server's HTTP verticles, sharing the live state the feed keeps. */
    public HttpVerticle(LiveState state, ServerMetrics metrics, BooleanSupplier liveReady) {
        this.state = state;
        this.metrics = metrics;
        this.liveReady = liveReady;
        this.catalogue = CATALOGUE;
    }

    private static final Catalogue CATALOGUE = Catalogue.load();

    /**
     * One of several verticles of a server: they share sessions and rate limits, and, when
     * configured with port 0, one free port (Vert.x's servers share a port only when they name the
     * same one, never port 0; a negative port names a free port shared by the servers naming it).
     */
    HttpVerticle sharing(SharedAccess shared, int negativePortGroup) {
        if (negativePortGroup >= 0) {
            throw new IllegalArgumentException("A shared free port is named by a negative number");
        }
        this.access = shared;
        this.portGroup = negativePortGroup;
        return this;
    }

    /** Sends operators' commands here instead of to Kafka (tests of the routes alone). */
    HttpVerticle sendingCommandsTo(AlertCommandSink sink) {
        this.commands = sink;
        return this;
    }

    static LiveState standaloneState() {
        EventCodec codec = new EventCodec();
        ServerOptions defaults = ServerOptions.fromJson(new io.vertx.core.json.JsonObject());
        return new LiveState(new ScopeViews(CATALOGUE, Clock.systemUTC(), defaults),
                new AlertViews(codec));
    }

    @Override
    public Future<?> start() {
        DashboardConfig config = DashboardConfig.fromJson(config());
        ServerOptions options = ServerOptions.fromJson(config());
        clickHouse = ClickHouseDb.reader(config.clickHouseSettings());
        queries = new EventQueries(clickHouse);
        health = new HealthChecks(vertx, config, clickHouse);
        if (commands == null) {
            producer = KafkaProducer.create(vertx, producerConfig(config.kafkaBootstrap()));
            commands = AlertCommandSink.kafka(producer, options.alertCommandsTopic(), new EventCodec(),
                    metrics);
        }
        if (access == null) {
            access = SharedAccess.of(options);
        }
        sockets = new LiveSockets(vertx, state, metrics, options.wsOrigins(), options.wsQueue());
        Future<Buffer> index = vertx.fileSystem().readFile(INDEX_PAGE);
        Future<Buffer> signIn = vertx.fileSystem().readFile(SIGN_IN_PAGE);
        Future<Buffer> openApi = vertx.fileSystem().readFile(OPENAPI);
        Future<Users> users = vertx.executeBlocking(() -> users(config.token(), options));
        return Future.all(index, signIn, openApi, users)
                .compose(loaded -> {
                    signInPage = signIn.result();
                    Auth auth = new Auth(users.result(), access.sessions(), signIn.result(),
                            access.signIns(), metrics);
                    sockets.start();
                    Router router = router(auth, options, index.result(), openApi.result());
                    // No WebSocket compression: browsers ask for permessage-deflate, which would
                    // deflate every delta again for every socket instead of writing the bytes
                    // encoded once (a delta is 1-2 KB; CPU per screen matters more than bytes).
                    return vertx.createHttpServer(new HttpServerOptions()
                                    .setMaxWebSocketFrameSize(64 * 1024)
                                    .setPerMessageWebSocketCompressionSupported(false)
                                    .setPerFrameWebSocketCompressionSupported(false))
                            .requestHandler(router)
                            .listen(config.port() == 0 && portGroup < 0 ? portGroup : config.port(),
                                    config.host());
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

    /** How many live sockets this verticle serves. */
    int liveSockets() {
        return sockets == null ? 0 : sockets.size();
    }

    // Also called when start fails: Vert.x calls stop() only for a deployed verticle.
    private Future<Void> release() {
        if (sockets != null) {
            sockets.stop();
        }
        Future<Void> closed = health == null ? Future.succeededFuture() : health.close();
        Future<Void> producerClosed = producer == null ? Future.succeededFuture() : producer.close();
        return Future.join(closed, producerClosed).<Void>mapEmpty()
                .eventually(() -> vertx.executeBlocking(() -> {
                    if (clickHouse != null) {
                        clickHouse.close();
                    }
                    return null;
                }));
    }

    private Router router(Auth auth, ServerOptions options, Buffer indexPage, Buffer openApi) {
        Router router = Router.router(vertx);
        EventCodec codec = new EventCodec();
        AlertViews alertViews = new AlertViews(codec);
        ScopeViews views = new ScopeViews(catalogue, Clock.systemUTC(), options);
        DashboardQueries sql = new DashboardQueries(clickHouse, metrics, options.caseListWindow());
        RateLimiter api = access.api();
        RouteDependencies routes = new RouteDependencies(vertx, sql, state, alertViews, views, this::now);
        AlertRoutes alerts = new AlertRoutes(routes, commands,
                new AuditLog(vertx, Path.of(options.dataDir(), "audit.log")));

        if (!options.corsOrigins().isEmpty()) {
            router.route().handler(CorsHandler.create().addOrigins(options.corsOrigins())
                    .allowCredentials(true).allowedMethod(HttpMethod.GET).allowedMethod(HttpMethod.POST)
                    .allowedHeader("Authorization").allowedHeader("Content-Type"));
        }
        router.get("/health").handler(this::health);
        router.get("/login").handler(ctx -> Replies.html(ctx, 200, signInPage));
        router.post("/login").handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(auth::login);
        router.post("/logout").handler(auth::logout);
        router.route("/api/*").handler(ctx -> limit(ctx, api)).handler(auth::api);
        router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.get("/api/v1/counts").handler(this::counts);
        router.get("/api/v1/me").handler(ctx -> Replies.json(ctx, 200, Auth.principal(ctx).toJson()));
        router.get("/api/v1/openapi.json").handler(ctx -> Replies.json(ctx, 200, openApi.toJsonObject()));
        router.get("/api/v1/snapshot").handler(ctx -> Replies.json(ctx, 200, state.citySnapshot()));
        router.get("/api/v1/districts/:code").handler(new DistrictRoute(routes)::handle);
        router.get("/api/v1/cases").handler(new CaseRoute(routes)::handle);
        router.get("/api/v1/timeseries").handler(new TimeseriesRoute(routes)::handle);
        router.get("/api/v1/ranking").handler(new RankingRoute(routes)::handle);
        router.get("/api/v1/alerts").handler(alerts::list);
        router.post("/api/v1/alerts/:id/ack").handler(ctx -> alerts.command(ctx, AlertCommand.Action.ACK));
        router.post("/api/v1/alerts/:id/comment").handler(ctx -> alerts.command(ctx, AlertCommand.Action.COMMENT));
        router.post("/api/v1/alerts/:id/assign").handler(ctx -> alerts.command(ctx, AlertCommand.Action.ASSIGN));
        router.get("/ws/live").handler(ctx -> limit(ctx, api)).handler(auth::api).handler(sockets::upgrade);
        router.get("/metrics").handler(auth::api).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(metrics.exposition()));
        router.get("/").handler(auth::page).handler(ctx -> Replies.html(ctx, 200, indexPage));
        router.route().failureHandler(Replies::failure);
        router.errorHandler(404, ctx -> Replies.error(ctx, 404,
                "No such route: " + ctx.request().method() + " " + ctx.normalizedPath()));
        router.errorHandler(405, ctx -> Replies.error(ctx, 405,
                "Method not allowed: " + ctx.request().method() + " " + ctx.normalizedPath()));
        return router;
    }

    private void limit(RoutingContext ctx, RateLimiter limiter) {
        if (limiter.allow(ctx.request().remoteAddress().hostAddress())) {
            ctx.next();
        } else {
            Replies.tooMany(ctx, limiter.retryAfterSeconds());
        }
    }

    /** "Now" for cases and series: the watermark when the live state has one, else the clock. */
    private Instant now() {
        String asOf = state.asOf();
        return asOf == null ? Instant.now() : OffsetDateTime.parse(asOf).toInstant();
    }

    private void health(RoutingContext ctx) {
        health.run()
                .onSuccess(h -> {
                    boolean live = liveReady.getAsBoolean();
                    io.vertx.core.json.JsonObject body = h.toJson();
                    body.getJsonObject("checks").put("live", new io.vertx.core.json.JsonObject()
                            .put("up", live).put("detail", live ? "live state current, "
                                    + metrics.clients() + " WebSocket client(s)"
                                    : "replaying the live topics"));
                    boolean up = h.allUp() && live;
                    Replies.json(ctx, up ? 200 : 503, body.put("status", up ? "UP" : "DEGRADED"));
                })
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

    private static Users users(String token, ServerOptions options) throws java.io.IOException {
        Path file = options.usersFile().isBlank()
                ? Path.of(options.dataDir(), "dashboard-users.json") : Path.of(options.usersFile());
        if (!Files.exists(file)) {
            if (!options.usersFile().isBlank()) {
                throw new IllegalArgumentException("Users file " + file + " (" + Setting.DASHBOARD_USERS.key()
                        + ") does not exist");
            }
            return Users.of(token);
        }
        return Users.parse(token, new io.vertx.core.json.JsonObject(Files.readString(file)));
    }

    private static Map<String, String> producerConfig(String bootstrap) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        // An operator waits for the answer: fail within seconds when Kafka is away.
        config.put("delivery.timeout.ms", "5000");
        config.put("request.timeout.ms", "4000");
        config.put("max.block.ms", "4000");
        return config;
    }
}
