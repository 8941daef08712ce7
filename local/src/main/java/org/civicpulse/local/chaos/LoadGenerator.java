package org.civicpulse.local.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends problems stamped now at a fixed rate, in the three sources' proportions (70% new hotline
 * cases, 25% new grid cases, 5% passed spot checks, so every input topic is live as in the city),
 * optionally with a share of malformed lines, and counts what the broker acknowledged per source:
 * the input a reconciliation is computed from. Written from the event format of SPEC §2 alone,
 * sharing no code with the product.
 */
final class LoadGenerator implements AutoCloseable {
    /** Districts and one of their streets each, for valid events. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"110101", "东华门街道"}, new String[] {"110102", "西长安街街道"},
            new String[] {"110105", "建外街道"}, new String[] {"110108", "中关村街道"});
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String hotlineTopic;
    private final String gridTopic;
    private final String inspectionTopic;
    private final String run;
    private final int malformedEvery;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ackedHotline = new AtomicLong();
    private final AtomicLong ackedGrid = new AtomicLong();
    private final AtomicLong ackedInspection = new AtomicLong();
    private final AtomicLong ackedMalformed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopped;

    /**
     * @param malformedEvery every n-th line is malformed (0: none)
     */
    LoadGenerator(String bootstrap, String hotlineTopic, String gridTopic, String inspectionTopic, String run,
                  int malformedEvery) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // A broker restart takes seconds: keep retrying well past it rather than give up on a line.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "180000");
        this.producer = new KafkaProducer<>(p);
        this.hotlineTopic = hotlineTopic;
        this.gridTopic = gridTopic;
        this.inspectionTopic = inspectionTopic;
        this.run = run;
        this.malformedEvery = malformedEvery;
    }

    /** Sends at {@code eventsPerSecond} until {@link #stop()}; paced in 10 ms steps. */
    void run(int eventsPerSecond) throws InterruptedException {
        long start = System.nanoTime();
        while (!stopped) {
            long due = (System.nanoTime() - start) * eventsPerSecond / 1_000_000_000L;
            while (sent.get() < due && !stopped) {
                send(sent.getAndIncrement());
            }
            Thread.sleep(10); // pacing of the load itself, not a wait on a result
        }
        producer.flush();
    }

    private void send(long n) {
        boolean malformed = malformedEvery > 0 && n % malformedEvery == malformedEvery - 1;
        String id = run + "-" + n;
        String[] place = PLACES.get((int) (n % PLACES.size()));
        String at = OffsetDateTime.ofInstant(Instant.now(), BEIJING).toString();
        int share = (int) (n % 20);
        String topic;
        String line;
        AtomicLong acked;
        if (malformed) {
            topic = hotlineTopic;
            line = "{\"id\":\"" + id + "\",\"source\":\"HOTLINE\",\"type\":";
            acked = ackedMalformed;
        } else if (share < 14) {
            topic = hotlineTopic;
            line = newCase(id, "HOTLINE", at, place) + ",\"channel\":\"PHONE\"}";
            acked = ackedHotline;
        } else if (share < 19) {
            topic = gridTopic;
            line = newCase(id, "GRID", at, place) + "}";
            acked = ackedGrid;
        } else {
            topic = inspectionTopic;
            line = "{\"id\":\"" + id + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\",\"occurredAt\":\"" + at
                    + "\",\"district\":\"" + place[0] + "\",\"street\":\"" + place[1]
                    + "\",\"category\":\"ILLEGAL_PARKING_MOTOR\",\"passed\":true}";
            acked = ackedInspection;
        }
        producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8),
                line.getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    } else {
                        acked.incrementAndGet();
                    }
                });
    }

    private static String newCase(String id, String source, String at, String[] place) {
        return "{\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\"CREATED\",\"caseId\":\"" + id
                + "\",\"occurredAt\":\"" + at + "\",\"district\":\"" + place[0] + "\",\"street\":\"" + place[1]
                + "\",\"category\":\"ILLEGAL_PARKING_MOTOR\"";
    }

    void stop() {
        stopped = true;
    }

    /** Every valid line acknowledged, of all three sources. */
    long ackedValid() {
        return ackedHotline.get() + ackedGrid.get() + ackedInspection.get();
    }

    long ackedHotline() {
        return ackedHotline.get();
    }

    long ackedGrid() {
        return ackedGrid.get();
    }

    long ackedInspection() {
        return ackedInspection.get();
    }

    long ackedMalformed() {
        return ackedMalformed.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
