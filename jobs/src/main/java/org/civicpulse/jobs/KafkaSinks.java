package org.civicpulse.jobs;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/** The job's Kafka sinks: at-least-once, every record keyed so a reader can tell a repeat. */
public final class KafkaSinks {
    private KafkaSinks() {
    }

    public static <T> Sink<T> atLeastOnce(Settings settings, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.get(Setting.KAFKA_BOOTSTRAP))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(serializer)
                .build();
    }
}
