package org.civicpulse.jobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Follows a local job through Flink's REST API and keeps its latest completed checkpoint's size
 * and end-to-end duration, so a benchmark can report the state a run leaves behind.
 */
final class CheckpointProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String rest;
    private volatile long[] last;
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
                    JsonNode done = get("/jobs/" + job.path("id").asText() + "/checkpoints").path("latest").path("completed");
                    if (done.has("id")) {
                        long size = done.has("checkpointed_size") ? done.path("checkpointed_size").asLong()
                                : done.path("state_size").asLong();
                        last = new long[] {size, done.path("end_to_end_duration").asLong()};
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
}
