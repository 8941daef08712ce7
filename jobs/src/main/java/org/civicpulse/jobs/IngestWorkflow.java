package org.civicpulse.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.jobs.hotspot.AlertUpdate;
import org.civicpulse.jobs.hotspot.HotspotWorkflow;
import org.civicpulse.jobs.metrics.CaseLifecycleFunction;
import org.civicpulse.jobs.points.BlindSpotFunction;
import org.civicpulse.jobs.points.Freshness;
import org.civicpulse.jobs.points.FreshnessCombiner;
import org.civicpulse.jobs.points.FreshnessFunction;
import org.civicpulse.jobs.points.Point;
import org.civicpulse.jobs.points.PointFunction;
import org.civicpulse.jobs.points.PointRecord;
import org.civicpulse.jobs.metrics.CaseRow;
import org.civicpulse.jobs.metrics.LiveMetric;
import org.civicpulse.jobs.metrics.MetricDelta;
import org.civicpulse.jobs.metrics.PaneRow;
import org.civicpulse.jobs.metrics.ProblemCounts;
import org.civicpulse.jobs.metrics.ScopeCombiner;
import org.civicpulse.jobs.metrics.ScopeMetricsFunction;
import org.civicpulse.jobs.metrics.ScopedDelta;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The job graph, without I/O: it takes the input stream and the sinks as arguments, so tests can
 * plug in bounded sources and collecting sinks.
 *
 * <pre>
 * input (parsed, event time per partition) ─► route ─┬──────────────────────► dedup (by case) ─► case gate (by case) ─► accepted sink
 *             │                                    └─► id guard (by id) ─ verdicts ─┘  │  └─ late ─► late sink   │
 *             └───────────────────── dead letters ─────────────────────────────────────┴─────────────────────────┴─► dead-letter sinks
 * </pre>
 */
public final class IngestWorkflow {
    /** Longest wait of a network buffer before it is sent half-full (latency, SPEC §4's live values). */
    static final long BUFFER_TIMEOUT_MS = 10;
    /** Longest time the scope combiner holds a delta (it also flushes at every watermark). */
    static final long COMBINER_FLUSH_MS = 50;
    private IngestWorkflow() {
    }

    /** Where the workflow's results go. */
    public interface Sinks {
        Sink<AcceptedEvent> accepted();

        Sink<LateEvent> late();

        /** The live topic of metrics. */
        Sink<LiveMetric> live();

        /** ClickHouse: the backlog gauges as published. */
        Sink<LiveMetric> backlog();

        /** ClickHouse: the live topic's values, newest per scope, for restarting dashboards. */
        default Sink<LiveMetric> liveValues() {
            return new DiscardingSink<>();
        }

        /** ClickHouse: minute panes and day panes. */
        Sink<PaneRow> minutePanes();

        Sink<PaneRow> dayPanes();

        /** ClickHouse: the case table. */
        Sink<CaseRow> cases();

        /** ClickHouse: problems per point and day, and the watch-list. */
        Sink<PointRecord> pointDays();

        Sink<PointRecord> watchlist();

        /** ClickHouse and the live topic: data freshness per source × district. */
        Sink<Freshness> freshness();

        Sink<Freshness> liveFreshness();

        /** Every dead letter goes to each of these (the topic and the table). */
        java.util.List<Sink<DeadLetter>> deadLetters();

        /** Hotspot alerts, every state: the live topic, the {@code alerts} table, and the webhook. */
        default Sink<AlertUpdate> alertsLive() {
            return new DiscardingSink<>();
        }

        default Sink<AlertUpdate> alerts() {
            return new DiscardingSink<>();
        }

        /** Notifications as the webhook's JSON bodies. */
        default Sink<String> webhook() {
            return new DiscardingSink<>();
        }
    }

    /** Case lifecycles and problem counts → deltas → per-scope panes and sums → live topic and tables. */
    static void defineMetrics(DataStream<AcceptedEvent> accepted, Settings settings, Sinks sinks) {
        SingleOutputStreamOperator<MetricDelta> caseDeltas = DataStreamUtils
                // The case gate's output is still partitioned by case: no second shuffle needed.
                .reinterpretAsKeyedStream(accepted, e -> e.event().key())
                .process(new CaseLifecycleFunction(settings.getDuration(Setting.CASE_GRACE),
                        settings.getDuration(Setting.CASE_RETENTION)))
                .name("case-lifecycle").uid("case-lifecycle");
        DataStream<MetricDelta> problemDeltas = accepted.flatMap(new ProblemCounts())
                .name("problem-counts").uid("problem-counts");
        Duration lateness = settings.getDuration(Setting.ALLOWED_LATENESS);
        DataStream<MetricDelta> blindSpots = accepted
                .filter(e -> Point.isProblem(e.event()) && BlindSpotFunction.keyOf(e.event()) != null)
                .name("problems-at-a-place").uid("problems-at-a-place")
                .keyBy(e -> BlindSpotFunction.keyOf(e.event()))
                .process(new BlindSpotFunction(lateness)).name("blind-spots").uid("blind-spots");
        definePoints(accepted, settings, sinks);
        SingleOutputStreamOperator<LiveMetric> live = caseDeltas.union(problemDeltas, blindSpots)
                .transform("scope-combiner", TypeInformation.of(ScopedDelta.class),
                        new ScopeCombiner(20_000, COMBINER_FLUSH_MS))
                .uid("scope-combiner")
                .keyBy(ScopedDelta::scope)
                .process(new ScopeMetricsFunction(settings.getDuration(Setting.METRICS_EMIT_INTERVAL)))
                .name("scope-metrics").uid("scope-metrics");
        live.sinkTo(sinks.live()).name("metrics-live-sink").uid("metrics-live-sink");
        live.sinkTo(sinks.backlog()).name("backlog-sink").uid("backlog-sink");
        live.sinkTo(sinks.liveValues()).name("live-values-sink").uid("live-values-sink");
        DataStream<PaneRow> panes = live.getSideOutput(ScopeMetricsFunction.PANES);
        panes.filter(p -> p.grain().equals("minute")).name("minute-panes").uid("minute-panes")
                .sinkTo(sinks.minutePanes()).name("metric-minutes-sink").uid("metric-minutes-sink");
        panes.filter(p -> p.grain().equals("day")).name("day-panes").uid("day-panes")
                .sinkTo(sinks.dayPanes()).name("metric-days-sink").uid("metric-days-sink");
        caseDeltas.getSideOutput(CaseLifecycleFunction.CASES).sinkTo(sinks.cases())
                .name("cases-sink").uid("cases-sink");
    }

    /** Event time, assigned in the Kafka source per partition from accepted events only. */
    public static WatermarkStrategy<ParsedInput> eventTime(Settings settings) {
        Duration outOfOrderness = settings.getDuration(Setting.WATERMARK_OUT_OF_ORDERNESS);
        Duration idleness = settings.getDuration(Setting.WATERMARK_IDLENESS);
        // Captured by the supplier, so each source subtask (which deserializes the strategy once)
        // gets one, shared by the generators of all its partitions.
        SourceActivity subtask = new SourceActivity();
        return WatermarkStrategy
                .<ParsedInput>forGenerator(ctx -> new EventTimeWatermarks(outOfOrderness, idleness,
                        System::currentTimeMillis, subtask))
                .withTimestampAssigner((p, previous) -> p.accepted() == null ? previous : p.accepted().eventTime());
    }

    /** High-frequency points, the watch-list and data freshness. */
    static void definePoints(DataStream<AcceptedEvent> accepted, Settings settings, Sinks sinks) {
        SingleOutputStreamOperator<PointRecord> points = accepted
                .filter(e -> Point.isProblem(e.event()) && PointFunction.keyOf(e.event()) != null)
                .name("problems-at-a-point").uid("problems-at-a-point")
                .keyBy(e -> PointFunction.keyOf(e.event()))
                .process(new PointFunction(settings.getInt(Setting.WATCHLIST_PROBLEMS),
                        settings.getInt(Setting.WATCHLIST_FAILED_CHECKS)))
                .name("points").uid("points");
        points.filter(p -> p.kind().equals("day")).name("point-days").uid("point-days")
                .sinkTo(sinks.pointDays()).name("point-days-sink").uid("point-days-sink");
        points.filter(p -> p.kind().equals("watchlist")).name("watchlist-changes").uid("watchlist-changes")
                .sinkTo(sinks.watchlist()).name("watchlist-sink").uid("watchlist-sink");
        long emitMs = settings.getDuration(Setting.METRICS_EMIT_INTERVAL).toMillis();
        SingleOutputStreamOperator<Freshness> freshness = accepted
                .transform("freshness-per-task", TypeInformation.of(Freshness.class), new FreshnessCombiner(emitMs))
                .uid("freshness-per-task")
                .keyBy(f -> f.source() + "|" + f.district())
                .process(new FreshnessFunction(settings.getDuration(Setting.METRICS_EMIT_INTERVAL)))
                .name("freshness").uid("freshness");
        freshness.sinkTo(sinks.freshness()).name("freshness-sink").uid("freshness-sink");
        freshness.sinkTo(sinks.liveFreshness()).name("freshness-live-sink").uid("freshness-live-sink");
    }

    /** The job graph without operators' alert commands. */
    public static void define(DataStream<ParsedInput> input, Settings settings, Sinks sinks) {
        define(input, null, settings, sinks);
    }

    /** {@code alertCommands}: operators' commands on alerts, or null for none. */
    public static void define(DataStream<ParsedInput> input, DataStream<AlertCommand> alertCommands,
                              Settings settings, Sinks sinks) {
        Duration lateness = settings.getDuration(Setting.ALLOWED_LATENESS);
        // No function here changes a record it receives (records are immutable, counter arrays
        // are summed into fresh ones), so chained operators may share them instead of copying
        // every record between the case-keyed operators and their sinks.
        input.getExecutionEnvironment().getConfig().enableObjectReuse();
        // A live value crosses two network exchanges after the events that changed it; with Flink's
        // default (a buffer waits up to 100 ms to fill) the quiet exchange to the scope aggregators
        // alone added up to 0.1 s each. A short timeout keeps ingest → live topic under a second.
        input.getExecutionEnvironment().setBufferTimeout(BUFFER_TIMEOUT_MS);

        SingleOutputStreamOperator<AcceptedEvent> validated = input
                .process(new RouteRejected()).name("route-rejected").uid("route-rejected");

        // Ids are ruled on by id (a repeat may name another case), the events wait for the ruling
        // keyed by case, so a case's events reach the case gate in the order they were read.
        DataStream<IdVerdict> verdicts = validated
                .map(IdClaim::of).name("id-claims").uid("id-claims")
                .keyBy(IdClaim::id)
                .process(new EventIdGuard(lateness)).name("id-guard").uid("id-guard");
        SingleOutputStreamOperator<AcceptedEvent> unique = validated
                .connect(verdicts)
                .keyBy(e -> e.event().key(), IdVerdict::eventKey)
                .process(new DeduplicateFunction())
                .name("deduplicate").uid("deduplicate");

        // Deduplication already partitions by case: the gate runs in the same task, no shuffle.
        SingleOutputStreamOperator<AcceptedEvent> accepted = DataStreamUtils
                .reinterpretAsKeyedStream(unique, e -> e.event().key())
                .process(new CaseGateFunction(lateness, settings.getDuration(Setting.CASE_GRACE),
                        settings.getDuration(Setting.CASE_RETENTION)))
                .name("case-gate").uid("case-gate");

        accepted.sinkTo(sinks.accepted()).name("raw-events-sink").uid("raw-events-sink");
        defineMetrics(accepted, settings, sinks);
        HotspotWorkflow.define(accepted, alertCommands, settings, sinks);
        unique.getSideOutput(Outputs.LATE).sinkTo(sinks.late()).name("late-events-sink").uid("late-events-sink");

        DataStream<DeadLetter> deadLetters = validated.getSideOutput(Outputs.DEAD_LETTERS)
                .union(unique.getSideOutput(Outputs.DEAD_LETTERS), accepted.getSideOutput(Outputs.DEAD_LETTERS));
        int i = 0;
        for (Sink<DeadLetter> sink : sinks.deadLetters()) {
            deadLetters.sinkTo(sink).name("dead-letter-sink-" + i).uid("dead-letter-sink-" + i);
            i++;
        }
    }
}
