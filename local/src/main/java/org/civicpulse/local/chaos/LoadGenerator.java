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
 * Sends new hotline cases ({@code CREATED}, stamped now) at a fixed rate, optionally with a share
 * of malformed lines, and counts what the broker acknowledged: the input a reconciliation is
 * computed from. Written from the event format of SPEC §2 alone, sharing no code with the product.
 */
final class LoadGenerator implements AutoCloseable {
    /** Districts and one of their streets each, for valid events. */
    private static final List<String[]> PLACES = List.of(
            new String[] {"110101", "东华门街道"}, new String[] {"110102", "西长安街街道"},
            new String[] {"110105", "建外街道"}, new String[] {"110108", "中关村街道"});
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String run;
    private final int malformedEvery;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ackedValid = new AtomicLong();
    private final AtomicLong ackedMalformed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopped;

    /**
     * @param malformedEvery every n-th line is malformed (0: none)
     */
    LoadGenerator(String bootstrap, String topic, String run, int malformedEvery) {
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
        this.topic = topic;
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
        byte[] value = malformed ? ("{\"id\":\"" + id + "\",\"source\":\"HOTLINE\",\"type\":").getBytes(StandardCharsets.UTF_8)
                : validCase(id, n).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, id.getBytes(StandardCharsets.UTF_8), value), (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet();
            } else if (malformed) {
                ackedMalformed.incrementAndGet();
            } else {
                ackedValid.incrementAndGet();
            }
        });
    }

    private String validCase(String id, long n) {
        String[] place = PLACES.get((int) (n % PLACES.size()));
        String at = OffsetDateTime.ofInstant(Instant.now(), BEIJING).toString();
        return "{\"id\":\"" + id + "\",\"source\":\"HOTLINE\",\"type\":\"CREATED\",\"caseId\":\"" + id
                + "\",\"occurredAt\":\"" + at + "\",\"district\":\"" + place[0] + "\",\"street\":\"" + place[1]
                + "\",\"category\":\"ILLEGAL_PARKING_MOTOR\",\"channel\":\"PHONE\"}";
    }

    void stop() {
        stopped = true;
    }

    long ackedValid() {
        return ackedValid.get();
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
