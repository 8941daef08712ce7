package org.civicpulse.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/** Small Kafka producer and consumer helpers for tests, on the real local broker. */
final class TestKafka {
    private TestKafka() {
    }

    static KafkaProducer<byte[], byte[]> producer(Settings s) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(p);
    }

    /** Sends {@code value} to one partition of a topic and waits for the broker's acknowledgement. */
    static void send(Settings s, String topic, Integer partition, String key, String value) {
        try (KafkaProducer<byte[], byte[]> producer = producer(s)) {
            producer.send(new ProducerRecord<>(topic, partition, key == null ? null : bytes(key), bytes(value))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer of {@code topic} from its beginning, in a group of its own. */
    static KafkaConsumer<byte[], byte[]> consumer(Settings s, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Every record of {@code topic} from the beginning, key to value, read until {@code expected} keys are seen. */
    static Map<String, String> readAll(Settings s, String topic, int expected, Duration timeout) {
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(s, topic)) {
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.put(new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return seen;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
