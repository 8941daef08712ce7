package org.civicpulse.jobs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Setting;
import org.civicpulse.jobs.hotspot.AlertCommandDeserializer;
import org.civicpulse.jobs.hotspot.HotspotWorkflow;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.Migrations;
import org.civicpulse.storage.RawEventRow;
import org.civicpulse.storage.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the Flink job: reads configuration, applies the ClickHouse migrations, builds
 * the Kafka source and the sinks, and runs {@link IngestWorkflow}. Run with {@code java} it
 * starts a local MiniCluster that resumes from the latest retained checkpoint; submitted with
 * {@code flink run} it runs on that cluster.
 */
public final class IngestJob {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);

    private IngestJob() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        prepareStorage(settings);

        Configuration conf = new Configuration();
        conf.set(RestOptions.PORT, settings.getInt(Setting.FLINK_REST_PORT));
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        CheckpointStore checkpoints = CheckpointStore.of(settings);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.uri());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (env instanceof LocalStreamEnvironment) {
            Optional<String> latest = checkpoints.latest();
            if (latest.isPresent()) {
                LOG.info("Resuming from checkpoint {}", latest.get());
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, latest.get());
                env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            } else {
                LOG.info("No retained checkpoint under {}: starting from committed Kafka offsets", checkpoints.uri());
            }
        }
        env.setParallelism(settings.getInt(Setting.FLINK_PARALLELISM));
        env.enableCheckpointing(settings.getDuration(Setting.FLINK_CHECKPOINT_INTERVAL).toMillis());

        IngestWorkflow.define(input(env, settings), alertCommands(env, settings), settings, new JobSinks(settings));
        env.execute("civicpulse-ingest");
    }

    /** Applies pending migrations and drops raw partitions past their retention. */
    static void prepareStorage(Settings settings) {
        try (ClickHouseDb db = ClickHouseDb.writer(settings)) {
            Migrations.apply(db);
            Retention.dropOlderThan(db, RawEventRow.TABLE, settings.getInt(Setting.RAW_RETENTION_DAYS),
                    LocalDate.now(org.civicpulse.storage.SqlLiteral.ZONE));
        }
    }

    /** The three input topics, parsed once, with event time per partition. */
    public static DataStream<ParsedInput> input(StreamExecutionEnvironment env, Settings settings) {
        return env.fromSource(kafkaSource(settings), IngestWorkflow.eventTime(settings), "kafka-input")
                .uid("kafka-input");
    }

    /** Operators' alert commands, from where the group left off (else the beginning of the topic). */
    public static DataStream<AlertCommand> alertCommands(StreamExecutionEnvironment env, Settings settings) {
        KafkaSource<AlertCommand> source = KafkaSource.<AlertCommand>builder()
                .setBootstrapServers(settings.get(Setting.KAFKA_BOOTSTRAP))
                .setTopics(settings.get(Setting.TOPIC_ALERT_COMMANDS))
                .setGroupId(settings.get(Setting.KAFKA_GROUP))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new AlertCommandDeserializer())
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
        // Commands are rare: one reader is plenty.
        return env.fromSource(source, HotspotWorkflow.commandTime(), "kafka-alert-commands")
                .setParallelism(1).uid("kafka-alert-commands");
    }

    static KafkaSource<ParsedInput> kafkaSource(Settings settings) {
        return KafkaSource.<ParsedInput>builder()
                .setBootstrapServers(settings.get(Setting.KAFKA_BOOTSTRAP))
                .setTopics(List.of(settings.get(Setting.TOPIC_HOTLINE), settings.get(Setting.TOPIC_GRID),
                        settings.get(Setting.TOPIC_INSPECTION)))
                .setGroupId(settings.get(Setting.KAFKA_GROUP))
                // Without a checkpoint: where the group left off, else from the beginning of the topics.
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ValidatingDeserializer(settings.getDuration(Setting.MAX_FUTURE)))
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }
}
