package org.civicpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.civicpulse.local.Ports;
import org.junit.jupiter.api.Test;

/**
 * {@code ./civicpulse up --no-sim}, {@code replay}, a second {@code up}, a crash of the Flink JVM
 * under the supervisor, SIGTERM and {@code reset}, exactly as a user runs them on the built tree.
 */
class LauncherITCase {
    private static final Duration UP = Duration.ofSeconds(120);
    private static final String TOKEN = "e2e-operator-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldStartReplayRecoverAndStopTheWholeStackLeavingNothingBehind() throws Exception {
        Path data = Files.createTempDirectory("civicpulse-e2e-");
        int dashboard = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("CIVICPULSE_SKIP_BUILD", "1");
        env.put("CIVICPULSE_DATA_DIR", data.toString());
        env.put("CIVICPULSE_TOKEN", TOKEN);
        env.put("CIVICPULSE_DASHBOARD_PORT", Integer.toString(dashboard));
        env.put("CIVICPULSE_CLICKHOUSE_URL", "http://127.0.0.1:" + Ports.free());
        env.put("CIVICPULSE_CLICKHOUSE_TCP_PORT", Integer.toString(Ports.free()));
        env.put("CIVICPULSE_KAFKA_BOOTSTRAP", "127.0.0.1:" + Ports.free());
        env.put("CIVICPULSE_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        env.put("CIVICPULSE_FLINK_REST_PORT", Integer.toString(Ports.free()));
        env.put("CIVICPULSE_FLINK_CHECKPOINT_INTERVAL", "PT2S");
        List<Integer> ports = env.entrySet().stream().filter(e -> e.getKey().contains("PORT")
                || e.getKey().contains("URL") || e.getKey().contains("BOOTSTRAP"))
                .map(e -> Integer.parseInt(e.getValue().replaceAll(".*:", ""))).toList();

        CivicPulseCommand up = CivicPulseCommand.start(env, "up", "--no-sim");
        try {
            await().atMost(UP).until(up::output, o -> o.contains("CivicPulse is up") || !up.process().isAlive());
            assertThat(up.output()).contains("CivicPulse is up", "operator token: " + TOKEN,
                    "http://localhost:" + dashboard + "/?token=" + TOKEN);

            CivicPulseCommand.Result second = CivicPulseCommand.run(env, Duration.ofSeconds(60), "up", "--no-sim");
            assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
            assertThat(second.output()).contains("already running");

            CivicPulseCommand.Result missing = CivicPulseCommand.run(env, Duration.ofSeconds(60), "replay",
                    "samples/no-such-file.jsonl");
            assertThat(missing.exitCode()).as(missing.output()).isEqualTo(1);
            assertThat(missing.output()).contains("no such file");

            CivicPulseCommand.Result replay = CivicPulseCommand.run(env, Duration.ofSeconds(60), "replay",
                    "samples/foundation-day.jsonl", "--speed", "max");
            assertThat(replay.exitCode()).as(replay.output()).isZero();
            assertThat(replay.output()).contains("29/29 lines (100.0%)", "24 published, 4 to dead-letter");

            await().atMost(UP).until(() -> counts(dashboard), c -> c.path("total").asLong() == 13
                    && c.path("deadLetterTotal").asLong() == 13);
            assertThat(get(dashboard, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(dashboard, "/api/v1/counts", null).statusCode()).isEqualTo(401);

            // A crash of the Flink JVM: the supervisor restarts it from its checkpoint.
            ProcessHandle flink = child(up.process(), "IngestJob");
            flink.destroyForcibly();
            await().atMost(UP).until(up::output, o -> o.contains("restarting it from its latest checkpoint"));
            await().atMost(UP).until(() -> child(up.process(), "IngestJob").pid() != flink.pid()
                    && get(dashboard, "/health", null).statusCode() == 200);
            CivicPulseCommand.Result again = CivicPulseCommand.run(env, Duration.ofSeconds(60), "replay",
                    "samples/foundation-day.jsonl");
            assertThat(again.exitCode()).as(again.output()).isZero();
            await().atMost(UP).until(() -> counts(dashboard), c -> c.path("deadLetterTotal").asLong() == 22);
            assertThat(counts(dashboard).path("total").asLong()).isEqualTo(13);

            List<ProcessHandle> children = up.process().descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(4);
            up.process().toHandle().destroy(); // SIGTERM, as Ctrl-C or a service manager would send
            assertThat(up.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(up.output()).contains("stopped.");
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            await().atMost(Duration.ofSeconds(30)).until(() -> ports.stream().noneMatch(Ports::inUse));
        } finally {
            up.process().descendants().forEach(ProcessHandle::destroyForcibly);
            up.process().destroyForcibly();
        }

        CivicPulseCommand.Result notRunning = CivicPulseCommand.run(env, Duration.ofSeconds(60), "replay",
                "samples/foundation-day.jsonl");
        assertThat(notRunning.exitCode()).as(notRunning.output()).isEqualTo(1);
        assertThat(notRunning.output()).contains("the stack is not running");

        CivicPulseCommand.Result reset = CivicPulseCommand.run(env, Duration.ofSeconds(60), "reset", "--yes");
        assertThat(reset.exitCode()).as(reset.output()).isZero();
        assertThat(data).doesNotExist();
    }

    @Test
    void shouldStartOnlyClickHouseAndKafkaWithServicesOnly() throws Exception {
        Path data = Files.createTempDirectory("civicpulse-e2e-services-");
        int dashboard = Ports.free();
        int clickHouse = Ports.free();
        int kafka = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("CIVICPULSE_SKIP_BUILD", "1");
        env.put("CIVICPULSE_DATA_DIR", data.toString());
        env.put("CIVICPULSE_DASHBOARD_PORT", Integer.toString(dashboard));
        env.put("CIVICPULSE_CLICKHOUSE_URL", "http://127.0.0.1:" + clickHouse);
        env.put("CIVICPULSE_CLICKHOUSE_TCP_PORT", Integer.toString(Ports.free()));
        env.put("CIVICPULSE_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafka);
        env.put("CIVICPULSE_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        env.put("CIVICPULSE_FLINK_REST_PORT", Integer.toString(Ports.free()));

        CivicPulseCommand.Result unknown = CivicPulseCommand.run(env, Duration.ofSeconds(60), "up", "--no-such-option");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown option for up: --no-such-option", "--services-only");

        CivicPulseCommand up = CivicPulseCommand.start(env, "up", "--services-only");
        try {
            await().atMost(UP).until(up::output, o -> o.contains("CivicPulse is up") || !up.process().isAlive());
            assertThat(up.output()).contains("services only", "http://127.0.0.1:" + clickHouse,
                    "127.0.0.1:" + kafka);
            assertThat(get(clickHouse, "/ping", null).statusCode()).isEqualTo(200);
            assertThat(Ports.inUse(kafka)).isTrue();
            assertThat(Ports.inUse(dashboard)).as("no dashboard").isFalse();
            assertThat(up.process().descendants().map(LauncherITCase::commandLine))
                    .as("no job, dashboard or simulator").noneMatch(c -> c.contains("IngestJob")
                            || c.contains("DashboardMain") || c.contains("SimulatorMain"));

            up.process().toHandle().destroy();
            assertThat(up.process().waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(up.output()).contains("stopped.");
            await().atMost(Duration.ofSeconds(30)).until(() -> !Ports.inUse(clickHouse) && !Ports.inUse(kafka));
        } finally {
            up.process().descendants().forEach(ProcessHandle::destroyForcibly);
            up.process().destroyForcibly();
            CivicPulseCommand.run(env, Duration.ofSeconds(60), "reset", "--yes");
        }
    }

    private static ProcessHandle child(Process parent, String commandPart) {
        return parent.descendants().filter(p -> commandLine(p).contains(commandPart))
                .findFirst().orElseThrow(() -> new AssertionError("no child process running " + commandPart));
    }

    /** The full command line from /proc: ProcessHandle.Info cuts long class paths off. */
    private static String commandLine(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private JsonNode counts(int port) throws Exception {
        HttpResponse<String> r = get(port, "/api/v1/counts", TOKEN);
        return r.statusCode() == 200 ? json.readTree(r.body()) : json.createObjectNode();
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
