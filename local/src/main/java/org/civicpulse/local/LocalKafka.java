package org.civicpulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * A real single-node KRaft Kafka broker from Maven Central's artifacts, in a child JVM so its
 * dependencies never meet Flink's. The log folder is formatted once and kept across restarts.
 */
public final class LocalKafka implements AutoCloseable {
    private final ChildProcess process;
    private final String bootstrap;

    private LocalKafka(ChildProcess process, String bootstrap) {
        this.process = process;
        this.bootstrap = bootstrap;
    }

    /**
     * Formats (first time only) and starts the broker on the ports of {@code settings}, waits until
     * it answers, and creates the topics.
     *
     * @param brokerClasspath the broker's classpath file written by the build
     */
    public static LocalKafka start(Settings settings, Path brokerClasspath, Duration timeout) {
        String bootstrap = settings.get(Setting.KAFKA_BOOTSTRAP);
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        int controllerPort = settings.getInt(Setting.KAFKA_CONTROLLER_PORT);
        for (int p : List.of(port, controllerPort)) {
            if (Ports.inUse(p)) {
                throw new IllegalStateException("Port " + p + " (Kafka) is already in use: is another CivicPulse "
                        + "running? Stop it, or set " + Setting.KAFKA_BOOTSTRAP.envVar() + " and "
                        + Setting.KAFKA_CONTROLLER_PORT.envVar());
            }
        }
        Path dir = settings.dataDir().resolve("kafka");
        Path logs = dir.resolve("logs");
        Path props = dir.resolve("server.properties");
        String classpath = ChildProcess.classpath(brokerClasspath);
        try {
            Files.createDirectories(logs);
            Files.writeString(props, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=" + settings.getInt(Setting.KAFKA_PARTITIONS),
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=4",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=false",
                    // Synthetic and replayed events carry past timestamps: keep them.
                    "log.retention.hours=" + 24L * settings.getInt(Setting.KAFKA_RETENTION_DAYS),
                    "log.message.timestamp.type=LogAppendTime",
                    "") + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write Kafka config under " + dir, e);
        }
        List<String> jvm = List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dlog4j2.level=warn");
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            ChildProcess format = ChildProcess.start("kafka-format", ChildProcess.javaCommand(classpath, jvm,
                    "kafka.tools.StorageTool", List.of("format", "-t", Uuid.randomUuid().toString(),
                            "-c", props.toString(), "--ignore-formatted")),
                    logs.resolve("format.log"), Map.of());
            Wait.until("the Kafka log folder to be formatted", timeout, () -> !format.isAlive());
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                throw new IllegalStateException("Formatting the Kafka log folder failed:\n" + format.tail(20));
            }
        }
        ChildProcess broker = ChildProcess.start("kafka", ChildProcess.javaCommand(classpath, jvm,
                "kafka.Kafka", List.of(props.toString())), logs.resolve("broker.log"), Map.of());
        LocalKafka kafka = new LocalKafka(broker, bootstrap);
        broker.awaitReady("Kafka to answer on " + bootstrap, timeout, kafka::answers);
        try {
            Topics.ensure(settings);
        } catch (RuntimeException e) {
            String tail = broker.tail(30);
            kafka.close();
            throw new IllegalStateException(e.getMessage() + "\n" + tail, e);
        }
        return kafka;
    }

    /** True when the broker answers a metadata request. */
    public boolean answers() {
        return answers(bootstrap);
    }

    /** True when a broker at {@code bootstrap} answers a metadata request within 2 s (for polling loops). */
    public static boolean answers(String bootstrap) {
        return answers(bootstrap, Duration.ofSeconds(2));
    }

    /** True when a broker at {@code bootstrap} answers a metadata request within {@code timeout}. */
    public static boolean answers(String bootstrap, Duration timeout) {
        int ms = Math.toIntExact(timeout.toMillis());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
