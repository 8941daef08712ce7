package org.civicpulse.jobs.hotspot;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads operators' alert commands (JSON {@link AlertCommand}); an unreadable one is logged and skipped. */
public final class AlertCommandDeserializer implements KafkaRecordDeserializationSchema<AlertCommand> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertCommandDeserializer.class);
    private transient EventCodec codec;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<AlertCommand> out) throws IOException {
        if (codec == null) {
            codec = new EventCodec();
        }
        try {
            out.collect(codec.mapper().readValue(record.value(), AlertCommand.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable alert command at {}:{}:{} skipped: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<AlertCommand> getProducedType() {
        return TypeInformation.of(AlertCommand.class);
    }
}
