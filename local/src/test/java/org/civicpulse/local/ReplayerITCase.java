package org.civicpulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./civicpulse replay} (SPEC §6) against a real broker and ClickHouse: routing, dead letters, pace. */
@ExtendWith(LocalServicesExtension.class)
class ReplayerITCase {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static String event(String id, String source, String caseId, String time) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"CREATED\",\"caseId\":\"" + caseId
                + "\",\"occurredAt\":\"2026-03-10T09:00:" + time + ".000+08:00\",\"district\":\"110101\","
                + "\"category\":\"NOISE\"}";
    }

    @Test
    void shouldPublishAFileThatStartsWithAByteOrderMarkAndDeadLetterUnroutableLinesWithTheirNumber(
            LocalServices services) throws Exception {
        Settings s = services.isolated("replaybom");
        String first = event("e1", "HOTLINE", "c1", "00");
        Path file = Files.writeString(dir.resolve("day.jsonl"), String.join("\n", "\uFEFF" + first, "",
                "not json", event("e2", "GRID", "c2", "01")) + "\n", StandardCharsets.UTF_8);

        Replayer.Summary summary = new Replayer(s, quiet()).replay(file, 0);

        assertThat(summary.lines()).isEqualTo(4);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.deadLettered()).isEqualTo(1);
        assertThat(summary.blank()).isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> hotline = read(s, s.get(Setting.TOPIC_HOTLINE), 1);
        assertThat(new String(hotline.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("c1");
        // Published as it stands in the file; the job ignores the mark as the validator does.
        assertThat(new String(hotline.get(0).value(), StandardCharsets.UTF_8)).endsWith(first);
        assertThat(read(s, s.get(Setting.TOPIC_GRID), 1)).hasSize(1);
        DeadLetter dead = new EventCodec().decodeDeadLetter(read(s, s.get(Setting.TOPIC_DEADLETTER), 1).get(0).value());
        assertThat(dead.lineNumber()).isEqualTo(3);
        assertThat(dead.reason()).isEqualTo("INVALID_JSON");
        assertThat(dead.original()).isEqualTo("not json");
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            List<JsonNode> rows = new EventQueries(db).deadLetters(10);
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("line_number").asLong()).isEqualTo(3));
        }
    }

    @Test
    void shouldKeepNTimesTheRecordedPace(LocalServices services) throws Exception {
        Settings s = services.isolated("replaypace");
        // Two seconds of recorded time at 10x: at least 0.2 s.
        Path file = Files.writeString(dir.resolve("pace.jsonl"), String.join("\n", event("p1", "HOTLINE", "c1", "00"),
                event("p2", "HOTLINE", "c2", "01"), event("p3", "HOTLINE", "c3", "02")) + "\n");

        Replayer.Summary paced = new Replayer(s, quiet()).replay(file, 10);

        assertThat(paced.published()).isEqualTo(3);
        assertThat(paced.seconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(read(s, s.get(Setting.TOPIC_HOTLINE), 3)).hasSize(3);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true);
    }

    /** Every record of the topic, waiting until there are at least {@code expected}. */
    private static List<ConsumerRecord<byte[], byte[]>> read(Settings s, String topic, int expected) {
        Properties p = new Properties();
        p.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // Anything beyond the expected count would be a line published twice.
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
