package org.civicpulse.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The running job's latest completed checkpoint, read from Flink's REST API. */
final class FlinkCheckpoints {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Size in bytes and end-to-end duration in ms of a completed checkpoint. */
    record Checkpoint(long id, long bytes, long millis) {
    }

    private final String rest;

    FlinkCheckpoints(int restPort) {
        this.rest = "http://127.0.0.1:" + restPort;
    }

    /** The latest completed checkpoint of the running job; empty while there is none or Flink does not answer. */
    Optional<Checkpoint> latest() {
        try {
            for (JsonNode job : get("/jobs").path("jobs")) {
                if (!job.path("status").asText().equals("RUNNING")) {
                    continue;
                }
                JsonNode done = get("/jobs/" + job.path("id").asText() + "/checkpoints").path("latest").path("completed");
                if (done.has("id")) {
                    long size = done.has("checkpointed_size") ? done.path("checkpointed_size").asLong()
                            : done.path("state_size").asLong();
                    return Optional.of(new Checkpoint(done.path("id").asLong(), size,
                            done.path("end_to_end_duration").asLong()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(rest + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("Flink REST " + path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }
}
