package org.civicpulse.jobs.hotspot;

import java.util.Objects;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.AcceptedEvent;
import org.civicpulse.jobs.IngestWorkflow;

/**
 * The hotspot part of the job graph: accepted new problems, keyed by district × category, joined
 * with operators' commands keyed the same way (the alert id names its district × category), into
 * {@link HotspotFunction}; its alerts go to the live topic and the table, its notifications to
 * the webhook.
 */
public final class HotspotWorkflow {
    private HotspotWorkflow() {
    }

    /** {@code commands} may be null: no operator commands. */
    public static void define(DataStream<AcceptedEvent> accepted, DataStream<AlertCommand> alertCommands,
                              Settings settings, IngestWorkflow.Sinks sinks) {
        DataStream<AlertCommand> commands = alertCommands != null ? alertCommands : noCommands(accepted);
        SingleOutputStreamOperator<AlertUpdate> alerts = accepted
                .filter(e -> HotspotFunction.keyOf(e.event()) != null)
                .name("new-problems-on-streets").uid("new-problems-on-streets")
                .keyBy(e -> HotspotFunction.keyOf(e.event()))
                // An id not made here routes to a key that owns nothing: the function logs and ignores it.
                .connect(commands.keyBy(c -> Objects.requireNonNullElse(AlertIds.unitKey(c.alertId()), "")))
                .process(new HotspotFunction(HotspotConfig.from(settings)))
                .name("hotspots").uid("hotspots");
        alerts.sinkTo(sinks.alertsLive()).name("alerts-live-sink").uid("alerts-live-sink");
        alerts.sinkTo(sinks.alerts()).name("alerts-sink").uid("alerts-sink");
        alerts.getSideOutput(HotspotFunction.NOTIFICATIONS).sinkTo(sinks.webhook())
                .name("alerts-webhook-sink").uid("alerts-webhook-sink");
    }

    /**
     * No commands at all (tests and benchmarks that need none): a stream derived from the events
     * that never carries an element but passes their watermarks on. Not an empty bounded source:
     * a source that finishes at once stalled the whole job's output in the pipeline tests.
     */
    public static DataStream<AlertCommand> noCommands(DataStream<AcceptedEvent> accepted) {
        return accepted.flatMap(new NoCommands()).name("no-alert-commands").uid("no-alert-commands");
    }

    /** Emits nothing. */
    static final class NoCommands implements FlatMapFunction<AcceptedEvent, AlertCommand>,
            ResultTypeQueryable<AlertCommand> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(AcceptedEvent e, Collector<AlertCommand> out) {
            // Nothing: only the watermarks matter.
        }

        @Override
        public TypeInformation<AlertCommand> getProducedType() {
            return TypeInformation.of(AlertCommand.class);
        }
    }

    /**
     * Commands carry wall-clock times, which say nothing about event time: their input never holds
     * the hotspot operator's event time back (its watermark is always the end of time), so bucket
     * timers follow the events alone.
     */
    public static WatermarkStrategy<AlertCommand> commandTime() {
        return WatermarkStrategy.forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(AlertCommand c, long timestamp, WatermarkOutput out) {
                // Nothing: see onPeriodicEmit.
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput out) {
                out.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        });
    }
}
