package org.civicpulse.jobs.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.CityTime;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.ClickHouseSink;
import org.civicpulse.jobs.KafkaSinks;
import org.civicpulse.jobs.RowMapper;
import org.civicpulse.storage.CaseSnapshot;
import org.civicpulse.storage.CaseTableRow;
import org.civicpulse.storage.JsonRow;
import org.civicpulse.storage.LiveValueRows;
import org.civicpulse.storage.MetricRows;

/** The sinks of the metrics: the live topic, the metric tables and the case table. */
public final class MetricSinks {
    private MetricSinks() {
    }

    /** The live topic: at-least-once is enough, every record carries absolute values. */
    public static Sink<LiveMetric> live(Settings settings) {
        return KafkaSinks.atLeastOnce(settings, new LiveMetricSerializer(settings.get(Setting.TOPIC_METRICS_LIVE)));
    }

    /**
     * ClickHouse {@code live_values}: the same values as the live topic, newest per scope, so a
     * restarted dashboard finds scopes that have been quiet for longer than it replays the topic.
     */
    public static Sink<LiveMetric> liveValues(Settings settings) {
        return new ClickHouseSink<>(settings, LiveValueRows.TABLE, new LiveValueMapper(), LiveMetric::scope);
    }

    public static Sink<PaneRow> panes(Settings settings, String table) {
        return new ClickHouseSink<>(settings, table, (p, at) -> p.grain().equals("minute")
                ? MetricRows.minute(p.scope(), Scope.kind(p.scope()), p.start(), p.counters(), p.version(), at)
                : MetricRows.day(p.scope(), Scope.kind(p.scope()), p.start(), p.counters(), p.version(), at),
                p -> p.scope() + "|" + p.start());
    }

    public static Sink<LiveMetric> backlog(Settings settings) {
        // Keyed by the row's identity (scope and minute): a scope publishes twice a second, and
        // only the last value of a minute is kept, so a batch writes that one alone.
        return new ClickHouseSink<>(settings, MetricRows.BACKLOG, (m, at) -> MetricRows.backlog(m.scope(),
                Scope.kind(m.scope()), Instant.ofEpochMilli(m.asOf()), m.gauges(), at.toEpochMilli()),
                m -> m.scope() + "|" + CaseFacts.minute(m.asOf()));
    }

    public static Sink<CaseRow> cases(Settings settings) {
        return new ClickHouseSink<>(settings, CaseTableRow.TABLE, (r, at) -> CaseTableRow.json(snapshot(r), at),
                r -> r.state().caseId);
    }

    static CaseSnapshot snapshot(CaseRow r) {
        CaseState s = r.state();
        int n = s.ratingTimes.length;
        int latest = -1;
        for (int i = 0; i < n; i++) {
            if (latest < 0 || s.ratingTimes[i] > s.ratingTimes[latest]) {
                latest = i;
            }
        }
        Boolean lastResolved = latest < 0 ? null : (s.ratingOutcomes[latest] & CaseState.RATED_RESOLVED) != 0;
        String lastSatisfaction = latest < 0 ? "" : satisfaction(s.ratingOutcomes[latest]);
        return new CaseSnapshot(s.caseId, s.source, s.district, s.street, s.category, s.unit, s.address, s.urgent,
                s.status().name(), s.createdAt, s.dispatchedAt, s.firstRespondedAt, s.lastResolvedAt,
                s.lastReopenedAt, s.closedAt, s.responseLimitAt, s.resolutionLimitAt, r.overdue(),
                r.aboutToBreach(), n, lastResolved, lastSatisfaction, r.revision());
    }

    private static String satisfaction(int outcome) {
        if ((outcome & CaseState.RATED_SATISFIED) != 0) {
            return "SATISFIED";
        }
        return (outcome & CaseState.RATED_BASIC) != 0 ? "BASIC" : "DISSATISFIED";
    }

    /** A live metric as a {@code live_values} row, its value encoded as on the topic. */
    static final class LiveValueMapper implements RowMapper<LiveMetric> {
        private static final long serialVersionUID = 1L;
        private transient ObjectMapper json;

        @Override
        public JsonRow toRow(LiveMetric m, Instant writtenAt) {
            if (json == null) {
                json = new ObjectMapper();
            }
            return LiveValueRows.json(m.scope(), LiveMetricSerializer.encode(json, m), writtenAt);
        }
    }

    /**
     * A live metric as JSON keyed by its scope: {@code {"scope", "kind", "asOf", "gauges": {...},
     * "last60m": {...}, "last24h", "last7d", "today", "month"}}, counters by their column names.
     */
    static final class LiveMetricSerializer implements KafkaRecordSerializationSchema<LiveMetric> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private transient ObjectMapper json;

        LiveMetricSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(LiveMetric m, KafkaSinkContext context, Long timestamp) {
            if (json == null) {
                json = new ObjectMapper();
            }
            return new ProducerRecord<>(topic, m.scope().getBytes(StandardCharsets.UTF_8),
                    encode(json, m).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The record's JSON text: the same on the live topic and in {@code live_values}. Written
         * with a streaming generator, not a tree: every scope emits twice a second.
         */
        static String encode(ObjectMapper json, LiveMetric m) {
            StringWriter text = new StringWriter(2048);
            try (JsonGenerator g = json.getFactory().createGenerator(text)) {
                g.writeStartObject();
                g.writeStringField("scope", m.scope());
                g.writeStringField("kind", Scope.kind(m.scope()));
                g.writeStringField("asOf", m.asOf() == Long.MIN_VALUE ? null : CityTime.format(m.asOf()));
                counters(g, "gauges", m.gauges(), MetricCounter.Kind.GAUGE);
                counters(g, "last60m", m.last60m(), MetricCounter.Kind.WINDOWED);
                counters(g, "last24h", m.last24h(), MetricCounter.Kind.WINDOWED);
                counters(g, "last7d", m.last7d(), MetricCounter.Kind.WINDOWED);
                counters(g, "today", m.today(), MetricCounter.Kind.WINDOWED);
                counters(g, "month", m.month(), MetricCounter.Kind.WINDOWED, MetricCounter.Kind.MONTH);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("Writing JSON to a string failed", e);
            }
            return text.toString();
        }

        /** An object of the counters of each of {@code kinds}, kind after kind. */
        private static void counters(JsonGenerator g, String name, long[] values, MetricCounter.Kind... kinds)
                throws IOException {
            g.writeObjectFieldStart(name);
            for (MetricCounter.Kind k : kinds) {
                for (MetricCounter c : MetricCounter.values()) {
                    if (c.kind() == k) {
                        g.writeNumberField(c.column(), values[c.ordinal()]);
                    }
                }
            }
            g.writeEndObject();
        }
    }
}
