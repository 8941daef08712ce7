package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backfill through the real producer to the project's local broker: every line reaches the
 * topic of its source (unroutable ones the HOTLINE topic), keyed by its case, in the generator's
 * order within each key.
 */
@ExtendWith(LocalServicesExtension.class)
class SimulatorKafkaITCase {
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldPublishABackfillToTheSourceTopicsKeyedByCase(LocalServices services) {
        Settings s = services.isolated("simulator");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulatorMain main = new SimulatorMain(Clock.fixed(NOW, ZoneOffset.UTC), Sleeper.SYSTEM, s,
                SimulatorMain.realKafka(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        int status = main.run(new String[] {"backfill", "--days", "1", "--scale", "0.01", "--faults", "0.005"},
                () -> false);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();

        List<Emission> expected = Runs.run(SimulatorConfig.defaults().withScale(0.01)
                .withFaults(FaultRates.all(0.005)), NOW.minus(Duration.ofDays(1)), NOW).emissions();
        Map<String, String> topics = Map.of("HOTLINE", s.get(Setting.TOPIC_HOTLINE), "GRID",
                s.get(Setting.TOPIC_GRID), "INSPECTION", s.get(Setting.TOPIC_INSPECTION));
        Map<String, List<String>> expectedByTopic = new HashMap<>();
        for (Emission e : expected) {
            String topic = topics.get(e.topicSource() == null ? "HOTLINE" : e.topicSource());
            expectedByTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(e.key() + " " + e.line());
        }
        assertThat(expected.stream().filter(e -> e.topicSource() == null)).isNotEmpty();
        for (String topic : topics.values()) {
            List<String> records = readAll(s, topic, expectedByTopic.get(topic).size());
            assertThat(records).as(topic).containsExactlyInAnyOrderElementsOf(expectedByTopic.get(topic));
            // Within one key (one case) the order is the generator's.
            assertThat(byKey(records)).isEqualTo(byKey(expectedByTopic.get(topic)));
        }
    }

    private static Map<String, List<String>> byKey(List<String> records) {
        Map<String, List<String>> out = new HashMap<>();
        for (String r : records) {
            String key = r.substring(0, r.indexOf(' '));
            if (!key.equals("null")) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    private static List<String> readAll(Settings s, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "simulator-test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            await().atMost(WAIT).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8);
                    out.add(key + " " + new String(r.value(), StandardCharsets.UTF_8));
                }
                return out.size() >= expected;
            });
        }
        return out;
    }
}
