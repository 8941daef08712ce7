package org.civicpulse.dashboard;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST and WebSocket routes on the real HTTP verticle without ClickHouse or Kafka: who may
 * do what, input checks, rate limits, the WebSocket's Origin check and what viewers see.
 */
@ExtendWith(VertxExtension.class)
class ApiRoutesTest {
    private static final String OPERATOR = StandaloneConfig.TOKEN;
    private static final String VIEWER = "wall-screen-token-0123456789";
    private static final String DONGCHENG_OPERATOR = "dongcheng-desk-token-0123456789";
    private static final String TRUSTED_ORIGIN = "https://wall.example";
    private static final String DONGCHENG_ALERT = "hs-110101-东华门街道-NOISE-1";
    private static final String CHAOYANG_ALERT = "hs-110105-建外街道-NOISE-1";
    private static final String WHOLE_POINT = "东华门街道·椿树胡同 12号";

    private final List<AlertCommand> sent = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private Path dataDir;
    private WebClient client;
    private int port;

    @BeforeEach
    void deploy(Vertx vertx, @TempDir Path dataDir) throws Exception {
        this.vertx = vertx;
        this.dataDir = dataDir;
        Files.writeString(dataDir.resolve("dashboard-users.json"), new JsonObject()
                .put("tokens", List.of(
                        Map.of("name", "wall", "role", "viewer", "sha256", Users.sha256Hex(VIEWER)),
                        Map.of("name", "dongcheng-desk", "role", "operator", "districts", List.of("110101"),
                                "sha256", Users.sha256Hex(DONGCHENG_OPERATOR))))
                .encode());
        port = deploy(new JsonObject());
        client = WebClient.create(vertx);
    }

    /** Deploys a verticle with two alerts in its live state; returns its port. */
    private int deploy(JsonObject options) {
        return deploy(options, List.of());
    }

    /** Deploys a verticle with two alerts and {@code more} in its live state; returns its port. */
    private int deploy(JsonObject options, List<Alert> more) {
        LiveState state = HttpVerticle.standaloneState();
        state.applyAlert(alert(DONGCHENG_ALERT, "110101"), 0);
        state.applyAlert(alert(CHAOYANG_ALERT, "110105"), 0);
        more.forEach(a -> state.applyAlert(a, 0));
        HttpVerticle verticle = new HttpVerticle(state, new ServerMetrics(), () -> true)
                .sendingCommandsTo(command -> {
                    sent.add(command);
                    return Future.succeededFuture();
                });
        JsonObject config = StandaloneConfig.withOptions(new JsonObject()
                .put(Setting.DATA_DIR.key(), dataDir.toString())
                .put(Setting.DASHBOARD_WS_ORIGINS.key(), TRUSTED_ORIGIN).mergeIn(options));
        vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).await();
        return verticle.port();
    }

    private static Alert alert(String id, String district) {
        return new Alert(id, district, "东华门街道", "NOISE", Alert.Kind.NEW, Alert.Severity.HIGH,
                Alert.Status.OPEN, Instant.parse("2026-03-10T07:00:00Z"), Instant.parse("2026-03-10T07:30:00Z"),
                null, 12, 2.5, 4.1, List.of(new Alert.AlertPoint(WHOLE_POINT, null, null, 5)),
                null, null, null, 1);
    }

    private HttpResponse<Buffer> send(HttpMethod method, String path, String token, String body) {
        HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return (body == null ? request.send() : request.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body))).await();
    }

    private static String command(String alertId, String action) {
        return "/api/v1/alerts/" + java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/" + action;
    }

    private static void assertJsonError(HttpResponse<Buffer> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).as(what).startsWith("application/json");
        assertThat(response.bodyAsJsonObject().getString("error")).as(what).isNotBlank();
    }

    @Test
    void shouldAnswer401JsonWithoutCredentialsOnEveryRouteButHealth() {
        for (String path : List.of("/api/v1/snapshot", "/api/v1/alerts", "/api/v1/cases", "/api/v1/me",
                "/api/v1/timeseries", "/api/v1/openapi.json", "/metrics", "/ws/live")) {
            assertJsonError(send(HttpMethod.GET, path, null, null), 401, path);
        }
        assertJsonError(send(HttpMethod.POST, command(DONGCHENG_ALERT, "ack"), null, "{}"), 401, "ack");
        assertThat(send(HttpMethod.GET, "/health", null, null).statusCode()).isNotEqualTo(401);
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldRefuseEveryAlertCommandOfAViewerWith403() {
        for (String action : List.of("ack", "comment", "assign")) {
            assertJsonError(send(HttpMethod.POST, command(DONGCHENG_ALERT, action), VIEWER,
                    "{\"comment\":\"看一下\",\"assignedTo\":\"城管\"}"), 403, action);
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldAcceptOperatorCommandsWith202SendThemAndAuditThem() throws Exception {
        String body = "{\"comment\":\"派单到东华门街道\",\"assignedTo\":\"城管执法队\"}";
        for (String action : List.of("ack", "comment", "assign")) {
            HttpResponse<Buffer> r = send(HttpMethod.POST, command(DONGCHENG_ALERT, action), OPERATOR, body);
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
            assertThat(r.bodyAsJsonObject().getString("action")).isEqualTo(action.toUpperCase());
        }
        assertThat(sent).extracting(AlertCommand::action).containsExactly(AlertCommand.Action.ACK,
                AlertCommand.Action.COMMENT, AlertCommand.Action.ASSIGN);
        assertThat(sent).allSatisfy(c -> {
            assertThat(c.alertId()).isEqualTo(DONGCHENG_ALERT);
            assertThat(c.by()).isEqualTo("local-operator");
            assertThat(c.comment()).isEqualTo("派单到东华门街道");
            assertThat(c.assignedTo()).isEqualTo("城管执法队");
        });
        String audit = Files.readString(dataDir.resolve("audit.log"));
        assertThat(sent).allSatisfy(c -> assertThat(audit).contains(c.commandId()));
    }

    @Test
    void shouldLetADistrictOperatorActOnlyOnTheirDistrictsAlerts() {
        HttpResponse<Buffer> own = send(HttpMethod.POST, command(DONGCHENG_ALERT, "ack"), DONGCHENG_OPERATOR, "{}");
        assertThat(own.statusCode()).as(own.bodyAsString()).isEqualTo(202);
        assertJsonError(send(HttpMethod.POST, command(CHAOYANG_ALERT, "ack"), DONGCHENG_OPERATOR, "{}"),
                403, "other district");
        assertThat(sent).extracting(AlertCommand::alertId).containsExactly(DONGCHENG_ALERT);
        assertThat(sent.get(0).by()).isEqualTo("dongcheng-desk");
    }

    @Test
    void shouldAnswerBadInputWith400JsonThatSaysWhatIsWrong() {
        String[][] bad = {
                {"GET", "/api/v1/cases?limit=abc", null, "limit"},
                {"GET", "/api/v1/cases?limit=501", null, "limit"},
                {"GET", "/api/v1/cases?status=late", null, "status"},
                {"GET", "/api/v1/cases?street=幸福大街街道", null, "street"},
                {"GET", "/api/v1/cases?street=东华门街道&district=110102", null, "street"},
                {"GET", "/api/v1/timeseries?street=东华门街道", null, "district"},
                {"GET", "/api/v1/cases?district=110101&district=110102", null, "more than once"},
                {"GET", "/api/v1/timeseries?from=yesterday", null, "from"},
                {"GET", "/api/v1/timeseries?from=2026-03-10T00:00:00%2B08:00&to=2026-03-09T00:00:00%2B08:00", null, "before"},
                {"GET", "/api/v1/timeseries?step=1m&from=2025-03-10T00:00:00%2B08:00&to=2026-03-10T00:00:00%2B08:00", null, "step"},
                {"GET", "/api/v1/ranking?by=city", null, "by"},
                {"GET", "/api/v1/districts/abc", null, "six digits"},
                {"GET", "/api/v1/alerts?severity=URGENT", null, "severity"},
                {"GET", "/ws/live?channel=district:999999", null, "channel"},
                {"POST", command(DONGCHENG_ALERT, "ack"), "not json", "JSON object"},
                {"POST", command(DONGCHENG_ALERT, "ack"), "[1,2]", "JSON object"},
                {"POST", command(DONGCHENG_ALERT, "comment"), "{}", "comment"},
                {"POST", command(DONGCHENG_ALERT, "assign"), "{\"comment\":\"x\"}", "assignedTo"},
                {"POST", command(DONGCHENG_ALERT, "comment"), "{\"comment\":\"" + "长".repeat(501) + "\"}", "500"},
                {"POST", command(DONGCHENG_ALERT, "ack"), "{\"comment\":42}", "comment"}};
        for (String[] c : bad) {
            HttpResponse<Buffer> r = send(HttpMethod.valueOf(c[0]), c[1], OPERATOR, c[2]);
            assertJsonError(r, 400, c[1]);
            assertThat(r.bodyAsJsonObject().getString("error")).as(c[1]).contains(c[3]);
        }
        assertJsonError(send(HttpMethod.GET, "/api/v1/districts/999999", OPERATOR, null), 404, "district");
        assertJsonError(send(HttpMethod.POST, command("no-such-alert", "ack"), OPERATOR, "{}"), 404, "alert");
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldTradeTheWallTokenForACookieThatOpensTheApiAndTheLiveFeedButNotCommands() {
        HttpResponse<Buffer> redirect = client.get(port, "127.0.0.1", "/?token=" + VIEWER).followRedirects(false)
                .send().await();
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.getHeader("Location")).as("the token leaves the address bar").isEqualTo("/");
        String cookie = redirect.cookies().get(0).split(";", 2)[0];

        HttpResponse<Buffer> snapshot = client.get(port, "127.0.0.1", "/api/v1/snapshot").putHeader("Cookie", cookie)
                .send().await();
        assertThat(snapshot.statusCode()).isEqualTo(200);
        assertThat(snapshot.bodyAsJsonObject().getJsonArray("districts")).hasSize(16);
        vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/ws/live").addHeader("Cookie", cookie)).await().close().await();
        HttpResponse<Buffer> ack = client.post(port, "127.0.0.1", command(DONGCHENG_ALERT, "ack"))
                .putHeader("Cookie", cookie).sendJsonObject(new JsonObject()).await();
        assertJsonError(ack, 403, "a viewer's cookie");
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldTakeTheAckBodyAsCurlDashDSendsIt() {
        // curl -d '{"comment": …}' labels the JSON as a form unless told otherwise.
        HttpResponse<Buffer> r = client.post(port, "127.0.0.1", command(DONGCHENG_ALERT, "ack"))
                .bearerTokenAuthentication(OPERATOR).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer("{\"comment\": \"已派单\", \"assignedTo\": \"东华门街道\"}")).await();
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.comment()).isEqualTo("已派单");
            assertThat(c.assignedTo()).isEqualTo("东华门街道");
        });
    }

    @Test
    void shouldExposePrometheusMetricsToAuthenticatedScrapers() {
        send(HttpMethod.GET, "/api/v1/snapshot", "not-a-token", null);
        HttpResponse<Buffer> r = send(HttpMethod.GET, "/metrics", OPERATOR, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(r.bodyAsString()).contains("# TYPE civicpulse_ws_clients gauge", "civicpulse_ws_clients 0",
                "civicpulse_auth_failures_total{reason=\"bad_token\"} 1");
    }

    @Test
    void shouldListEveryOpenAlertUnlessAPageIsAskedFor() {
        List<Alert> more = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            more.add(alert("HS-110102-NOISE-" + i, "110102"));
        }
        port = deploy(new JsonObject(), more);
        HttpResponse<Buffer> all = send(HttpMethod.GET, "/api/v1/alerts", OPERATOR, null);
        assertThat(all.statusCode()).as(all.bodyAsString()).isEqualTo(200);
        assertThat(all.bodyAsJsonObject().getJsonArray("alerts")).hasSize(252);
        HttpResponse<Buffer> page = send(HttpMethod.GET, "/api/v1/alerts?limit=100&offset=200", OPERATOR, null);
        assertThat(page.bodyAsJsonObject().getJsonArray("alerts")).hasSize(52);
        assertThat(page.bodyAsJsonObject().getInteger("total")).isEqualTo(252);
    }

    @Test
    void shouldReadTimesWithAnUnencodedPlusOffsetAsTyped() {
        // Both alerts opened at 15:00 Beijing time; '+' left as typed decodes to a space.
        for (String[] c : new String[][] {{"2026-03-10T14:00:00+08:00", "2"}, {"2026-03-10T16:00:00+08:00", "0"},
                {"2026-03-10T16:00:00%2B08:00", "0"}}) {
            HttpResponse<Buffer> r = send(HttpMethod.GET, "/api/v1/alerts?status=open&from=" + c[0], OPERATOR, null);
            assertThat(r.statusCode()).as(c[0] + ": " + r.bodyAsString()).isEqualTo(200);
            assertThat(r.bodyAsJsonObject().getJsonArray("alerts").size()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
        assertJsonError(send(HttpMethod.GET, "/api/v1/alerts?from=2026-03-10T14:00:00", OPERATOR, null), 400, "from");
    }

    @Test
    void shouldRateLimitTheApiAndSignInWith429AndRetryAfter() {
        port = deploy(new JsonObject().put(Setting.DASHBOARD_API_RATE.key(), "3")
                .put(Setting.DASHBOARD_LOGIN_RATE.key(), "2"));
        // The limits count per clock minute: start well before a minute ends.
        await().atMost(Duration.ofSeconds(20)).until(() -> System.currentTimeMillis() % 60_000 < 40_000);
        for (int i = 0; i < 3; i++) {
            assertThat(send(HttpMethod.GET, "/api/v1/me", OPERATOR, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<Buffer> limited = send(HttpMethod.GET, "/api/v1/me", OPERATOR, null);
        assertJsonError(limited, 429, "api");
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);

        String wrong = "{\"user\":\"nobody\",\"password\":\"guess\"}";
        for (int i = 0; i < 2; i++) {
            assertThat(send(HttpMethod.POST, "/login", null, wrong).statusCode()).isEqualTo(401);
        }
        assertJsonError(send(HttpMethod.POST, "/login", null, wrong), 429, "login");
    }

    @Test
    void shouldOpenTheLiveFeedOnlyForItsOwnOrConfiguredOrigins() {
        WebSocketClient ws = vertx.createWebSocketClient();
        assertThatThrownBy(() -> ws.connect(live("https://evil.example")).await())
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
        for (String origin : List.of(TRUSTED_ORIGIN, "http://127.0.0.1:" + port)) {
            ws.connect(live(origin)).await().close().await();
        }
    }

    private WebSocketConnectOptions live(String origin) {
        return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/live")
                .addHeader("Authorization", "Bearer " + OPERATOR).addHeader("Origin", origin);
    }

    @Test
    void shouldShowViewersAlertPointsWithoutHouseNumbersAndOperatorsWhole() {
        String forViewer = send(HttpMethod.GET, "/api/v1/alerts", VIEWER, null).bodyAsJsonObject()
                .getJsonArray("alerts").getJsonObject(0).getJsonArray("points").getJsonObject(0).getString("label");
        String forOperator = send(HttpMethod.GET, "/api/v1/alerts", OPERATOR, null).bodyAsJsonObject()
                .getJsonArray("alerts").getJsonObject(0).getJsonArray("points").getJsonObject(0).getString("label");
        assertThat(forViewer).isEqualTo("东华门街道·椿树胡同");
        assertThat(forOperator).isEqualTo(WHOLE_POINT);
    }
}
