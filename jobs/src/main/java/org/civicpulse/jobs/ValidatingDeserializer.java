package org.civicpulse.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Validation;

/**
 * Parses and validates each Kafka record once, inside the source, so event time is assigned per
 * Kafka partition from accepted events only: a rejected record never moves the watermark (SPEC
 * §3), and one partition read ahead of another does not make the other's events look late.
 */
public final class ValidatingDeserializer implements KafkaRecordDeserializationSchema<ParsedInput> {
    private static final long serialVersionUID = 1L;
    private final Duration maxFuture;
    private transient EventValidator validator;

    public ValidatingDeserializer(Duration maxFuture) {
        this.maxFuture = maxFuture;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        validator = new EventValidator(Catalogue.load(), Clock.systemUTC(), maxFuture);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ParsedInput> out) {
        if (validator == null) {
            open(null);
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        out.collect(parse(validator, record.topic(), record.partition(), record.offset(), record.timestamp(), value));
    }

    /** The outcome for one record's bytes. */
    static ParsedInput parse(EventValidator validator, String topic, int partition, long offset, long timestamp,
                             byte[] value) {
        Validation result = validator.validate(value);
        if (result instanceof Validation.Accepted accepted) {
            String warning = accepted.warnings().isEmpty() ? null : String.join(",", accepted.warnings());
            return new ParsedInput(new AcceptedEvent(accepted.event(), warning, topic, partition, offset, timestamp,
                    new String(value, StandardCharsets.UTF_8)), null);
        }
        Validation.Rejected rejected = (Validation.Rejected) result;
        return new ParsedInput(null, DeadLetter.fromKafka(topic, partition, offset, Instant.ofEpochMilli(timestamp),
                rejected.rejection(), rejected.eventId(), value));
    }

    @Override
    public TypeInformation<ParsedInput> getProducedType() {
        return TypeInformation.of(ParsedInput.class);
    }
}
