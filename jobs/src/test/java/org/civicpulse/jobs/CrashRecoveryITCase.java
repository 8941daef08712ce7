package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.ChildProcess;
import org.civicpulse.local.FlinkJobProcess;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.local.Ports;
import org.civicpulse.local.StackLayout;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the Flink job's JVM with SIGKILL after a completed checkpoint while events are in
 * flight, restarts it the way {@code ./civicpulse up} does, and checks through the product's
 * read path that every event is counted exactly once. The expected counts are computed here
 * from the generated input, independently of the product's classes.
 */
@ExtendWith(LocalServicesExtension.class)
class CrashRecoveryITCase {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String[] DISTRICTS = {"110101", "110102", "110105", "110106", "110108", "110114"};
    private static final String[] CATEGORIES = {"ILLEGAL_PARKING_MOTOR", "ENV_SANITATION", "NOISE",
        "STREET_VENDING", "PILED_MATERIALS"};
    private static final String[] SOURCES = {"HOTLINE", "GRID", "INSPECTION"};
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void shouldCountEveryEventExactlyOnceAfterTheJobIsKilledAndRestarted(LocalServices services) throws Exception {
        Settings s = services.isolated("crash")
                .with(Setting.FLINK_CHECKPOINT_INTERVAL, "PT2S")
                .with(Setting.FLINK_REST_PORT, Integer.toString(Ports.free()));
        String classpath = new StackLayout(Path.of("..").toAbsolutePath().normalize()).jobsClasspath();
        List<String[]> first = events(0, 2_000);
        List<String[]> second = events(2_000, 20_000);
        List<String[]> third = events(22_000, 1_000);

        ChildProcess job = FlinkJobProcess.start(s, classpath, WAIT);
        try (ClickHouseDb db = ClickHouseDb.writer(s); KafkaProducer<byte[], byte[]> producer = TestKafka.producer(s)) {
            EventQueries q = new EventQueries(db);
            send(producer, s, first);
            await().atMost(WAIT).until(q::rawCount, n -> n == 2_000);
            FileTime afterFirst = FileTime.from(Instant.now());
            Path checkpoints = s.dataDir().resolve("flink/checkpoints");
            await().atMost(WAIT).until(() -> newestCheckpoint(checkpoints), t -> t.compareTo(afterFirst) > 0);

            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(producer, s, second));
            await().atMost(WAIT).until(q::rawCount, n -> n > 2_000);
            job.kill();
            long atKill = q.rawCount();
            assertThat(atKill).as("events still in flight when the job was killed").isLessThan(22_000);
            assertThat(job.isAlive()).isFalse();
            sending.get();

            job = FlinkJobProcess.start(s, classpath, WAIT);
            send(producer, s, third);
            send(producer, s, first.subList(0, 100)); // exact repeats: counted once, silently

            await().atMost(WAIT).until(q::rawCount, n -> n >= 23_000);
            assertThat(q.rawCount()).isEqualTo(23_000);
            assertThat(q.distinctRawIds()).isEqualTo(23_000);
            List<String[]> all = new ArrayList<>(first);
            all.addAll(second);
            all.addAll(third);
            assertThat(q.countsBySourceDistrictCategory()).isEqualTo(expectedCounts(all));
            assertThat(q.deadLettersByReason()).isEmpty();

            // The metrics came through the crash exactly too: per-day panes and the case table.
            long cases = all.stream().filter(e -> !e[1].equals("INSPECTION")).count();
            long checks = all.size() - cases;
            await().atMost(WAIT).until(() -> db.queryLong("SELECT sum(created_hotline + created_grid) AS n "
                    + "FROM metric_days FINAL WHERE scope = 'city'"), n -> n == cases);
            await().atMost(WAIT).until(() -> db.queryLong("SELECT sum(checks) AS n FROM metric_days FINAL "
                    + "WHERE scope = 'city'"), n -> n == checks);
            for (String district : DISTRICTS) {
                long expected = all.stream().filter(e -> e[2].equals(district) && !e[1].equals("INSPECTION")).count();
                await().atMost(WAIT).until(() -> db.queryLong("SELECT sum(created_hotline + created_grid) AS n "
                        + "FROM metric_days FINAL WHERE scope = 'district:" + district + "'"), n -> n == expected);
            }
            await().atMost(WAIT).until(() -> db.queryLong("SELECT count() AS n FROM cases FINAL"), n -> n == cases);
            assertThat(db.queryLong("SELECT count() AS n FROM cases FINAL WHERE status = 'OPEN'")).isEqualTo(cases);
        } finally {
            job.stop(Duration.ofSeconds(20));
        }
    }

    /** Events as {id, source, district, category, json}: CREATED cases and passed spot checks. */
    private static List<String[]> events(int from, int count) {
        List<String[]> result = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String source = SOURCES[i % SOURCES.length];
            String district = DISTRICTS[(i / 3) % DISTRICTS.length];
            String category = CATEGORIES[(i / 7) % CATEGORIES.length];
            String id = "crash-" + i;
            String at = T0.plusSeconds(i / 4).atOffset(ZoneOffset.ofHours(8)).toString();
            String json = source.equals("INSPECTION")
                    ? "{\"id\":\"" + id + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\",\"occurredAt\":\"" + at
                    + "\",\"district\":\"" + district + "\",\"category\":\"" + category + "\",\"passed\":true}"
                    : "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"CREATED\",\"caseId\":\"c-" + id
                    + "\",\"occurredAt\":\"" + at + "\",\"district\":\"" + district + "\",\"category\":\""
                    + category + "\"}";
            result.add(new String[] {id, source, district, category, json});
        }
        return result;
    }

    private static Map<String, Long> expectedCounts(List<String[]> events) {
        Map<String, Long> counts = new TreeMap<>();
        for (String[] e : events) {
            counts.merge(e[1] + "|" + e[2] + "|" + e[3], 1L, Long::sum);
        }
        return counts;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Settings s, List<String[]> events) {
        for (String[] e : events) {
            String topic = switch (e[1]) {
                case "HOTLINE" -> s.get(Setting.TOPIC_HOTLINE);
                case "GRID" -> s.get(Setting.TOPIC_GRID);
                default -> s.get(Setting.TOPIC_INSPECTION);
            };
            producer.send(new ProducerRecord<>(topic, e[0].getBytes(StandardCharsets.UTF_8),
                    e[4].getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private static FileTime newestCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.find(dir, 3, (p, a) -> p.getFileName().toString().equals("_metadata"))) {
            return files.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }
}
