package org.civicpulse.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;

/**
 * Latency from Kafka ingest to the live topic on a running stack with no other input: sends
 * HOTLINE {@code CREATED} events stamped "now" at a fixed rate, and reads the live topic's
 * {@code city} record; event k is live once a record shows at least k hotline cases in the last 24 h
 * (not today's count: that restarts at Beijing midnight, and a run across it never saw its last events). The
 * latency of event k is the broker's append time of the first such live record minus the broker's
 * append time of event k (the broker stamps both: {@code LogAppendTime}). Prints a Markdown row.
 *
 * <p>Usage: {@code LiveLatencyBenchmark EVENTS_PER_SECOND SECONDS}
 */
public final class LiveLatencyBenchmark {
    private static final int WARM_UP_SECONDS = 10;
    /**
     * The window counted: the last 24 h only grows during a run on a stack younger than a day,
     * while today's count restarts at midnight in Beijing (16:00 UTC).
     */
    static final String WINDOW = "last24h";
    private LiveLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        boolean screen = args.length > 2 && args[2].equals("screen");
        Settings s = Settings.fromEnvironment();
        List<long[]> live = new CopyOnWriteArrayList<>(); // {append or arrival time, hotline cases in WINDOW}
        // Event time starts when every partition has delivered something (an empty partition only
        // stops holding it back after the idleness timeout), so warm every partition up first.
        warmUp(s);
        ScreenClient client = screen ? ScreenClient.open(s, live) : null;
        Thread reader = new Thread(() -> readLive(s, live, seconds + 30), "live-reader");
        if (!screen) {
            reader.start();
        }
        // The count before this run: the city's latest value once the reader is following the topic.
        long baseline = screen ? client.settledCount() : baseline(s);
        long[] ingest = send(s, rate, seconds);
        if (screen) {
            client.awaitCount(baseline + ingest.length, Duration.ofSeconds(30));
            client.close();
        } else {
            reader.join();
        }
        List<Long> latencies = new ArrayList<>();
        int r = 0;
        for (int k = 0; k < ingest.length; k++) {
            while (r < live.size() && live.get(r)[1] < baseline + k + 1) {
                r++;
            }
            if (r == live.size()) {
                break;
            }
            latencies.add(live.get(r)[0] - ingest[k]);
        }
        System.err.println(worstSeconds(ingest, latencies, 8));
        // The job's first seconds at full rate include JIT compilation of the whole path: also
        // report the steady state, without the first WARM_UP_SECONDS of events.
        List<Long> steady = new ArrayList<>();
        for (int k = 0; k < latencies.size(); k++) {
            if (ingest[k] - ingest[0] >= WARM_UP_SECONDS * 1000L) {
                steady.add(latencies.get(k));
            }
        }
        Collections.sort(steady);
        System.err.printf("after the first %d s: %,d events, p50 %d ms, p99 %d ms%n", WARM_UP_SECONDS, steady.size(),
                percentile(steady, 0.50), percentile(steady, 0.99));
        Collections.sort(latencies);
        System.out.printf("| ingest → %s at %,d events/s for %d s | %,d of %,d events seen live | p50 %d ms "
                + "| p99 %d ms |%n", screen ? "a WebSocket screen (/ws/live)" : "live topic", rate, seconds,
                latencies.size(), ingest.length, percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** One spot check on every partition of every input topic, stamped now. */
    private static void warmUp(Settings s) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (String topic : List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID),
                    s.get(Setting.TOPIC_INSPECTION))) {
                for (int partition = 0; partition < s.getInt(Setting.KAFKA_PARTITIONS); partition++) {
                    String id = "warm-" + topic + "-" + partition + "-" + System.nanoTime();
                    String json = "{\"id\":\"" + id + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\","
                            + "\"occurredAt\":\"" + Instant.now().atOffset(ZoneOffset.ofHours(8))
                            + "\",\"district\":\"110101\",\"category\":\"NOISE\",\"passed\":true}";
                    producer.send(new ProducerRecord<>(topic, partition, null, json.getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
            }
        }
    }

    /** The hotline count of the city right now, read from the live topic's latest city record. */
    private static long baseline(Settings s) {
        ObjectMapper json = new ObjectMapper();
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> c = liveConsumer(s, "earliest")) {
            int empty = 0;
            while (empty < 5) {
                var records = c.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if ("city".equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        count = json.readTree(r.value()).path(WINDOW).path("created_hotline").asLong();
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return count;
    }

    /** A consumer of the live topic in a group of its own, from {@code reset} ("earliest" or "latest"). */
    private static KafkaConsumer<byte[], byte[]> liveConsumer(Settings s, String reset) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "latency-" + reset + "-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(s.get(Setting.TOPIC_METRICS_LIVE)));
        return c;
    }

    /**
     * The {@code n} seconds of the run whose slowest event was slowest, in time order ("t+12s
     * 980 ms"): spikes 10 s apart point at the checkpoints, irregular ones at GC or the machine.
     */
    static String worstSeconds(long[] ingest, List<Long> latencies, int n) {
        TreeMap<Long, Long> maxBySecond = new TreeMap<>();
        for (int k = 0; k < latencies.size(); k++) {
            maxBySecond.merge((ingest[k] - ingest[0]) / 1000, latencies.get(k), Math::max);
        }
        List<Map.Entry<Long, Long>> worst = new ArrayList<>(maxBySecond.entrySet());
        worst.sort(Map.Entry.<Long, Long>comparingByValue().reversed());
        StringBuilder out = new StringBuilder("slowest seconds (since the first event, slowest event's latency):");
        worst.subList(0, Math.min(n, worst.size())).stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(" t+").append(e.getKey()).append("s ").append(e.getValue()).append(" ms;"));
        return out.toString();
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** Sends at a fixed rate in 10 ms ticks; returns each event's broker append time, in sending order. */
    private static long[] send(Settings s, int rate, int seconds) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1); // keeps sending order = append order
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        int total = rate * seconds;
        long[] appended = new long[total];
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing, not synchronisation
                }
                int k = i;
                String id = "lat-" + run + "-" + i;
                String json = "{\"id\":\"" + id + "\",\"source\":\"HOTLINE\",\"type\":\"CREATED\",\"caseId\":\"" + id
                        + "\",\"occurredAt\":\"" + Instant.now().atOffset(ZoneOffset.ofHours(8))
                        + "\",\"district\":\"110101\",\"category\":\"NOISE\"}";
                producer.send(new ProducerRecord<>(s.get(Setting.TOPIC_HOTLINE), 0, null,
                        json.getBytes(StandardCharsets.UTF_8)), (md, e) -> appended[k] = md == null ? 0 : md.timestamp());
            }
        }
        return appended;
    }

    private static void readLive(Settings s, List<long[]> live, int seconds) {
        ObjectMapper json = new ObjectMapper();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (KafkaConsumer<byte[], byte[]> c = liveConsumer(s, "latest")) {
            while (System.nanoTime() < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (!"city".equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    JsonNode m = json.readTree(r.value());
                    live.add(new long[] {r.timestamp(), m.path(WINDOW).path("created_hotline").asLong()});
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
