package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.LiveValueRows;
import org.civicpulse.storage.PointRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole server on a real Kafka broker and ClickHouse: live push, REST shapes, roles, restart. */
@ExtendWith({VertxExtension.class, LocalServicesExtension.class})
class LiveServerITCase {
    static final String TOKEN = "it-operator-token-0123456789";
    static final String VIEWER_TOKEN = "it-wall-screen-token-0123456789";
    static final String DISTRICT_OPERATOR_PASSWORD = "s3cret-pass";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALERT_ID = "hs-110101-东华门街道-NOISE-1";

    Settings settings;
    Vertx vertx;
    DashboardServer server;
    WebClient client;
    KafkaProducer<String, String> producer;
    final List<WebSocketClient> webSocketClients = new ArrayList<>();

    @BeforeEach
    void start(Vertx vertx, LocalServices services, TestInfo test) throws Exception {
        this.vertx = vertx;
        settings = services.isolated("live" + test.getTestMethod().orElseThrow().getName().length());
        Path users = settings.dataDir().resolve("dashboard-users.json");
        Files.createDirectories(users.getParent());
        Files.writeString(users, new JsonObject()
                .put("users", List.of(Map.of("name", "dongcheng-ops", "role", "operator",
                        "districts", List.of("110105"),
                        "password", Passwords.hash(DISTRICT_OPERATOR_PASSWORD))))
                .put("tokens", List.of(Map.of("name", "wall", "role", "viewer",
                        "sha256", Users.sha256Hex(VIEWER_TOKEN))))
                .encode(), StandardCharsets.UTF_8);
        Properties p = new Properties();
        p.put("bootstrap.servers", settings.get(Setting.KAFKA_BOOTSTRAP));
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        server = deploy();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() {
        webSocketClients.forEach(WebSocketClient::close);
        producer.close();
    }

    DashboardServer deploy() {
        settings = settings.with(Setting.DASHBOARD_PORT, "0").with(Setting.TOKEN, TOKEN)
                .with(Setting.DASHBOARD_HOST, "127.0.0.1");
        JsonObject config = DashboardConfig.fromSettings(settings).toJson()
                .mergeIn(ServerOptions.toJson(settings));
        DashboardServer s = new DashboardServer(config);
        s.deploy(vertx, config, 2).await();
        await().atMost(WAIT).until(s::caughtUp);
        return s;
    }

    static String metricRecord(String scope, String asOf, long createdHotlineToday, long open) {
        JsonObject counters = new JsonObject().put("created_hotline", createdHotlineToday)
                .put("created_grid", 5).put("created_inspection", 1)
                .put("response_decisions", 10).put("response_on_time", 9)
                .put("ratings", 4).put("ratings_resolved", 3).put("ratings_satisfied", 2)
                .put("ratings_basic", 1);
        return new JsonObject().put("scope", scope).put("kind", scope.split(":")[0]).put("asOf", asOf)
                .put("gauges", new JsonObject().put("open", open).put("overdue", 2)
                        .put("about_to_breach", 1).put("response_pending", 7).put("rating_pending", 6))
                .put("last60m", counters).put("last24h", counters).put("last7d", counters)
                .put("today", counters).put("month", counters.copy().put("month_ratings", 4)
                        .put("month_ratings_resolved", 3).put("month_ratings_satisfied", 2)
                        .put("month_ratings_basic", 1))
                .encode();
    }

    void publishMetric(String scope, String asOf, long today, long open) throws Exception {
        producer.send(new ProducerRecord<>(settings.get(Setting.TOPIC_METRICS_LIVE), scope,
                metricRecord(scope, asOf, today, open))).get();
    }

    void publishAlert(String district, long version) throws Exception {
        String alert = new JsonObject().put("id", ALERT_ID).put("district", district)
                .put("street", "东华门街道").put("category", "NOISE").put("kind", "NEW")
                .put("severity", "HIGH").put("status", "OPEN")
                .put("openedAt", "2026-03-10T07:00:00Z").put("lastSeenAt", "2026-03-10T07:30:00Z")
                .put("observed", 12).put("expected", 2.5).put("score", 4.1)
                .put("points", List.of(Map.of("label", "东华门街道·椿树胡同 12号", "count", 5)))
                .put("version", version).encode();
        producer.send(new ProducerRecord<>(settings.get(Setting.TOPIC_ALERTS_LIVE), ALERT_ID, alert)).get();
    }

    HttpResponse<io.vertx.core.buffer.Buffer> get(String path, String token) {
        var request = client.get(server.port(), "127.0.0.1", path);
        if (token != null) {
            request.bearerTokenAuthentication(token);
        }
        return request.send().await();
    }

    @Test
    void shouldServeSnapshotWithAll16DistrictsMatchingTheSchemaAndTheLiveTopic() throws Exception {
        publishMetric("city", "2026-03-10T15:42:07+08:00", 6120, 18340);
        publishMetric("district:110101", "2026-03-10T15:42:07+08:00", 512, 1834);
        await().atMost(WAIT).until(() -> get("/api/v1/snapshot", TOKEN).bodyAsJsonObject()
                .getJsonArray("districts").getJsonObject(0).getLong("open") == 1834);
        JsonObject snapshot = get("/api/v1/snapshot", TOKEN).bodyAsJsonObject();
        assertThat(snapshot.getString("asOf")).isEqualTo("2026-03-10T15:42:07+08:00");
        JsonObject city = snapshot.getJsonObject("city");
        assertThat(city.getJsonObject("today").getLong("HOTLINE")).isEqualTo(6120);
        assertThat(city.getLong("open")).isEqualTo(18340);
        JsonObject rates = city.getJsonObject("rates").getJsonObject("24h");
        // 9 of 10 on time; 3 of 4 resolved; (2 + 1·1) of 4 satisfied; composite by the SPEC weights.
        assertThat(rates.getDouble("response")).isEqualTo(0.9);
        assertThat(rates.getDouble("resolution")).isEqualTo(0.75);
        assertThat(rates.getDouble("satisfaction")).isEqualTo(0.75);
        assertThat(rates.getDouble("composite")).isEqualTo(0.765);
        assertThat(rates.getLong("responsePending")).isEqualTo(7);
        assertThat(snapshot.getJsonArray("districts").stream()
                .map(d -> ((JsonObject) d).getString("code")).toList())
                .hasSize(16).isSorted().startsWith("110101").endsWith("110119");
        assertValid("snapshot.schema.json", "app:snapshot.schema.json", snapshot);
        assertValidAgainstOpenApi("Snapshot", snapshot);
    }

    @Test
    void shouldPushSnapshotThenNumberedDeltasAndResyncAfterAGap() throws Exception {
        publishMetric("city", "2026-03-10T15:00:00+08:00", 100, 10);
        await().atMost(WAIT).until(() -> server.state().asOf() != null);
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        WebSocket socket = connect("city", TOKEN, received);
        await().atMost(WAIT).until(() -> received.size() >= 1);
        JsonObject snapshot = received.get(0);
        assertThat(snapshot.getString("type")).isEqualTo("snapshot");
        long seq = snapshot.getLong("seq");

        publishMetric("city", "2026-03-10T15:00:01+08:00", 101, 11);
        publishMetric("district:110105", "2026-03-10T15:00:01+08:00", 7, 3);
        await().atMost(WAIT).until(() -> received.size() >= 3);
        assertThat(received.get(1).getString("type")).isEqualTo("delta");
        assertThat(received.get(1).getLong("seq")).isEqualTo(seq + 1);
        assertThat(received.get(1).getJsonObject("data").getJsonObject("today").getLong("HOTLINE"))
                .isEqualTo(101);
        assertThat(received.get(2).getLong("seq")).isEqualTo(seq + 2);
        assertThat(received.get(2).getString("key")).isEqualTo("district:110105");

        // The client noticed a gap (say it lost a frame): it asks and gets a consistent snapshot.
        socket.writeTextMessage("{\"type\":\"resync\"}").await();
        await().atMost(WAIT).until(() -> received.size() >= 4);
        JsonObject resync = received.get(3);
        assertThat(resync.getString("type")).isEqualTo("snapshot");
        assertThat(resync.getLong("seq")).isEqualTo(seq + 2);
        assertThat(resync.getJsonArray("entries").getJsonObject(0).getJsonObject("data")
                .getLong("open")).isEqualTo(11);

        // Every message has a sequence number; control messages use none up.
        socket.writeTextMessage("{\"type\":\"ping\"}").await();
        socket.writeTextMessage("{\"type\":\"no-such-type\"}").await();
        await().atMost(WAIT).until(() -> received.size() >= 6);
        assertThat(received.get(4).getString("type")).isEqualTo("pong");
        assertThat(received.get(4).getLong("seq")).isEqualTo(seq + 2);
        assertThat(received.get(5).getString("type")).isEqualTo("error");
        assertThat(received.get(5).getLong("seq")).isEqualTo(seq + 2);
        publishMetric("city", "2026-03-10T15:00:02+08:00", 102, 12);
        await().atMost(WAIT).until(() -> received.size() >= 7);
        assertThat(received.get(6).getLong("seq")).isEqualTo(seq + 3);
        socket.writeTextMessage("{\"type\":\"subscribe\",\"channel\":\"district:110105\"}").await();
        await().atMost(WAIT).until(() -> received.size() >= 9);
        assertThat(received.get(7).getString("type")).isEqualTo("subscribed");
        assertThat(received.get(8).getString("type")).isEqualTo("snapshot");
        assertThat(received.get(7).getLong("seq")).isEqualTo(received.get(8).getLong("seq"));
        socket.close().await();
    }

    @Test
    void shouldSpreadSocketsOverEveryHttpVerticleThoughConfiguredWithPortZero() throws Exception {
        // Port 0 once made each verticle listen on a port of its own: every socket reached the
        // first verticle, and one event loop wrote every delta to every screen.
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sockets.add(connect("city", TOKEN, new CopyOnWriteArrayList<>()));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.liveSocketsPerVerticle().stream()
                .mapToInt(Integer::intValue).sum()).as("sockets per verticle: %s", server.liveSocketsPerVerticle())
                .isEqualTo(6));
        assertThat(server.liveSocketsPerVerticle()).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
        for (WebSocket socket : sockets) {
            socket.close().await();
        }
    }

    @Test
    void shouldKnowASessionAndCountARateLimitOnEveryHttpVerticle() {
        // A browser's connections reach either verticle: a session signed in on one must hold on
        // the other, and a limit must count requests on both (it once let each verticle's through).
        String cookie = signIn("dongcheng-ops", DISTRICT_OPERATOR_PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertThat(onNewConnection("/api/v1/me", cookie).statusCode()).as("request %d", i).isEqualTo(200);
        }
        settings = settings.with(Setting.DASHBOARD_API_RATE, "4");
        server = deploy();
        // The limit counts per clock minute: start the eight requests well before a minute ends.
        await().atMost(Duration.ofSeconds(20)).until(() -> System.currentTimeMillis() % 60_000 < 40_000);
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(onNewConnection("/api/v1/me", null).statusCode());
        }
        assertThat(codes).containsExactly(200, 200, 200, 200, 429, 429, 429, 429);
    }

    /** A request on a connection of its own (so the server may hand it to any verticle). */
    HttpResponse<io.vertx.core.buffer.Buffer> onNewConnection(String path, String cookie) {
        WebClient once = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions().setKeepAlive(false));
        try {
            var request = once.get(server.port(), "127.0.0.1", path);
            if (cookie != null) {
                request.putHeader("Cookie", cookie);
            } else {
                request.bearerTokenAuthentication(TOKEN);
            }
            return request.send().await();
        } finally {
            once.close();
        }
    }

    @Test
    void shouldRebuildTheSameStateAfterARestartFromTheTopics() throws Exception {
        publishMetric("district:110108", "2026-03-10T15:00:00+08:00", 40, 400);
        publishMetric("district:110108", "2026-03-10T15:00:05+08:00", 41, 401);
        publishAlert("110101", 1);
        publishAlert("110101", 2);
        await().atMost(WAIT).until(() -> server.state().view("district:110108").getLong("open") == 401
                && server.state().alert(ALERT_ID).map(a -> a.version() == 2).orElse(false));
        DashboardServer restarted = deploy();
        assertThat(restarted.state().view("district:110108").getLong("open")).isEqualTo(401);
        assertThat(restarted.state().alert(ALERT_ID).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void shouldRebuildAfterARestartFromClickHouseAndTheTopics() throws Exception {
        String topic = settings.get(Setting.TOPIC_METRICS_LIVE);
        String quiet = metricRecord("district:110109", "2026-03-10T05:00:00+08:00", 9, 90);
        // The job published this scope long ago (before any topic replay) and wrote it to live_values.
        // The broker stamps append times, so "long ago" is made short: the restart below replays
        // the topics from 200 ms before the newest stored value, and (without one) 200 ms back.
        long quietAt = producer.send(new ProducerRecord<>(topic, "district:110109", quiet)).get().timestamp();
        await().atMost(WAIT).until(() -> System.currentTimeMillis() > quietAt + 1_000);
        String older = metricRecord("district:110108", "2026-03-10T15:00:00+08:00", 40, 400);
        long olderAt = producer.send(new ProducerRecord<>(topic, "district:110108", older)).get().timestamp();
        String quietAlert = "hs-110109-城关街道-NOISE-1";
        try (ClickHouseDb writer = ClickHouseDb.writer(settings)) {
            writer.insertJsonEachRow(LiveValueRows.TABLE, String.join("\n",
                    LiveValueRows.json("district:110109", quiet, Instant.ofEpochMilli(quietAt)).toString(),
                    LiveValueRows.json("district:110108", older, Instant.ofEpochMilli(olderAt)).toString())
                    .getBytes(StandardCharsets.UTF_8));
            writer.insertJsonEachRow(PointRows.FRESHNESS, PointRows.freshness("HOTLINE", "110109",
                    Instant.ofEpochMilli(quietAt).minus(Duration.ofHours(10)),
                    Instant.ofEpochMilli(quietAt).minus(Duration.ofHours(10))).toString().getBytes(StandardCharsets.UTF_8));
            writer.insertJsonEachRow("alerts", String.join("\n",
                    alertRow(quietAlert, 1, "110109", "OPEN", "2026-03-10 05:00:00", null, quietAt),
                    alertRow("hs-110109-城关街道-NOISE-0", 2, "110109", "CLOSED", "2026-03-09 05:00:00",
                            "2026-03-09 08:00:00", quietAt),
                    alertRow(ALERT_ID, 1, "110101", "OPEN", "2026-03-10 15:00:00", null, olderAt))
                    .getBytes(StandardCharsets.UTF_8));
        }
        // Published after the newest stored values and not yet written to ClickHouse: the topics
        // must bring these, and they win over the stored ones.
        publishMetric("district:110108", "2026-03-10T15:00:05+08:00", 41, 401);
        publishAlert("110101", 2);
        await().atMost(WAIT).until(() -> server.state().view("district:110108").getLong("open") == 401
                && server.state().alert(ALERT_ID).map(a -> a.version() == 2).orElse(false));

        settings = settings.with(Setting.DASHBOARD_REBUILD_MARGIN, "PT0.2S")
                .with(Setting.DASHBOARD_REBUILD_WINDOW, "PT0.2S");
        DashboardServer restarted = deploy();
        LiveState state = restarted.state();
        assertThat(state.view("district:110109").getLong("open")).isEqualTo(90);
        assertThat(state.view("district:110109").getJsonObject("today").getLong("HOTLINE")).isEqualTo(9);
        assertThat(state.view("district:110109").getJsonObject("freshness").getJsonObject("HOTLINE")
                .getLong("lagSeconds")).isBetween(10 * 3600L, 10 * 3600L + 120);
        assertThat(state.view("district:110108").getLong("open")).isEqualTo(401);
        assertThat(state.alert(quietAlert).orElseThrow().status()).isEqualTo(Alert.Status.OPEN);
        assertThat(state.alert("hs-110109-城关街道-NOISE-0")).isEmpty();
        assertThat(state.alert(ALERT_ID).orElseThrow().version()).isEqualTo(2);
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        WebSocket socket = connect("district:110109", TOKEN, received);
        await().atMost(WAIT).until(() -> !received.isEmpty());
        assertThat(received.get(0).getJsonArray("entries").getJsonObject(0).getJsonObject("data")
                .getLong("open")).isEqualTo(90);
        socket.close().await();
    }

    @Test
    void shouldLetOperatorsOfTheDistrictAckAndPublishTheCommand() throws Exception {
        publishAlert("110101", 1);
        await().atMost(WAIT).until(() -> server.state().alert(ALERT_ID).isPresent());
        String path = "/api/v1/alerts/" + java.net.URLEncoder.encode(ALERT_ID, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/ack";
        JsonObject body = new JsonObject().put("comment", "派单到东华门街道").put("assignedTo", "城管执法队");

        var viewer = client.post(server.port(), "127.0.0.1", path).bearerTokenAuthentication(VIEWER_TOKEN)
                .sendJsonObject(body).await();
        assertThat(viewer.statusCode()).isEqualTo(403);

        String cookie = signIn("dongcheng-ops", DISTRICT_OPERATOR_PASSWORD);
        var outsideDistrict = client.post(server.port(), "127.0.0.1", path).putHeader("Cookie", cookie)
                .sendJsonObject(body).await();
        assertThat(outsideDistrict.statusCode()).isEqualTo(403);

        var accepted = client.post(server.port(), "127.0.0.1", path).bearerTokenAuthentication(TOKEN)
                .sendJsonObject(body).await();
        assertThat(accepted.statusCode()).isEqualTo(202);
        ConsumerRecord<String, String> command = readOneCommand();
        JsonObject sent = new JsonObject(command.value());
        assertThat(command.key()).isEqualTo(ALERT_ID);
        assertThat(sent.getString("action")).isEqualTo("ACK");
        assertThat(sent.getString("by")).isEqualTo("local-operator");
        assertThat(sent.getString("comment")).isEqualTo("派单到东华门街道");
        assertThat(sent.getString("assignedTo")).isEqualTo("城管执法队");
        assertThat(Files.readString(settings.dataDir().resolve("audit.log")))
                .contains(sent.getString("commandId"), "local-operator", "ACK");

        JsonObject forViewer = get("/api/v1/alerts?status=all", VIEWER_TOKEN).bodyAsJsonObject();
        assertThat(forViewer.getJsonArray("alerts").getJsonObject(0).getJsonArray("points")
                .getJsonObject(0).getString("label")).isEqualTo("东华门街道·椿树胡同");
        JsonObject forOperator = get("/api/v1/alerts?status=all", TOKEN).bodyAsJsonObject();
        assertThat(forOperator.getJsonArray("alerts").getJsonObject(0).getJsonArray("points")
                .getJsonObject(0).getString("label")).isEqualTo("东华门街道·椿树胡同 12号");
        assertValidAgainstOpenApi("AlertList", forOperator);
    }

    @Test
    void shouldServeAlertHistoryFromClickHouseMergedWithTheNewerLiveState() throws Exception {
        String closedId = "hs-110102-西长安街街道-NOISE-1";
        try (ClickHouseDb writer = ClickHouseDb.writer(settings)) {
            String rows = String.join("\n",
                    alertRow(closedId, 1, "110102", "OPEN", "2026-03-01 10:00:00", null),
                    alertRow(closedId, 2, "110102", "CLOSED", "2026-03-01 10:00:00", "2026-03-01 14:00:00"),
                    // The live topic holds a newer version (2) of this one: that is what is served.
                    alertRow(ALERT_ID, 1, "110101", "OPEN", "2026-03-10 15:00:00", null));
            writer.insertJsonEachRow("alerts", rows.getBytes(StandardCharsets.UTF_8));
        }
        publishAlert("110101", 2);
        await().atMost(WAIT).until(() -> server.state().alert(ALERT_ID).isPresent());

        JsonObject all = get("/api/v1/alerts?status=all", TOKEN).bodyAsJsonObject();
        assertValidAgainstOpenApi("AlertList", all);
        assertThat(all.getInteger("total")).isEqualTo(2);
        JsonObject live = all.getJsonArray("alerts").getJsonObject(0);
        JsonObject closed = all.getJsonArray("alerts").getJsonObject(1);
        assertThat(live.getString("id")).isEqualTo(ALERT_ID);
        assertThat(live.getLong("version")).isEqualTo(2);
        assertThat(live.getLong("observed")).isEqualTo(12);
        assertThat(closed.getString("id")).isEqualTo(closedId);
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getLong("version")).isEqualTo(2);
        assertThat(closed.getString("closedAt")).isEqualTo("2026-03-01T14:00:00+08:00");
        assertThat(closed.getString("assignedTo")).isEqualTo("西城城管");
        assertThat(closed.getValue("ackedBy")).isNull();
        assertThat(closed.getJsonArray("points").getJsonObject(0).getString("label")).isEqualTo("西长安街 8号");

        assertThat(ids("/api/v1/alerts?status=closed", TOKEN)).containsExactly(closedId);
        assertThat(ids("/api/v1/alerts", TOKEN)).containsExactly(ALERT_ID);
        assertThat(ids("/api/v1/alerts?status=all&from=2026-03-05T00:00:00%2B08:00", TOKEN))
                .containsExactly(ALERT_ID);
        JsonObject forViewer = get("/api/v1/alerts?status=all&district=110102", VIEWER_TOKEN).bodyAsJsonObject();
        assertThat(forViewer.getJsonArray("alerts").getJsonObject(0).getJsonArray("points")
                .getJsonObject(0).getString("label")).isEqualTo("西长安街");
    }

    private List<String> ids(String path, String token) {
        return get(path, token).bodyAsJsonObject().getJsonArray("alerts").stream()
                .map(a -> ((JsonObject) a).getString("id")).toList();
    }

    /** A row of the alerts table as the alert job writes it (times on the city's clock). */
    private static String alertRow(String id, int version, String district, String status, String openedAt,
            String closedAt) {
        return alertRow(id, version, district, status, openedAt, closedAt, null);
    }

    private static String alertRow(String id, int version, String district, String status, String openedAt,
            String closedAt, Long writtenAtMs) {
        String writtenAt = writtenAtMs == null ? openedAt : java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.of("Asia/Shanghai"))
                .format(Instant.ofEpochMilli(writtenAtMs));
        return new JsonObject().put("id", id).put("version", version).put("district", district)
                .put("street", "西长安街街道").put("category", "NOISE").put("kind", "PERSISTENT")
                .put("severity", "MEDIUM").put("status", status).put("opened_at", openedAt)
                .put("last_seen_at", openedAt).put("closed_at", closedAt).put("observed", 3)
                .put("expected", 1.5).put("score", 2.2)
                .put("points", "[{\"label\":\"西长安街 8号\",\"lon\":null,\"lat\":null,\"count\":3}]")
                .put("acked_by", "").put("comment", "").put("assigned_to", "西城城管")
                .put("written_at", writtenAt).encode();
    }

    @Test
    void shouldCompareTodaySoFarWithTheSameHoursAWeekEarlierAndEndADailySeriesWithToday() {
        // SPEC §4: volumes "each with the same figure one week earlier". Tuesday 10 March until
        // 12:00 holds 3 hotline cases; Tuesday 3 March held 2 by 12:00 and 5 more in the afternoon.
        String scope = "district:110116";
        try (ClickHouseDb writer = ClickHouseDb.writer(settings)) {
            writer.insertJsonEachRow("metric_minutes", String.join("\n",
                    pane("minute", scope, "2026-03-10 09:00:00", 3),
                    pane("minute", scope, "2026-03-03 09:00:00", 2),
                    pane("minute", scope, "2026-03-03 15:00:00", 5)).getBytes(StandardCharsets.UTF_8));
            writer.insertJsonEachRow("metric_days", String.join("\n",
                    pane("day", scope, "2026-03-10", 3),
                    pane("day", scope, "2026-03-03", 7)).getBytes(StandardCharsets.UTF_8));
        }
        JsonObject today = get("/api/v1/timeseries?metric=created_hotline&district=110116"
                + "&from=2026-03-10T00:00:00%2B08:00&to=2026-03-10T12:00:00%2B08:00", TOKEN).bodyAsJsonObject();
        assertThat(today.getDouble("total")).isEqualTo(3.0);
        assertThat(today.getDouble("previousWeekTotal")).as(today.encode()).isEqualTo(2.0);
        // A daily series up to noon ends with today so far, not with an empty day.
        JsonObject daily = get("/api/v1/timeseries?metric=created_hotline&district=110116&step=1d"
                + "&from=2026-03-01T00:00:00%2B08:00&to=2026-03-10T12:00:00%2B08:00", TOKEN).bodyAsJsonObject();
        var points = daily.getJsonArray("points");
        assertThat(points.getJsonObject(points.size() - 1).getString("t")).startsWith("2026-03-10T00:00");
        assertThat(points.getJsonObject(points.size() - 1).getDouble("value")).as(daily.encode()).isEqualTo(3.0);
        assertThat(daily.getDouble("total")).isEqualTo(10.0);
    }

    /** A metric pane as the job writes it: {@code grain} "minute" or "day". */
    private static String pane(String grain, String scope, String at, long createdHotline) {
        return new JsonObject().put("scope", scope).put("scope_kind", scope.split(":")[0]).put(grain, at)
                .put("created_hotline", createdHotline).put("version", 1).encode();
    }

    @Test
    void shouldGiveTheSeriesBesideTheSamePeriodOneWeekEarlier() {
        // 15:05 and 15:50 this Tuesday; last Tuesday 15:20, and 16:10 just outside the hour asked for.
        String scope = "district:110101";
        try (ClickHouseDb writer = ClickHouseDb.writer(settings)) {
            writer.insertJsonEachRow("metric_minutes", String.join("\n",
                    pane("minute", scope, "2026-03-10 15:05:00", 7), pane("minute", scope, "2026-03-10 15:50:00", 2),
                    pane("minute", scope, "2026-03-03 15:20:00", 3), pane("minute", scope, "2026-03-03 16:10:00", 100),
                    pane("minute", "district:110102", "2026-03-03 15:20:00", 50)).getBytes(StandardCharsets.UTF_8));
        }
        JsonObject series = get("/api/v1/timeseries?metric=created_hotline&district=110101"
                + "&from=2026-03-10T15:00:00%2B08:00&to=2026-03-10T16:00:00%2B08:00&step=1h", TOKEN).bodyAsJsonObject();

        assertThat(series.getJsonArray("points").getList()).singleElement().isEqualTo(
                Map.of("t", "2026-03-10T15:00:00+08:00", "value", 9.0));
        // Each earlier bucket is given at the time of this period's bucket it compares with.
        assertThat(series.getJsonArray("lastWeek").getList()).singleElement().isEqualTo(
                Map.of("t", "2026-03-10T15:00:00+08:00", "value", 3.0));
    }

    @Test
    void shouldAnswerClickHouseRoutesWithDocumentedShapes() {
        for (String[] route : new String[][] {
                {"/api/v1/cases?district=110101&status=overdue", "CaseList"},
                {"/api/v1/timeseries?metric=response_rate&district=110101", "Timeseries"},
                {"/api/v1/ranking?by=district&period=month", "Ranking"},
                {"/api/v1/districts/110101", "DistrictDetail"},
                {"/api/v1/me", "Me"}}) {
            HttpResponse<io.vertx.core.buffer.Buffer> response = get(route[0], TOKEN);
            assertThat(response.statusCode()).as(route[0] + ": " + response.bodyAsString()).isEqualTo(200);
            assertValidAgainstOpenApi(route[1], response.bodyAsJsonObject());
        }
    }

    @Test
    void shouldListADistrictsHandlingUnitsWithOpenCasesFromTheLiveBacklogMostFirst() throws Exception {
        String asOf = "2026-03-10T15:42:07+08:00";
        publishMetric("district-unit:110101:东华门街道办事处", asOf, 0, 3);
        publishMetric("district-unit:110101:城管执法队", asOf, 0, 9);
        publishMetric("district-unit:110101:水务所", asOf, 0, 3);
        publishMetric("district-unit:110101:已办结单位", asOf, 0, 0); // nothing open: not listed
        publishMetric("district-unit:110102:城管执法队", asOf, 0, 40); // another district's
        await().atMost(WAIT).until(() -> get("/api/v1/districts/110101", TOKEN).bodyAsJsonObject()
                .getJsonArray("units").size() == 3);
        JsonObject page = get("/api/v1/districts/110101", TOKEN).bodyAsJsonObject();
        assertThat(page.getJsonArray("units").stream().map(u -> ((JsonObject) u).getString("unit")
                + "=" + ((JsonObject) u).getLong("open")).toList())
                .containsExactly("城管执法队=9", "东华门街道办事处=3", "水务所=3");
        JsonObject first = page.getJsonArray("units").getJsonObject(0);
        assertThat(first.getLong("overdue")).isEqualTo(2);
        assertThat(first.getLong("aboutToBreach")).isEqualTo(1);
        assertValidAgainstOpenApi("DistrictDetail", page);
    }

    @Test
    void shouldNeverAnswer5xxNorReflectInjectionPayloadsAndSendOnlyWhitelistedQueryShapes() {
        String[] payloads = {"' OR 1=1 --", "110101' UNION SELECT name FROM system.users --",
                "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "1; DROP TABLE cases",
                "%27%20OR%20%271%27=%271", "\\' OR sleep(3) --", "2026-03-10T00:00:00+08:00' --"};
        // Each route with P where a payload goes, and a legitimate value for P: the legitimate
        // run shows which query shapes the server produces, the payload run must stay within them.
        String[][] routes = {{"/api/v1/cases?district=P", "110101"},
                {"/api/v1/cases?street=P&district=110101", "东华门街道"}, {"/api/v1/cases?street=P", "八里庄街道"},
                {"/api/v1/cases?category=P", "NOISE"},
                {"/api/v1/cases?unit=P", "东城区城管执法局"}, {"/api/v1/cases?status=P", "overdue"},
                {"/api/v1/cases?from=P", "2026-03-10T00:00:00+08:00"}, {"/api/v1/cases?limit=P", "20"},
                {"/api/v1/timeseries?metric=P", "response_rate"}, {"/api/v1/timeseries?district=P", "110101"},
                {"/api/v1/timeseries?step=P", "1h"}, {"/api/v1/timeseries?to=P", "2026-03-10T00:00:00+08:00"},
                {"/api/v1/alerts?status=P", "all"}, {"/api/v1/alerts?severity=P", "HIGH"},
                {"/api/v1/alerts?district=P&status=all", "110101"}, {"/api/v1/ranking?by=P", "street"},
                {"/api/v1/ranking?period=P", "week"}, {"/api/v1/districts/P", "110101"},
                {"/ws/live?channel=P", "city"}};
        try (ClickHouseDb writer = ClickHouseDb.writer(settings)) {
            long legitimateFrom = Instant.now().getEpochSecond();
            for (String[] route : routes) {
                HttpResponse<io.vertx.core.buffer.Buffer> r = get(withValue(route[0], route[1]), TOKEN);
                assertThat(r.statusCode()).as(route[0]).isLessThan(500);
            }
            Set<String> whitelist = readerQueries(writer, legitimateFrom).stream()
                    .map(LiveServerITCase::shape).collect(Collectors.toSet());
            // Every ClickHouse route ran: cases, the three series queries, ranking, district detail.
            assertThat(whitelist).hasSizeGreaterThanOrEqualTo(8)
                    .anySatisfy(q -> assertThat(q).contains("FROM cases FINAL", "unit = ?"))
                    .anySatisfy(q -> assertThat(q).contains("FROM metric_minutes FINAL"))
                    .anySatisfy(q -> assertThat(q).contains("FROM watchlist FINAL"));

            long payloadsFrom = Instant.now().getEpochSecond();
            for (String[] route : routes) {
                for (String payload : payloads) {
                    String path = withValue(route[0], payload);
                    HttpResponse<io.vertx.core.buffer.Buffer> r = get(path, TOKEN);
                    assertThat(r.statusCode()).as(path).isBetween(200, 499);
                    assertThat(r.bodyAsString()).as(path).doesNotContain(payload);
                }
            }
            List<String> logged = readerQueries(writer, payloadsFrom);
            // Free-text 'unit' reaches SQL, so the payloads did too: the check below is not vacuous.
            assertThat(logged).anySatisfy(q -> assertThat(q).contains(quoted(payloads[0])));
            for (String query : logged) {
                assertThat(shape(query)).as(query).isIn(whitelist);
                String outsideLiterals = shape(query);
                for (String payload : payloads) {
                    assertThat(query.replace(quoted(payload), "?")).as(query).doesNotContain(payload);
                    assertThat(outsideLiterals).as(query).doesNotContainIgnoringCase("union")
                            .doesNotContainIgnoringCase("sleep(").doesNotContain("DROP").doesNotContain("--");
                }
            }
            assertThat(readerFailures(writer, legitimateFrom)).as("reader queries that failed").isEmpty();
        }
        // The server's ClickHouse user cannot write, whatever reached it.
        try (var reader = ClickHouseDb.reader(settings)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.execute(
                    "INSERT INTO cases (case_id) VALUES ('x')")).hasMessageContaining("readonly");
        }
    }

    private static String withValue(String route, String value) {
        return route.replace("P", java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** The query with its literals replaced: quoted strings (with backslash escapes) and numbers. */
    static String shape(String query) {
        return query.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "?")
                .replaceAll("\\b\\d+(?:\\.\\d+)?\\b", "?");
    }

    /** A ClickHouse string literal as the escaping rules of 18.16 want it, written independently. */
    static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Distinct statements the read-only user sent since then (query_log; logged per its profile). */
    private List<String> readerQueries(ClickHouseDb writer, long sinceEpochSecond) {
        writer.execute("SYSTEM FLUSH LOGS");
        return writer.query("SELECT DISTINCT query FROM system.query_log WHERE user = "
                + quoted(settings.get(Setting.CLICKHOUSE_READER_USER)) + " AND event_time >= toDateTime("
                + sinceEpochSecond + ")").stream().map(row -> row.get("query").asText()).toList();
    }

    // query_log type 3 = exception before start, 4 = exception while processing.
    private List<String> readerFailures(ClickHouseDb writer, long sinceEpochSecond) {
        return writer.query("SELECT query, exception FROM system.query_log WHERE user = "
                + quoted(settings.get(Setting.CLICKHOUSE_READER_USER)) + " AND event_time >= toDateTime("
                + sinceEpochSecond + ") AND type IN (3, 4)").stream()
                .map(row -> row.get("query").asText() + " -> " + row.get("exception").asText()).toList();
    }

    String signIn(String user, String password) {
        var response = client.post(server.port(), "127.0.0.1", "/login")
                .sendJsonObject(new JsonObject().put("user", user).put("password", password)).await();
        assertThat(response.statusCode()).isEqualTo(200);
        return response.cookies().get(0).split(";", 2)[0];
    }

    WebSocket connect(String channel, String token, List<JsonObject> sink) {
        // Kept: Vert.x closes a client (and its sockets) once it is no longer referenced and the
        // garbage collector notices, which made a test's sockets vanish mid-test.
        WebSocketClient ws = vertx.createWebSocketClient();
        webSocketClients.add(ws);
        WebSocket socket = ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                .setPort(server.port()).setURI("/ws/live?channel=" + channel)
                .addHeader("Authorization", "Bearer " + token))
                // Set as the connection completes, on the event loop: after await() the snapshot
                // the server sends at once could already be gone.
                .onSuccess(s -> s.textMessageHandler(text -> sink.add(new JsonObject(text))))
                .await();
        return socket;
    }

    ConsumerRecord<String, String> readOneCommand() {
        Properties p = new Properties();
        p.put("bootstrap.servers", settings.get(Setting.KAFKA_BOOTSTRAP));
        p.put("group.id", "it-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(settings.get(Setting.TOPIC_ALERT_COMMANDS)));
            List<ConsumerRecord<String, String>> got = new CopyOnWriteArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
                return !got.isEmpty();
            });
            return got.get(0);
        }
    }

    static void assertValid(String resource, String uri, JsonObject instance) {
        validate(uri, resourceJson("api/" + resource), instance);
    }

    /** Validates against a component schema of the served OpenAPI document. */
    static void assertValidAgainstOpenApi(String component, JsonObject instance) {
        JsonObject openApi = resourceJson("api/openapi.json");
        JsonObject schema = new JsonObject().put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$ref", "#/$defs/" + component)
                .put("$defs", new JsonObject(openApi.getJsonObject("components").getJsonObject("schemas")
                        .encode().replace("#/components/schemas/", "#/$defs/")));
        validate(component, schema, instance);
    }

    private static void validate(String name, JsonObject schema, JsonObject instance) {
        JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
                .setBaseUri("https://civicpulse.local/");
        SchemaRepository repo = SchemaRepository.create(options);
        String id = "https://civicpulse.local/" + name.replaceAll("[^A-Za-z.]", "") + ".json";
        repo.dereference(id, JsonSchema.of(schema.copy().put("$id", id)));
        OutputUnit result = repo.validator(id).validate(instance);
        assertThat(result.getValid()).as(name + ": " + result.getErrors()).isTrue();
    }

    static JsonObject resourceJson(String path) {
        try (var in = LiveServerITCase.class.getClassLoader().getResourceAsStream(path)) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
