package org.civicpulse.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka producer: each line to the topic of its source, keyed by its case (or id). A line with
 * no routable source goes to the HOTLINE topic, so the pipeline sees it and dead-letters it.
 * acks=all with idempotence, 10 ms linger, 256 KiB batches, lz4 when it is on the classpath.
 */
public final class KafkaEmissionSink implements EmissionSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEmissionSink.class);

    private final Producer<byte[], byte[]> producer;
    private final Map<Source, String> topics = new EnumMap<>(Source.class);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong acknowledged = new AtomicLong();

    /** A producer for the bootstrap servers and topics of {@code settings}. */
    public KafkaEmissionSink(Settings settings) {
        this(new KafkaProducer<>(producerProperties(settings)), settings);
    }

    /** Uses the given producer (tests pass a mock). */
    KafkaEmissionSink(Producer<byte[], byte[]> producer, Settings settings) {
        this.producer = producer;
        topics.put(Source.HOTLINE, settings.get(Setting.TOPIC_HOTLINE));
        topics.put(Source.GRID, settings.get(Setting.TOPIC_GRID));
        topics.put(Source.INSPECTION, settings.get(Setting.TOPIC_INSPECTION));
    }

    /** The producer configuration. */
    static Properties producerProperties(Settings settings) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "civicpulse-simulator");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, lz4Available() ? "lz4" : "none");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /** Whether the lz4 codec (which kafka-clients brings) can be loaded. */
    static boolean lz4Available() {
        try {
            Class.forName("net.jpountz.lz4.LZ4Factory", false, KafkaEmissionSink.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Asks the broker for its cluster id within {@code timeout}.
     *
     * @throws IOException with a message saying how to start one when no broker answers
     */
    public static void requireBroker(Settings settings, Duration timeout) throws IOException {
        Properties p = new Properties();
        String bootstrap = settings.get(Setting.KAFKA_BOOTSTRAP);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("No Kafka broker answers at " + bootstrap + " (" + Setting.KAFKA_BOOTSTRAP.envVar()
                    + "): start the stack with ./civicpulse up, or use the file mode");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while asking Kafka at " + bootstrap, e);
        }
    }

    /** The topic a line goes to: its source's, or the HOTLINE topic for a line with no routable source. */
    String topicFor(String topicSource) {
        return topics.get(topicSource == null ? Source.HOTLINE : Source.valueOf(topicSource));
    }

    @Override
    public void send(Emission emission) throws IOException {
        rethrow();
        byte[] key = emission.key() == null ? null : emission.key().getBytes(StandardCharsets.UTF_8);
        // No record timestamp: the producer stamps wall-clock time, which the broker accepts for any event time.
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topicFor(emission.topicSource()), key,
                emission.line().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                if (failure.compareAndSet(null, error)) {
                    LOG.error("Kafka rejected a record for {}: {}", record.topic(), error.toString());
                }
            } else {
                acknowledged.incrementAndGet();
            }
        });
    }

    /** Records the broker has acknowledged. */
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public void flush() throws IOException {
        producer.flush();
        rethrow();
    }

    @Override
    public void close() throws IOException {
        try {
            producer.flush();
        } finally {
            producer.close(Duration.ofSeconds(30));
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Exception e = failure.get();
        if (e != null) {
            throw new IOException("Sending to Kafka failed: " + e.getMessage(), e);
        }
    }
}
