package org.civicpulse.dashboard;

import io.vertx.core.Future;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.EventCodec;

/** Where operators' alert commands go: the job that owns alert state reads them from Kafka. */
@FunctionalInterface
interface AlertCommandSink {
    /** Delivers the command; fails when it could not be handed over. */
    Future<Void> send(AlertCommand command);

    /** Publishes on the alert-commands topic, keyed by the alert id so one alert's commands stay in order. */
    static AlertCommandSink kafka(KafkaProducer<String, byte[]> producer, String topic, EventCodec codec,
            ServerMetrics metrics) {
        return command -> {
            byte[] value;
            try {
                value = codec.mapper().writeValueAsBytes(command);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Future.failedFuture(e);
            }
            return producer.send(KafkaProducerRecord.create(topic, command.alertId(), value))
                    .onSuccess(m -> metrics.commandPublished()).mapEmpty();
        };
    }
}
