package org.civicpulse.jobs;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.civicpulse.contract.Settings;

/** Opens {@link TestKafka} to tests in other packages. */
public final class TestKafkaAccess {
    private TestKafkaAccess() {
    }

    public static KafkaProducer<byte[], byte[]> producer(Settings s) {
        return TestKafka.producer(s);
    }

    public static org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer(Settings s, String topic) {
        return TestKafka.consumer(s, topic);
    }
}
