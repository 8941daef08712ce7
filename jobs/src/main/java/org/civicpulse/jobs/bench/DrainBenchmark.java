package org.civicpulse.jobs.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.IngestWorkflow;
import org.civicpulse.jobs.JobSinks;
import org.civicpulse.jobs.ParsedInput;
import org.civicpulse.jobs.ValidatingDeserializer;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.Migrations;

/**
 * How fast the job drains a backlog: a JSONL file (the simulator's mix) is loaded into fresh
 * topics first, then (1) the floor — the Kafka source with the one parse and nothing else — and
 * (2) the whole job with every metric and sink, each reading the topics to their end as a
 * bounded job at the product's parallelism (2 unless set) on a local MiniCluster. Prints Markdown table rows.
 *
 * <p>Needs the local Kafka broker and ClickHouse running ({@code ./civicpulse up --services-only});
 * uses its own topics and database, so it does not disturb the running job.
 */
public final class DrainBenchmark {
    private DrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Settings s = Settings.fromEnvironment()
                .with(Setting.TOPIC_HOTLINE, "bench.hotline." + run)
                .with(Setting.TOPIC_GRID, "bench.grid." + run)
                .with(Setting.TOPIC_INSPECTION, "bench.inspection." + run)
                .with(Setting.TOPIC_DEADLETTER, "bench.deadletter." + run)
                .with(Setting.TOPIC_METRICS_LIVE, "bench.live." + run)
                .with(Setting.KAFKA_GROUP, "bench-" + run)
                .with(Setting.CLICKHOUSE_DATABASE, "bench_" + run);
        long events = load(s, file);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            Migrations.apply(db);
        }
        double floor = drain(s, false);
        MachineCpu cpu = MachineCpu.start();
        double full = drain(s, true);
        MachineCpu.Split split = cpu.stop();
        System.out.printf("| floor: Kafka source + the one parse, nothing else | %,d events | %.1f s | %,.0f events/s |%n",
                events, floor, events / floor);
        System.out.printf("| whole job: dedup, case gate, lifecycles, every metric, all sinks | %,d events | %.1f s "
                + "| %,.0f events/s (%.0f%% of the floor) |%n", events, full, events / full, 100 * floor / full);
        if (lastCheckpoint != null) {
            System.out.printf("| whole job: last checkpoint before the end of the input | %,d events | %.1f MB of state "
                    + "| written in %,d ms |%n", events, lastCheckpoint[0] / 1e6, lastCheckpoint[1]);
            lastByVertex.forEach((vertex, bytes) -> System.out.printf("| state of `%s` | | %.2f MB | |%n",
                    vertex, bytes / 1e6));
        }
        split.seconds().forEach((group, seconds) -> System.out.printf(
                "| whole job: CPU of %s | %.0f s | %.0f µs per event | |%n", group, seconds, 1e6 * seconds / events));
        System.out.printf("| whole job: machine idle (%d cores) | %.0f s | | |%n", split.cores(), split.idleSeconds());
        long live = records(s, s.get(Setting.TOPIC_METRICS_LIVE));
        System.out.printf("| records written to the live topic | %,d records | %.2f per event | |%n", live,
                (double) live / events);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            for (var row : db.query("SELECT table, sum(rows) AS rows FROM system.parts WHERE database = '"
                    + db.database() + "' AND active GROUP BY table ORDER BY rows DESC")) {
                System.out.printf("| rows written to `%s` | %,d rows | %.2f per event | |%n", row.get("table").asText(),
                        row.get("rows").asLong(), row.get("rows").asDouble() / events);
            }
        }
    }

    /** Seconds to read the topics to their end: the floor, or the whole job. */
    static double drain(Settings s, boolean wholeJob) throws Exception {
        // State outgrows the JobManager's memory storage within seconds: checkpoint to files, as the job
        // does — to a folder of this run's, deleted after it (hundreds of MB each).
        Path checkpoints = Files.createTempDirectory("civicpulse-bench-checkpoints");
        try {
            return drain(s, wholeJob, checkpoints);
        } finally {
            org.apache.flink.util.FileUtils.deleteDirectory(checkpoints.toFile());
        }
    }

    private static double drain(Settings s, boolean wholeJob, Path checkpoints) throws Exception {
        Configuration conf = new Configuration();
        conf.set(org.apache.flink.configuration.CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                checkpoints.toUri().toString());
        // A REST port, so the checkpoint probe can read the last checkpoint's size and duration.
        conf.set(org.apache.flink.configuration.RestOptions.PORT, freePort());
        // The product's parallelism (CIVICPULSE_FLINK_PARALLELISM to try another).
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
                s.getInt(Setting.FLINK_PARALLELISM), conf);
        // The product's interval (CIVICPULSE_FLINK_CHECKPOINT_INTERVAL to try another).
        env.enableCheckpointing(s.getDuration(Setting.FLINK_CHECKPOINT_INTERVAL).toMillis());
        if (Boolean.getBoolean("bench.unchained")) {
            // Every operator its own vertex, so the checkpoint names each one's state (not a chain's);
            // the state is the same, the run slower.
            env.disableOperatorChaining();
        }
        KafkaSource<ParsedInput> source = KafkaSource.<ParsedInput>builder()
                .setBootstrapServers(s.get(Setting.KAFKA_BOOTSTRAP))
                .setTopics(List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID),
                        s.get(Setting.TOPIC_INSPECTION)))
                .setGroupId(s.get(Setting.KAFKA_GROUP) + (wholeJob ? "-full" : "-floor"))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new ValidatingDeserializer(s.getDuration(Setting.MAX_FUTURE)))
                .build();
        var input = env.fromSource(source, wholeJob ? IngestWorkflow.eventTime(s) : WatermarkStrategy.noWatermarks(),
                "kafka-input");
        CheckpointProbe probe = null;
        if (wholeJob) {
            IngestWorkflow.define(input, s, new JobSinks(s));
            probe = CheckpointProbe.start(conf.get(org.apache.flink.configuration.RestOptions.PORT));
        } else {
            input.filter((FilterFunction<ParsedInput>) p -> p.accepted() != null).addSink(new DiscardingSink<>());
        }
        long t0 = System.nanoTime();
        env.execute(wholeJob ? "bench-whole-job" : "bench-floor");
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (probe != null) {
            probe.stop();
            lastCheckpoint = probe.last();
            lastByVertex = probe.lastByVertex();
        }
        return seconds;
    }

    /** The whole job's last completed checkpoint: {state bytes, duration ms}, or null. */
    static long[] lastCheckpoint;
    /** Its state bytes per job vertex. */
    static java.util.Map<String, Long> lastByVertex = java.util.Map.of();

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** How many records a topic holds (the sum of its partitions' end offsets). */
    static long records(Settings s, String topic) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        try (Admin a = Admin.create(admin)) {
            var partitions = a.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                    new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return a.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    /** Loads the file into the bench topics, each line to its source's topic, keyed by case. */
    static long load(Settings s, Path file) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(s.get(Setting.TOPIC_HOTLINE), 4, (short) 1),
                    new NewTopic(s.get(Setting.TOPIC_GRID), 4, (short) 1),
                    new NewTopic(s.get(Setting.TOPIC_INSPECTION), 4, (short) 1),
                    new NewTopic(s.get(Setting.TOPIC_DEADLETTER), 4, (short) 1),
                    new NewTopic(s.get(Setting.TOPIC_METRICS_LIVE), 4, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        long n = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p);
             BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String topic = line.contains("\"source\":\"GRID\"") ? s.get(Setting.TOPIC_GRID)
                        : line.contains("\"source\":\"INSPECTION\"") ? s.get(Setting.TOPIC_INSPECTION)
                        : s.get(Setting.TOPIC_HOTLINE);
                producer.send(new ProducerRecord<>(topic, key(line), line.getBytes(StandardCharsets.UTF_8)));
                n++;
            }
        }
        return n;
    }

    private static byte[] key(String line) {
        int i = line.indexOf("\"caseId\":\"");
        if (i < 0) {
            i = line.indexOf("\"id\":\"");
            if (i < 0) {
                return null;
            }
            i += 6;
        } else {
            i += 10;
        }
        int end = line.indexOf('"', i);
        return end < 0 ? null : line.substring(i, end).getBytes(StandardCharsets.UTF_8);
    }
}
