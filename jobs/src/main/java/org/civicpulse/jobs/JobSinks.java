package org.civicpulse.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.jobs.hotspot.AlertUpdate;
import org.civicpulse.jobs.hotspot.HotspotSinks;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.metrics.CaseRow;
import org.civicpulse.jobs.metrics.LiveMetric;
import org.civicpulse.jobs.metrics.MetricSinks;
import org.civicpulse.jobs.metrics.PaneRow;
import org.civicpulse.jobs.points.Freshness;
import org.civicpulse.jobs.points.PointRecord;
import org.civicpulse.jobs.points.PointSinks;
import org.civicpulse.storage.DeadLetterRow;
import org.civicpulse.storage.MetricRows;
import org.civicpulse.storage.LateEventRow;
import org.civicpulse.storage.RawEventRow;

/** The production sinks: ClickHouse tables and the dead-letter topic. */
public final class JobSinks implements IngestWorkflow.Sinks {
    private final Settings settings;

    public JobSinks(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Sink<AcceptedEvent> accepted() {
        return new ClickHouseSink<>(settings, RawEventRow.TABLE, (a, at) -> RawEventRow.json(a.event(),
                a.qualityWarning(), a.topic(), a.partition(), a.offset(), at));
    }

    @Override
    public Sink<LateEvent> late() {
        return new ClickHouseSink<>(settings, LateEventRow.TABLE, (l, at) -> LateEventRow.json(
                l.accepted().position(), l.accepted().event(), Instant.ofEpochMilli(l.watermark()),
                Instant.ofEpochMilli(l.accepted().receivedAt()), l.accepted().topic(), l.accepted().original(), at));
    }

    @Override
    public Sink<LiveMetric> live() {
        return MetricSinks.live(settings);
    }

    @Override
    public Sink<LiveMetric> backlog() {
        return MetricSinks.backlog(settings);
    }

    @Override
    public Sink<LiveMetric> liveValues() {
        return MetricSinks.liveValues(settings);
    }

    @Override
    public Sink<PaneRow> minutePanes() {
        return MetricSinks.panes(settings, MetricRows.MINUTES);
    }

    @Override
    public Sink<PaneRow> dayPanes() {
        return MetricSinks.panes(settings, MetricRows.DAYS);
    }

    @Override
    public Sink<CaseRow> cases() {
        return MetricSinks.cases(settings);
    }

    @Override
    public Sink<PointRecord> pointDays() {
        return PointSinks.pointDays(settings);
    }

    @Override
    public Sink<PointRecord> watchlist() {
        return PointSinks.watchlist(settings);
    }

    @Override
    public Sink<Freshness> freshness() {
        return PointSinks.freshness(settings);
    }

    @Override
    public Sink<Freshness> liveFreshness() {
        return PointSinks.liveFreshness(settings);
    }

    @Override
    public Sink<AlertUpdate> alertsLive() {
        return HotspotSinks.live(settings);
    }

    @Override
    public Sink<AlertUpdate> alerts() {
        return HotspotSinks.table(settings);
    }

    @Override
    public Sink<String> webhook() {
        return HotspotSinks.webhook(settings);
    }

    @Override
    public List<Sink<DeadLetter>> deadLetters() {
        Sink<DeadLetter> table = new ClickHouseSink<>(settings, DeadLetterRow.TABLE, DeadLetterRow::json);
        // At-least-once: a dead letter may be published twice after a restart; its key (the input's
        // position) lets a reader tell, and the table collapses the copies.
        Sink<DeadLetter> topic = KafkaSinks.atLeastOnce(settings,
                new DeadLetterSerializer(settings.get(Setting.TOPIC_DEADLETTER)));
        return List.of(topic, table);
    }

    /** Writes a dead letter as JSON keyed by its id. */
    static final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private transient EventCodec codec;

        DeadLetterSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
            if (codec == null) {
                codec = new EventCodec();
            }
            return new ProducerRecord<>(topic, d.id().getBytes(StandardCharsets.UTF_8), codec.encodeDeadLetter(d));
        }
    }
}
