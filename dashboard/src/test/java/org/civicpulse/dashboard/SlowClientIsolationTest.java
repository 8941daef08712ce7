package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One screen that stops reading next to one that keeps up, on the real HTTP verticle: the
 * reader that keeps up gets every delta in sequence and promptly, the stalled one overflows its
 * queue and, once it reads again, is made consistent by a fresh snapshot.
 */
@ExtendWith(VertxExtension.class)
class SlowClientIsolationTest {
    private static final int QUEUE = 8;
    private static final int ROUND = 200;
    private static final long FINAL_OPEN = 999_999;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration DELAY_BOUND = Duration.ofSeconds(2);

    /** A message as it arrived, parsed only after the run so the reader stays fast. */
    private record Arrival(String text, long atMs) {
    }

    private Vertx vertx;
    private LiveState state;
    private ServerMetrics metrics;
    private HttpVerticle verticle;
    private final List<String> scopes = new ArrayList<>();
    // Held: Vert.x closes a client it finds unreachable, and its sockets with it.
    private final List<WebSocketClient> clients = new ArrayList<>();
    private long published;

    @BeforeEach
    void deploy(Vertx vertx, @TempDir Path dataDir) throws Exception {
        this.vertx = vertx;
        state = HttpVerticle.standaloneState();
        metrics = new ServerMetrics();
        verticle = new HttpVerticle(state, metrics, () -> true);
        Files.createDirectories(dataDir);
        vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(StandaloneConfig.withOptions(
                new JsonObject().put(Setting.DASHBOARD_WS_QUEUE.key(), Integer.toString(QUEUE))
                        .put(Setting.DATA_DIR.key(), dataDir.toString())))).await();
        scopes.add(LiveState.CITY);
        Catalogue.load().districts().forEach(d -> scopes.add("district:" + d.code()));
    }

    @Test
    void shouldKeepTheReadingClientInSequenceAndResyncTheStalledOneAfterItsQueueOverflows() {
        List<Arrival> steady = new CopyOnWriteArrayList<>();
        List<Arrival> stalled = new CopyOnWriteArrayList<>();
        connect(new WebSocketClientOptions(), steady);
        // A tiny receive window, so the paused socket's kernel buffers fill after a few frames.
        WebSocket slow = connect(new WebSocketClientOptions().setReceiveBufferSize(4096), stalled);
        slow.pause();
        await().atMost(WAIT).until(() -> steady.size() >= 1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            publishRound();
            return metrics.overflows() > 0;
        });
        long finalSeq = publish(LiveState.CITY, FINAL_OPEN);
        await().atMost(WAIT).until(() -> lastSeq(steady) == finalSeq);

        Replay reading = Replay.of(steady);
        assertThat(reading.snapshots).as("the reading client never needed a resync").isEqualTo(1);
        assertThat(reading.deltas).isGreaterThan(ROUND);
        assertThat(reading.lastSeq).isEqualTo(finalSeq);
        assertThat(reading.open(LiveState.CITY)).isEqualTo(FINAL_OPEN);
        assertThat(reading.worstDelayMs).as("push delay while the other client stalled")
                .isLessThanOrEqualTo(DELAY_BOUND.toMillis());

        slow.resume();
        await().atMost(WAIT).until(() -> lastSeq(stalled) == finalSeq);
        Replay recovered = Replay.of(stalled);
        assertThat(recovered.snapshots).as("first snapshot, then the one owed after the overflow")
                .isGreaterThanOrEqualTo(2);
        assertThat(recovered.lastSeq).isEqualTo(finalSeq);
        assertThat(recovered.open(LiveState.CITY)).isEqualTo(FINAL_OPEN);
        assertThat(recovered.open(scopes.get(scopes.size() - 1)))
                .isEqualTo(reading.open(scopes.get(scopes.size() - 1)));
    }

    private WebSocket connect(WebSocketClientOptions options, List<Arrival> sink) {
        WebSocketClient client = vertx.createWebSocketClient(options);
        clients.add(client);
        WebSocket socket = client.connect(new WebSocketConnectOptions()
                .setHost("127.0.0.1").setPort(verticle.port()).setURI("/ws/live?channel=city")
                .addHeader("Authorization", "Bearer " + StandaloneConfig.TOKEN))
                // The handler is set on the event loop as the connection completes, before any frame
                // is read: set after await() it could miss the snapshot the server sends at once.
                .onSuccess(ws -> ws.textMessageHandler(text -> sink.add(new Arrival(text, System.currentTimeMillis()))))
                .await();
        return socket;
    }

    private void publishRound() {
        for (int i = 0; i < ROUND; i++) {
            publish(scopes.get((int) (published % scopes.size())), published);
        }
    }

    /** Applies one update as the feed would and publishes its frames; returns the city's seq. */
    private long publish(String scope, long open) {
        published++;
        JsonObject counters = new JsonObject().put("created_hotline", open).put("created_grid", 5)
                .put("response_decisions", 10).put("response_on_time", 9).put("ratings", 4);
        JsonObject record = new JsonObject().put("scope", scope).put("kind", scope.split(":")[0])
                .put("asOf", "2026-03-10T15:00:00+08:00")
                .put("gauges", new JsonObject().put("open", open).put("overdue", 2))
                .put("last60m", counters).put("last24h", counters).put("today", counters);
        long seq = -1;
        for (Frame frame : state.applyMetrics(record, System.currentTimeMillis())) {
            vertx.eventBus().publish(LiveFeedVerticle.FRAMES, frame);
            if (frame.channel().equals(LiveState.CITY)) {
                seq = frame.seq();
            }
        }
        return seq;
    }

    private static long lastSeq(List<Arrival> arrivals) {
        return arrivals.isEmpty() ? -1
                : new JsonObject(arrivals.get(arrivals.size() - 1).text()).getLong("seq", -1L);
    }

    /** The client rule of docs/API.md applied to what arrived; an out-of-order seq fails. */
    private static final class Replay {
        int snapshots;
        int deltas;
        long lastSeq = -1;
        long worstDelayMs;
        final Map<String, JsonObject> values = new HashMap<>();

        static Replay of(List<Arrival> arrivals) {
            Replay replay = new Replay();
            arrivals.forEach(replay::apply);
            return replay;
        }

        long open(String key) {
            return values.get(key).getLong("open");
        }

        private void apply(Arrival arrival) {
            JsonObject m = new JsonObject(arrival.text());
            switch (m.getString("type")) {
                case "snapshot" -> {
                    snapshots++;
                    values.clear();
                    m.getJsonArray("entries").forEach(e -> values.put(((JsonObject) e).getString("key"),
                            ((JsonObject) e).getJsonObject("data")));
                    lastSeq = m.getLong("seq");
                }
                case "delta" -> {
                    assertThat(m.getLong("seq")).as("delta after seq " + lastSeq).isEqualTo(lastSeq + 1);
                    delta(m, arrival);
                }
                case "batch" -> {
                    assertThat(m.getLong("fromSeq")).as("batch after seq " + lastSeq).isEqualTo(lastSeq + 1);
                    m.getJsonArray("deltas").forEach(d -> delta((JsonObject) d, arrival));
                    lastSeq = m.getLong("seq");
                }
                default -> throw new AssertionError("Unexpected message " + m);
            }
        }

        private void delta(JsonObject delta, Arrival arrival) {
            deltas++;
            values.put(delta.getString("key"), delta.getJsonObject("data"));
            lastSeq = delta.getLong("seq");
            worstDelayMs = Math.max(worstDelayMs, arrival.atMs() - delta.getLong("ts"));
        }
    }
}
