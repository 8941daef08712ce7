package org.civicpulse.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.Wait;

/**
 * A screen as the dashboard server sees one: a WebSocket client of {@code /ws/live} (city
 * channel) that records, on this machine's clock, when each new city count of hotline cases in the
 * last 24 h arrives — from the snapshot, deltas and batches alike (docs/API.md).
 */
final class ScreenClient implements WebSocket.Listener, AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final List<long[]> arrivals;
    private final StringBuilder partial = new StringBuilder();
    private volatile long count = -1;
    private volatile long changedAt = System.nanoTime();
    private WebSocket socket;

    private ScreenClient(List<long[]> arrivals) {
        this.arrivals = arrivals;
    }

    static ScreenClient open(Settings s, List<long[]> arrivals) throws Exception {
        ScreenClient client = new ScreenClient(arrivals);
        String url = "ws://127.0.0.1:" + s.getInt(Setting.DASHBOARD_PORT) + "/ws/live?channel=city";
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + s.get(Setting.TOKEN))
                .buildAsync(URI.create(url), client).get(30, TimeUnit.SECONDS);
        // On a fresh stack the city appears once the job has published it: allow for its start-up.
        Wait.until("the dashboard's snapshot with the city", Duration.ofSeconds(120), () -> client.count >= 0);
        return client;
    }

    /** The count once it has not changed for 3 s (the warm-up events have arrived). */
    long settledCount() {
        Wait.until("the city count to settle", Duration.ofSeconds(60),
                () -> System.nanoTime() - changedAt > Duration.ofSeconds(3).toNanos());
        return count;
    }

    void awaitCount(long target, Duration timeout) {
        try {
            Wait.until("the screen to count " + target, timeout, () -> count >= target);
        } catch (IllegalStateException e) {
            // Reported as events not seen live, not as a failure of the benchmark.
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            read(partial.toString());
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    private void read(String text) {
        try {
            JsonNode m = json.readTree(text);
            switch (m.path("type").asText()) {
                case "snapshot" -> m.path("entries").forEach(this::entry);
                case "delta" -> entry(m);
                case "batch" -> m.path("deltas").forEach(this::entry);
                default -> { }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable message from /ws/live: " + text, e);
        }
    }

    private void entry(JsonNode e) {
        if ("metrics".equals(e.path("kind").asText()) && "city".equals(e.path("key").asText())) {
            long c = e.path("data").path(LiveLatencyBenchmark.WINDOW).path("HOTLINE").asLong();
            if (c != count) {
                count = c;
                changedAt = System.nanoTime();
                arrivals.add(new long[] {System.currentTimeMillis(), c});
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
