package org.civicpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client on a recording outlet whose "write buffer" the test fills and drains by hand. */
class LiveClientTest {
    private static final String AS_OF = "2026-03-10T15:00:00+08:00";
    private static final int QUEUE = 3;

    private final List<JsonObject> written = new ArrayList<>();
    private boolean full;
    private boolean closed;
    private Runnable drain;
    private LiveState state;
    private ServerMetrics metrics;
    private LiveClient client;

    @BeforeEach
    void connect() {
        state = HttpVerticle.standaloneState();
        metrics = new ServerMetrics();
        client = new LiveClient(new LiveClient.Outlet() {
            @Override
            public boolean full() {
                if (closed) {
                    throw new IllegalStateException("WebSocket is closed"); // as Vert.x does
                }
                return full;
            }

            @Override
            public boolean closed() {
                return closed;
            }

            @Override
            public void write(byte[] utf8) {
                written.add(new JsonObject(new String(utf8, java.nio.charset.StandardCharsets.UTF_8)));
            }

            @Override
            public void onDrain(Runnable drained) {
                drain = drained;
            }
        }, state, metrics, QUEUE, LiveState.CITY);
        client.resync();
    }

    /** Publishes a city-channel metrics update of one district (or the city) with {@code open}. */
    private void publish(String scope, long open) {
        String kind = scope.split(":")[0];
        JsonObject record = new JsonObject().put("scope", scope).put("kind", kind).put("asOf", AS_OF)
                .put("gauges", new JsonObject().put("open", open));
        state.applyMetrics(record, System.currentTimeMillis()).stream()
                .filter(f -> f.channel().equals(LiveState.CITY)).forEach(client::offer);
    }

    @Test
    void shouldIgnoreDeltasOnceItsSocketClosedWithoutThrowing() {
        int before = written.size();
        closed = true;
        publish("district:110101", 1);
        assertThat(written).hasSize(before);
    }

    @Test
    void shouldWriteDeltasAsTheyComeWhileTheSocketKeepsUp() {
        long start = written.get(0).getLong("seq");
        publish("district:110101", 1);
        publish("district:110102", 2);

        assertThat(written).extracting(m -> m.getString("type")).containsExactly("snapshot", "delta", "delta");
        assertThat(written.subList(1, 3)).extracting(m -> m.getLong("seq")).containsExactly(start + 1, start + 2);
    }

    @Test
    void shouldCoalesceWhileFullAndFlushOneBatchOfTheLatestValuesOnDrain() {
        long start = written.get(0).getLong("seq");
        full = true;
        publish("district:110101", 1);
        publish("district:110102", 2);
        publish("district:110101", 3);
        assertThat(written).hasSize(1);

        full = false;
        drain.run();
        JsonObject batch = written.get(1);
        assertThat(batch.getString("type")).isEqualTo("batch");
        assertThat(batch.getString("channel")).isEqualTo("city");
        assertThat(batch.getLong("fromSeq")).isEqualTo(start + 1);
        assertThat(batch.getLong("seq")).isEqualTo(start + 3);
        JsonArray deltas = batch.getJsonArray("deltas");
        // 110101's first value (seq start+1) was replaced by its latest; order follows seq.
        assertThat(deltas.stream().map(d -> ((JsonObject) d).getLong("seq")).toList())
                .containsExactly(start + 2, start + 3);
        assertThat(deltas.getJsonObject(1).getString("key")).isEqualTo("district:110101");
        assertThat(deltas.getJsonObject(1).getJsonObject("data").getLong("open")).isEqualTo(3);

        // After the batch the client continues with plain deltas from the batch's seq.
        publish("city", 4);
        assertThat(written.get(2).getString("type")).isEqualTo("delta");
        assertThat(written.get(2).getLong("seq")).isEqualTo(start + 4);
    }

    @Test
    void shouldDropTheQueueOnOverflowAndSendOneFreshSnapshotOnlyWhenTheSocketDrains() {
        full = true;
        List<String> codes = org.civicpulse.contract.Catalogue.load().districts().stream()
                .map(d -> d.code()).toList();
        for (int i = 0; i < codes.size(); i++) {
            publish("district:" + codes.get(i), i + 1);
        }
        assertThat(metrics.overflows()).isEqualTo(1);
        assertThat(client.snapshotOwed()).isTrue();
        // Nothing was written while full: a reader that never reads costs no more memory.
        assertThat(written).hasSize(1);

        full = false;
        drain.run();
        assertThat(written).hasSize(2);
        JsonObject snapshot = written.get(1);
        assertThat(snapshot.getString("type")).isEqualTo("snapshot");
        long lastSeq = 16 + written.get(0).getLong("seq");
        assertThat(snapshot.getLong("seq")).isEqualTo(lastSeq);
        assertThat(snapshot.getJsonArray("entries").stream().map(e -> (JsonObject) e)
                .filter(e -> ("district:" + codes.get(15)).equals(e.getString("key")))
                .map(e -> e.getJsonObject("data").getLong("open")).toList()).containsExactly(16L);

        publish("city", 99);
        assertThat(written.get(2).getString("type")).isEqualTo("delta");
        assertThat(written.get(2).getLong("seq")).isEqualTo(lastSeq + 1);
    }

    @Test
    void shouldIgnoreDeltasOfOtherChannels() {
        JsonObject record = new JsonObject().put("scope", "street:110101:东华门街道").put("kind", "street")
                .put("asOf", AS_OF);
        state.applyMetrics(record, 0).forEach(client::offer);
        assertThat(written).hasSize(1);
    }
}
