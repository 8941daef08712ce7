package org.civicpulse.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a local job through Flink's REST API and keeps its latest completed checkpoint's size
 * and end-to-end duration, and its state size per job vertex, so a benchmark can report the state
 * a run leaves behind and which operators hold it.
 */
final class CheckpointProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String rest;
    private volatile long[] last;
    private long lastId = -1;
    private volatile Map<String, Long> lastByVertex = Map.of();
    private volatile boolean stopped;
    private Thread thread;

    private CheckpointProbe(int port) {
        this.rest = "http://127.0.0.1:" + port;
    }

    static CheckpointProbe start(int port) {
        CheckpointProbe p = new CheckpointProbe(port);
        p.thread = new Thread(p::run, "checkpoint-probe");
        p.thread.setDaemon(true);
        p.thread.start();
        return p;
    }

    private void run() {
        while (!stopped) {
            try {
                for (JsonNode job : get("/jobs").path("jobs")) {
                    String id = job.path("id").asText();
                    JsonNode done = get("/jobs/" + id + "/checkpoints").path("latest").path("completed");
                    // Only checkpoints taken while every task still runs: once the bounded input
                    // ends, finished tasks report no state and the figure would shrink.
                    if (done.has("id") && allRunning(id) && done.path("id").asLong() != lastId) {
                        lastId = done.path("id").asLong();
                        long size = done.has("checkpointed_size") ? done.path("checkpointed_size").asLong()
                                : done.path("state_size").asLong();
                        last = new long[] {size, done.path("end_to_end_duration").asLong()};
                        lastByVertex = byVertex(id, done.path("id").asLong());
                    }
                }
            } catch (Exception e) {
                // The cluster is starting or already gone: keep what was seen.
            }
            try {
                Thread.sleep(1000); // polling interval
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean allRunning(String job) throws Exception {
        for (JsonNode v : get("/jobs/" + job).path("vertices")) {
            if (!"RUNNING".equals(v.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** State bytes per job vertex (an operator, or a chain of them) at checkpoint {@code checkpoint}, largest first. */
    private Map<String, Long> byVertex(String job, long checkpoint) throws Exception {
        Map<String, String> names = new HashMap<>();
        for (JsonNode v : get("/jobs/" + job).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        List<Map.Entry<String, Long>> sizes = new ArrayList<>();
        get("/jobs/" + job + "/checkpoints/details/" + checkpoint).path("tasks").fields().forEachRemaining(t ->
                sizes.add(Map.entry(names.getOrDefault(t.getKey(), t.getKey()), t.getValue().path("state_size").asLong())));
        sizes.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> out = new LinkedHashMap<>();
        sizes.forEach(e -> out.merge(e.getKey(), e.getValue(), Long::sum));
        return out;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(rest + path)).timeout(Duration.ofSeconds(2))
                .build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body());
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }

    long[] last() {
        return last;
    }

    /** The last completed checkpoint's state bytes per job vertex, largest first; empty if none. */
    Map<String, Long> lastByVertex() {
        return lastByVertex;
    }
}
