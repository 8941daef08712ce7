package org.civicpulse.dashboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark client process: N WebSocket screens on /ws/live; records, for every delta, the delay
 * from the update reaching the server ({@code ts}) to its arrival here, and prints percentiles.
 * Args: port clients seconds token.
 */
public final class WsLoadClient {
    private WsLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(clients + 10));
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch opened = new CountDownLatch(clients);
        long start = System.currentTimeMillis();
        for (int i = 0; i < clients; i++) {
            ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/ws/live?channel=city").addHeader("Authorization", "Bearer " + token))
                    .onSuccess(socket -> {
                        connected.incrementAndGet();
                        opened.countDown();
                        socket.textMessageHandler(text -> {
                            long now = System.currentTimeMillis();
                            JsonObject m = new JsonObject(text);
                            if ("delta".equals(m.getString("type"))) {
                                delays.add(now - m.getLong("ts"));
                            }
                        });
                    })
                    .onFailure(e -> {
                        failed.incrementAndGet();
                        opened.countDown();
                    });
        }
        opened.await(120, TimeUnit.SECONDS);
        System.out.printf("connected %d of %d (%d failed) in %d ms%n", connected.get(), clients,
                failed.get(), System.currentTimeMillis() - start);
        delays.clear();
        Thread.sleep(seconds * 1000L); // the measurement window, not synchronisation
        List<Long> sorted;
        synchronized (delays) {
            sorted = new ArrayList<>(delays);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("no deltas received");
        } else {
            System.out.printf("clients=%d deltas=%d p50=%d ms p99=%d ms max=%d ms%n", connected.get(),
                    sorted.size(), sorted.get(sorted.size() / 2),
                    sorted.get((int) (sorted.size() * 0.99)), sorted.get(sorted.size() - 1));
        }
        vertx.close().await();
        System.exit(0);
    }
}
