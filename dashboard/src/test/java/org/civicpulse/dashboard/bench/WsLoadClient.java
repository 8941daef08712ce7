package org.civicpulse.dashboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Benchmark client process: N WebSocket screens on /ws/live; records, for every delta, the delay
 * from the update reaching the server ({@code ts}) to its arrival here, and prints percentiles.
 * Args: port clients seconds token.
 *
 * <p>It shares the machine's cores with the server, so each message costs it as little as
 * possible: the raw frame bytes (no UTF-8 decoding, no JSON parsing: {@code ts} is read from the
 * bytes, the server writes it before {@code data}) and a lock-free histogram of whole milliseconds.
 */
public final class WsLoadClient {
    private static final byte[] DELTA = "{\"type\":\"delta\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TS = "\"ts\":".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_MS = 60_000;

    private WsLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(clients + 10).setMaxFrameSize(1 << 20));
        // delays[ms] = deltas that arrived that many ms after ts; the last slot holds the rest.
        AtomicLongArray delays = new AtomicLongArray(MAX_MS + 1);
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
                        socket.frameHandler(frame -> {
                            long ts = deltaTs(frame.binaryData());
                            if (ts > 0) {
                                long ms = System.currentTimeMillis() - ts;
                                delays.incrementAndGet((int) Math.max(0, Math.min(MAX_MS, ms)));
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
        long[] before = snapshot(delays);
        Thread.sleep(seconds * 1000L); // the measurement window, not synchronisation
        long[] window = snapshot(delays);
        long total = 0;
        for (int i = 0; i < window.length; i++) {
            window[i] -= before[i];
            total += window[i];
        }
        if (total == 0) {
            System.out.println("no deltas received");
        } else {
            long p50 = percentile(window, total, 0.50);
            long p99 = percentile(window, total, 0.99);
            long max = percentile(window, total, 1.0);
            System.out.printf("clients=%d deltas=%d p50=%d ms p99=%d ms max=%d ms%n", connected.get(),
                    total, p50, p99, max);
            System.out.printf("| %,d | %,d | %,d | %d ms | %d ms | %d ms |%n", clients, connected.get(),
                    total, p50, p99, max);
        }
        vertx.close().await();
        System.exit(0);
    }

    /** The {@code ts} of a delta message, or -1 for any other message. */
    static long deltaTs(Buffer message) {
        if (!startsWith(message, 0, DELTA)) {
            return -1;
        }
        for (int i = DELTA.length; i + TS.length < message.length(); i++) {
            if (startsWith(message, i, TS)) {
                long ts = 0;
                for (int j = i + TS.length; j < message.length(); j++) {
                    byte b = message.getByte(j);
                    if (b < '0' || b > '9') {
                        break;
                    }
                    ts = ts * 10 + (b - '0');
                }
                return ts;
            }
        }
        return -1;
    }

    private static boolean startsWith(Buffer message, int at, byte[] prefix) {
        if (message.length() < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (message.getByte(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long[] snapshot(AtomicLongArray counts) {
        long[] out = new long[counts.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = counts.get(i);
        }
        return out;
    }

    /** The smallest delay (ms) at or below which the given share of the deltas arrived. */
    static long percentile(long[] counts, long total, double share) {
        long rank = Math.max(1, (long) Math.ceil(total * share));
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen >= rank) {
                return ms;
            }
        }
        return counts.length - 1;
    }
}
