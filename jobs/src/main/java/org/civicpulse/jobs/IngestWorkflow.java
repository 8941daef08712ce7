package org.civicpulse.jobs;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * The job graph, without I/O: it takes the input stream and the sinks as arguments, so tests can
 * plug in bounded sources and collecting sinks.
 *
 * <pre>
 * input ─► validate ─► event time ─► dedup (by case) ─► case gate (by case) ─► accepted sink
 *             │                         │    └─ late ─► late sink               │
 *             └────────── dead letters ─┴───────────────────────────────────────┴─► dead-letter sinks
 * </pre>
 */
public final class IngestWorkflow {
    private IngestWorkflow() {
    }

    /** Where the workflow's results go. */
    public interface Sinks {
        Sink<AcceptedEvent> accepted();

        Sink<LateEvent> late();

        /** Every dead letter goes to each of these (the topic and the table). */
        java.util.List<Sink<DeadLetter>> deadLetters();
    }

    public static void define(DataStream<KafkaInput> input, Settings settings, Sinks sinks) {
        Duration lateness = settings.getDuration(Setting.ALLOWED_LATENESS);
        Duration outOfOrderness = settings.getDuration(Setting.WATERMARK_OUT_OF_ORDERNESS);
        Duration idleness = settings.getDuration(Setting.WATERMARK_IDLENESS);

        SingleOutputStreamOperator<AcceptedEvent> validated = input
                .process(new ValidateFunction(settings.getDuration(Setting.MAX_FUTURE)))
                .name("validate").uid("validate");

        WatermarkStrategy<AcceptedEvent> eventTime = WatermarkStrategy
                .<AcceptedEvent>forGenerator(ctx -> new EventTimeWatermarks(outOfOrderness, idleness,
                        System::currentTimeMillis))
                .withTimestampAssigner((e, previous) -> e.eventTime());

        SingleOutputStreamOperator<AcceptedEvent> unique = validated
                .assignTimestampsAndWatermarks(eventTime).name("event-time").uid("event-time")
                .keyBy(e -> e.event().key())
                .process(new DeduplicateFunction(lateness))
                .name("deduplicate").uid("deduplicate");

        SingleOutputStreamOperator<AcceptedEvent> accepted = unique
                .keyBy(e -> e.event().key())
                .process(new CaseGateFunction(lateness, settings.getDuration(Setting.CASE_RETENTION)))
                .name("case-gate").uid("case-gate");

        accepted.sinkTo(sinks.accepted()).name("raw-events-sink").uid("raw-events-sink");
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
