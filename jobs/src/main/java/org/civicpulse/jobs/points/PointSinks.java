package org.civicpulse.jobs.points;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.CityTime;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.ClickHouseSink;
import org.civicpulse.jobs.KafkaSinks;
import org.civicpulse.storage.PointRows;

/** The sinks of points, the watch-list and freshness. */
public final class PointSinks {
    private PointSinks() {
    }

    public static Sink<PointRecord> pointDays(Settings s) {
        // A day's count is written at every problem of the point; a batch writes its last (the row's
        // identity is district, point and day, and the newest version wins in ClickHouse anyway).
        return new ClickHouseSink<>(s, PointRows.POINT_DAYS, (p, at) -> PointRows.pointDay(p.district(), p.street(),
                p.point(), p.day(), p.problems(), p.failedChecks(), p.version()),
                p -> p.district() + "|" + p.point() + "|" + p.day());
    }

    public static Sink<PointRecord> watchlist(Settings s) {
        return new ClickHouseSink<>(s, PointRows.WATCHLIST, (p, at) -> PointRows.watchlist(p.district(), p.street(),
                p.point(), p.day(), p.leftOn(), p.problems(), p.failedChecks(), p.version()));
    }

    public static Sink<Freshness> freshness(Settings s) {
        return new ClickHouseSink<>(s, PointRows.FRESHNESS, (f, at) -> PointRows.freshness(f.source(), f.district(),
                Instant.ofEpochMilli(f.lastDeliveredAt()), Instant.ofEpochMilli(f.lastEventAt())));
    }

    /** On the live topic as {@code {"scope": "freshness:<source>:<district>", "kind": "freshness", ...}}. */
    public static Sink<Freshness> liveFreshness(Settings s) {
        return KafkaSinks.atLeastOnce(s, new FreshnessSerializer(s.get(Setting.TOPIC_METRICS_LIVE)));
    }

    /** Writes freshness as JSON keyed by its scope. */
    static final class FreshnessSerializer implements KafkaRecordSerializationSchema<Freshness> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        FreshnessSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(Freshness f, KafkaSinkContext context, Long timestamp) {
            String scope = "freshness:" + f.source() + ":" + f.district();
            String json = "{\"scope\":\"" + scope + "\",\"kind\":\"freshness\",\"source\":\"" + f.source()
                    + "\",\"district\":\"" + f.district() + "\",\"lastDeliveredAt\":\""
                    + CityTime.format(f.lastDeliveredAt())
                    + "\",\"lastEventAt\":\"" + CityTime.format(f.lastEventAt())
                    + "\"}";
            return new ProducerRecord<>(topic, scope.getBytes(StandardCharsets.UTF_8),
                    json.getBytes(StandardCharsets.UTF_8));
        }
    }
}
