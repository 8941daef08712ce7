package org.civicpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.junit.jupiter.api.Test;

/** The Kafka producer's routing and configuration, on a mock producer. */
class KafkaEmissionSinkTest {
    private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    private final Settings settings = Settings.defaults().with(Setting.TOPIC_GRID, "grid.t");

    @Test
    void shouldRouteEachLineToItsSourcesTopicKeyedByCaseAndUnroutableOnesToTheHotlineTopic() throws Exception {
        MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        try (KafkaEmissionSink sink = new KafkaEmissionSink(mock, settings)) {
            sink.send(new Emission(T0, "HOTLINE", "H1", "{\"h\":1}"));
            sink.send(new Emission(T0, "GRID", "G1", "{\"g\":1}"));
            sink.send(new Emission(T0, "INSPECTION", "I1.1", "{\"i\":1}"));
            sink.send(new Emission(T0, null, null, "<html>502</html>"));
            sink.flush();
            assertThat(sink.acknowledged()).isEqualTo(4);
        }
        assertThat(mock.history()).extracting(ProducerRecord::topic)
                .containsExactly("civic.hotline", "grid.t", "civic.inspection", "civic.hotline");
        assertThat(mock.history()).extracting(r -> r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("H1", "G1", "I1.1", null);
        assertThat(new String(mock.history().get(3).value(), StandardCharsets.UTF_8)).isEqualTo("<html>502</html>");
    }

    @Test
    void shouldProduceWithAcksAllIdempotenceLingerBatchAndLz4() {
        Properties p = KafkaEmissionSink.producerProperties(settings);
        assertThat(p).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 10)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 262_144)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:19092");
        assertThat(KafkaEmissionSink.lz4Available()).isTrue();
    }
}
