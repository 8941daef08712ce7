package org.civicpulse.jobs.hotspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.ClickHouseSink;
import org.civicpulse.jobs.KafkaSinks;
import org.civicpulse.storage.AlertRows;
import org.civicpulse.storage.JsonRow;

/** The sinks of hotspot alerts: the {@code alerts} table, the live alerts topic and the webhook. */
public final class HotspotSinks {
    private HotspotSinks() {
    }

    public static Sink<AlertUpdate> table(Settings s) {
        return new ClickHouseSink<>(s, AlertRows.TABLE, new AlertRowMapper());
    }

    /** Every state of an alert as JSON (the {@link Alert} record), keyed by alert id. */
    public static Sink<AlertUpdate> live(Settings s) {
        return KafkaSinks.atLeastOnce(s, new AlertSerializer(s.get(Setting.TOPIC_ALERTS_LIVE)));
    }

    /** The webhook, or nothing when no URL is configured. */
    public static Sink<String> webhook(Settings s) {
        String url = s.get(Setting.HOTSPOT_WEBHOOK_URL).trim();
        return url.isEmpty() ? new DiscardingSink<>()
                : new WebhookSink(url, s.getInt(Setting.HOTSPOT_WEBHOOK_ATTEMPTS), Duration.ofSeconds(1));
    }

    /** An alert as a row of {@code alerts}, its points as a JSON array. */
    static final class AlertRowMapper implements org.civicpulse.jobs.RowMapper<AlertUpdate> {
        private static final long serialVersionUID = 1L;
        private transient EventCodec codec;

        @Override
        public JsonRow toRow(AlertUpdate update, java.time.Instant writtenAt) {
            if (codec == null) {
                codec = new EventCodec();
            }
            Alert a = update.alert(codec);
            try {
                return AlertRows.json(a, codec.mapper().writeValueAsString(a.points()), writtenAt);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write points of alert " + a.id(), e);
            }
        }
    }

    /** Writes an alert as JSON keyed by its id. */
    static final class AlertSerializer implements KafkaRecordSerializationSchema<AlertUpdate> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        AlertSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(AlertUpdate a, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, a.id().getBytes(StandardCharsets.UTF_8),
                    a.json().getBytes(StandardCharsets.UTF_8));
        }
    }
}
