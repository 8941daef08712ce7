package org.civicpulse.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows the live metrics topic and keeps the city's newest count of hotline cases created
 * today, with when it arrived: how fresh the screens are.
 */
final class LiveWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ObjectMapper json = new ObjectMapper();
    private volatile long cityCreatedToday;
    private volatile boolean stopped;

    LiveWatcher(String bootstrap, String liveTopic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-watch-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(liveTopic));
    }

    /** Polls until {@link #stop()}; survives a broker restart (the consumer reconnects by itself). */
    void run() {
        while (!stopped) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                read(r.value());
            }
        }
    }

    private void read(byte[] value) {
        try {
            JsonNode m = json.readTree(value);
            if ("city".equals(m.path("scope").asText()) && m.has("today")) {
                // Values are absolute; an older record replayed after a restart never lowers the count.
                cityCreatedToday = Math.max(cityCreatedToday, m.path("today").path("created_hotline").asLong());
            }
        } catch (IOException e) {
            // Freshness records share the topic and may have another shape: not what this watches.
        }
    }

    long cityCreatedToday() {
        return cityCreatedToday;
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
