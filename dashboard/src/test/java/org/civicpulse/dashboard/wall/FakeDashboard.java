package org.civicpulse.dashboard.wall;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the dashboard server that speaks the contract of docs/API.md with the payloads
 * of {@link WallFixtures}: the built page behind a token-for-cookie exchange, the REST routes, and
 * {@code /ws/live} with snapshots and sequenced deltas pushed by the test.
 */
final class FakeDashboard implements AutoCloseable {
    static final String OPERATOR_TOKEN = "operator-token-0123456789";
    static final String VIEWER_TOKEN = "viewer-token-0123456789";
    private static final String COOKIE = "civicpulse_session";

    private final Vertx vertx = Vertx.vertx();
    private final Map<ServerWebSocket, String> sockets = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> extraCityEntries = new ConcurrentHashMap<>();
    /** Commands the page posted: {"alertId", "action", "body", "role"}. */
    final List<JsonObject> commands = new CopyOnWriteArrayList<>();
    /** Query strings of GET /api/v1/cases. */
    final List<String> caseQueries = new CopyOnWriteArrayList<>();
    /** Query strings of GET /api/v1/timeseries. */
    final List<String> seriesQueries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeDashboard(String page) throws Exception {
        Router router = Router.router(vertx);
        router.get("/").handler(ctx -> page(ctx, page));
        router.route("/api/*").handler(this::auth);
        router.route("/api/*").handler(BodyHandler.create());
        router.get("/api/v1/me").handler(ctx -> json(ctx, 200, new JsonObject().put("user", role(ctx))
                .put("role", role(ctx)).putNull("districts")));
        router.get("/api/v1/districts/:code").handler(ctx -> json(ctx, 200,
                WallFixtures.districtDetail(ctx.pathParam("code"))));
        router.get("/api/v1/cases").handler(ctx -> {
            caseQueries.add(ctx.request().query());
            json(ctx, 200, WallFixtures.cases(7));
        });
        router.get("/api/v1/timeseries").handler(ctx -> {
            seriesQueries.add(ctx.request().query());
            json(ctx, 200, WallFixtures.timeseries(ctx.queryParams().get("metric")));
        });
        router.get("/api/v1/ranking").handler(ctx -> json(ctx, 200,
                WallFixtures.ranking(ctx.queryParams().get("by"))));
        router.post("/api/v1/alerts/:id/:action").handler(this::command);
        router.get("/ws/live").handler(this::upgrade);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    int port() {
        return server.actualPort();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port() + pathAndQuery;
    }

    /** Sends a delta on the city channel to every city socket (and keeps it for later snapshots). */
    void pushCity(String kind, String key, JsonObject data) {
        extraCityEntries.put(key, WallFixtures.entry(kind, key, data));
        vertx.runOnContext(v -> {
            long seq = seqs.computeIfAbsent("city", c -> new AtomicLong()).incrementAndGet();
            String frame = new JsonObject().put("type", "delta").put("channel", "city").put("seq", seq)
                    .put("kind", kind).put("key", key).put("ts", System.currentTimeMillis())
                    .put("data", data).encode();
            sockets.forEach((socket, channel) -> {
                if (channel.equals("city")) {
                    socket.writeTextMessage(frame);
                }
            });
        });
    }

    /** Number of open WebSockets. */
    int socketCount() {
        return sockets.size();
    }

    /** Closes every WebSocket from the server side (the page must reconnect). */
    void dropSockets() {
        vertx.runOnContext(v -> sockets.keySet().forEach(ServerWebSocket::close));
    }

    private void page(RoutingContext ctx, String page) {
        String token = ctx.queryParams().get("token");
        if (token != null && roleOf(token) != null) {
            ctx.response().addCookie(Cookie.cookie(COOKIE, roleOf(token)).setHttpOnly(true).setPath("/"));
            ctx.redirect("/");
            return;
        }
        if (role(ctx) == null) {
            ctx.response().setStatusCode(401).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<html><body>token required</body></html>");
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }

    private static String roleOf(String token) {
        return OPERATOR_TOKEN.equals(token) ? "operator" : VIEWER_TOKEN.equals(token) ? "viewer" : null;
    }

    private static String role(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private void auth(RoutingContext ctx) {
        if (role(ctx) == null) {
            json(ctx, 401, new JsonObject().put("error", "Sign in first"));
        } else {
            ctx.next();
        }
    }

    private void command(RoutingContext ctx) {
        if (!"operator".equals(role(ctx))) {
            json(ctx, 403, new JsonObject().put("error", "Operators only"));
            return;
        }
        JsonObject body = ctx.body().asJsonObject();
        commands.add(new JsonObject().put("alertId", ctx.pathParam("id")).put("action", ctx.pathParam("action"))
                .put("body", body == null ? new JsonObject() : body).put("role", role(ctx)));
        json(ctx, 202, new JsonObject().put("commandId", "c-" + commands.size()).put("alertId", ctx.pathParam("id"))
                .put("action", ctx.pathParam("action").toUpperCase()));
    }

    private void upgrade(RoutingContext ctx) {
        if (role(ctx) == null) {
            json(ctx, 401, new JsonObject().put("error", "Sign in first"));
            return;
        }
        String channel = ctx.queryParams().get("channel") == null ? "city" : ctx.queryParams().get("channel");
        ctx.request().toWebSocket().onSuccess(socket -> {
            sockets.put(socket, channel);
            socket.closeHandler(v -> sockets.remove(socket));
            socket.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                switch (message.getString("type")) {
                    case "subscribe" -> {
                        sockets.put(socket, message.getString("channel"));
                        socket.writeTextMessage(new JsonObject().put("type", "subscribed")
                                .put("channel", message.getString("channel")).encode());
                        snapshot(socket);
                    }
                    case "resync" -> snapshot(socket);
                    case "ping" -> socket.writeTextMessage("{\"type\":\"pong\"}");
                    default -> { }
                }
            });
            snapshot(socket);
        });
    }

    private void snapshot(ServerWebSocket socket) {
        String channel = sockets.get(socket);
        JsonArray entries;
        if (channel.equals("city")) {
            entries = WallFixtures.cityEntries();
            extraCityEntries.values().forEach(entries::add);
        } else {
            entries = WallFixtures.districtEntries(channel.substring("district:".length()));
        }
        long seq = seqs.computeIfAbsent(channel, c -> new AtomicLong()).get();
        socket.writeTextMessage(new JsonObject().put("type", "snapshot").put("channel", channel).put("seq", seq)
                .put("asOf", WallFixtures.now()).put("entries", entries).encode());
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
