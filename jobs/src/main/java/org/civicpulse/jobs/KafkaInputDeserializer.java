package org.civicpulse.jobs;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Keeps the raw bytes and position of each record; parsing happens once, in {@link ValidateFunction}. */
public final class KafkaInputDeserializer implements KafkaRecordDeserializationSchema<KafkaInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaInput> out) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        out.collect(new KafkaInput(record.topic(), record.partition(), record.offset(), record.timestamp(), value));
    }

    @Override
    public TypeInformation<KafkaInput> getProducedType() {
        return TypeInformation.of(KafkaInput.class);
    }
}
