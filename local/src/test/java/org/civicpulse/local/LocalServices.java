package org.civicpulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.Migrations;

/**
 * One real ClickHouse server and one real Kafka broker per test JVM, on free ports in a
 * temporary folder; each test gets its own database and topics from {@link #isolated(String)}.
 */
public final class LocalServices implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final Settings base;
    private final LocalClickHouse clickHouse;
    private final LocalKafka kafka;

    private LocalServices(Settings base, LocalClickHouse clickHouse, LocalKafka kafka) {
        this.base = base;
        this.clickHouse = clickHouse;
        this.kafka = kafka;
    }

    /** For benchmark processes outside JUnit: the same services; the caller closes them. */
    public static LocalServices startForBenchmark() throws IOException {
        return start();
    }

    static LocalServices start() throws IOException {
        Path dir = Files.createTempDirectory("civicpulse-test-");
        Settings s = Settings.resolve(Map.of(), new Properties(), Map.of(
                Setting.DATA_DIR.key(), dir.toString(),
                Setting.CLICKHOUSE_URL.key(), "http://127.0.0.1:" + Ports.free(),
                Setting.CLICKHOUSE_TCP_PORT.key(), Integer.toString(Ports.free()),
                Setting.KAFKA_BOOTSTRAP.key(), "127.0.0.1:" + Ports.free(),
                Setting.KAFKA_CONTROLLER_PORT.key(), Integer.toString(Ports.free()),
                Setting.KAFKA_PARTITIONS.key(), "2",
                Setting.FLINK_REST_PORT.key(), Integer.toString(Ports.free()),
                Setting.SINK_BATCH_INTERVAL.key(), "PT0.2S"));
        Path brokerClasspath = Path.of(System.getProperty("civicpulse.broker.classpath",
                "../broker/target/classpath.txt"));
        LocalClickHouse ch = LocalClickHouse.start(s, Duration.ofSeconds(60));
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(s, brokerClasspath, Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            ch.close();
            throw e;
        }
        return new LocalServices(s, ch, kafka);
    }

    /** Settings with a fresh database (migrated) and fresh topics, named after {@code test}. */
    public Settings isolated(String test) {
        String suffix = test.toLowerCase().replaceAll("[^a-z0-9]", "") + SEQUENCE.incrementAndGet();
        Settings s = base
                .with(Setting.CLICKHOUSE_DATABASE, "t_" + suffix)
                .with(Setting.TOPIC_HOTLINE, "civic.hotline." + suffix)
                .with(Setting.TOPIC_GRID, "civic.grid." + suffix)
                .with(Setting.TOPIC_INSPECTION, "civic.inspection." + suffix)
                .with(Setting.TOPIC_DEADLETTER, "civic.deadletter." + suffix)
                .with(Setting.TOPIC_METRICS_LIVE, "civic.metrics.live." + suffix)
                .with(Setting.TOPIC_ALERTS_LIVE, "civic.alerts.live." + suffix)
                .with(Setting.TOPIC_ALERT_COMMANDS, "civic.alert.commands." + suffix)
                .with(Setting.KAFKA_GROUP, "group-" + suffix)
                .with(Setting.DATA_DIR, base.dataDir().resolve(suffix).toString());
        Topics.ensure(s);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            Migrations.apply(db);
        }
        return s;
    }

    public Settings base() {
        return base;
    }

    public LocalClickHouse clickHouse() {
        return clickHouse;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    /** Stops both servers and deletes the temporary folder (data, logs, checkpoints of every test). */
    @Override
    public void close() {
        kafka.close();
        clickHouse.close();
        try {
            Folders.delete(base.dataDir());
        } catch (IOException e) {
            // Best effort: a child process of a test may still be writing into it.
            System.err.println("Could not delete " + base.dataDir() + ": " + e);
        }
    }
}
