package org.civicpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.FlinkCluster;
import org.civicpulse.local.FlinkJobProcess;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.local.Ports;
import org.civicpulse.local.Replayer;
import org.civicpulse.local.StackLayout;
import org.civicpulse.storage.ClickHouseDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar on a standalone Flink session cluster (JobManager and TaskManager in their
 * own JVMs) gives exactly the tables the local run gives for the same input: one day of the
 * simulator's mix with every fault kind but {@code LATE} (whether an event hours late is too late
 * depends on how far the other partitions have got, which differs from run to run by design).
 */
@ExtendWith(LocalServicesExtension.class)
class StandaloneClusterITCase {
    private static final StackLayout LAYOUT = new StackLayout(Path.of("..").toAbsolutePath().normalize());
    private static final Duration START = Duration.ofSeconds(90);
    /** Tables and orderings whose contents must agree row for row; wall-clock versions are left out. */
    private static final Map<String, String> TABLES = Map.of(
            "raw events", "SELECT * FROM raw_events FINAL ORDER BY id",
            "dead letters", "SELECT reason, event_id, source_topic, kafka_partition, kafka_offset FROM dead_letters "
                    + "FINAL ORDER BY source_topic, kafka_partition, kafka_offset",
            "late events", "SELECT * FROM late_events FINAL ORDER BY id",
            "day panes", "SELECT * FROM metric_days FINAL ORDER BY scope_kind, scope, day",
            "cases", "SELECT * FROM cases FINAL ORDER BY case_id",
            "points", "SELECT * FROM point_days FINAL ORDER BY point, day");

    @Test
    void shouldGiveTheLocalRunsExactTablesOnARealCluster(LocalServices services, @TempDir Path work) throws Exception {
        // @TempDir: the cluster's folder and the simulated day are deleted after the test.
        Path mix = simulatedDay(work);
        Settings local = services.isolated("local").with(Setting.FLINK_REST_PORT, Integer.toString(Ports.free()));
        Settings cluster = services.isolated("cluster");
        for (Settings s : List.of(local, cluster)) {
            Replayer replayer = new Replayer(s, new PrintStream(OutputStream.nullOutputStream()));
            replayer.replay(mix, Double.POSITIVE_INFINITY);
        }

        try (ChildProcess localJob = FlinkJobProcess.start(local, LAYOUT.jobsClasspath(), START);
             FlinkCluster flink = FlinkCluster.start(work.resolve("flink"), LAYOUT.flinkClusterClasspath(), cluster,
                     2, START)) {
            String jobId = flink.submit(LAYOUT.jobJar(), "org.civicpulse.jobs.IngestJob", 2);
            await().atMost(START).until(() -> flink.jobState(jobId).equals("RUNNING"));

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(flink.jobState(jobId)).isEqualTo("RUNNING");
                assertThat(localJob.isAlive()).isTrue();
                for (Map.Entry<String, String> t : TABLES.entrySet()) {
                    assertThat(rows(cluster, t.getValue())).as(t.getKey()).isEqualTo(rows(local, t.getValue()));
                }
                assertThat(count(local, "SELECT count() FROM raw_events FINAL")).isGreaterThan(1_000);
                assertThat(count(local, "SELECT count() FROM dead_letters FINAL")).isPositive();
                assertThat(count(local, "SELECT count() FROM cases FINAL WHERE status = 'CLOSED'")).isPositive();
            });
        }
    }

    /** One day of the simulator's mix at a small scale, written by the simulator in its own JVM. */
    private static Path simulatedDay(Path work) throws Exception {
        Path out = work.resolve("day.jsonl");
        try (ChildProcess sim = ChildProcess.start("simulator", ChildProcess.javaCommand(LAYOUT.simulatorClasspath(),
                List.of("-Xmx512m"), "org.civicpulse.simulator.SimulatorMain",
                List.of("file", "--from", "2026-11-01", "--days", "1", "--scale", "0.05", "--seed", "11",
                        "--fault", "LATE=0", "--out", out.toString(), "--quiet")),
                work.resolve("simulator.log"), Map.of())) {
            await().atMost(START).until(() -> !sim.isAlive());
        }
        assertThat(Files.lines(out).count()).isGreaterThan(1_000);
        return out;
    }

    private static List<JsonNode> rows(Settings s, String sql) {
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            List<JsonNode> rows = db.query(sql);
            for (JsonNode r : rows) {
                ObjectNode row = (ObjectNode) r;
                row.remove(List.of("version", "revision", "written_at", "received_at", "ingested_at"));
                // Each run has its own topics (civic.grid.<run>): compare the source topic without its run suffix.
                for (String topic : List.of("topic", "source_topic")) {
                    if (row.has(topic)) {
                        row.put(topic, row.get(topic).asText().replaceAll("\\.(local|cluster)\\d+$", ""));
                    }
                }
            }
            return rows;
        }
    }

    private static long count(Settings s, String sql) {
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            return db.queryLong(sql);
        }
    }
}
