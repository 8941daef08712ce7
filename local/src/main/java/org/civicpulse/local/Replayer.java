package org.civicpulse.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.DeadLetter;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.EventValidator;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.civicpulse.contract.Validation;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.DeadLetterRow;

/**
 * Publishes a JSONL file to the running stack: each line to the topic of its {@code source},
 * keyed by {@code caseId} (or {@code id}), at N× the recorded pace or as fast as possible. A line
 * that cannot be routed to a topic goes straight to dead-letter (topic and table) with its line
 * number and the validator's reason.
 */
public final class Replayer {
    /** How long the replay waits for the broker to answer before saying the stack is not running. */
    static final Duration BROKER_CHECK = Duration.ofSeconds(10);
    /** Result of one replay. */
    public record Summary(long lines, long published, long deadLettered, long blank, double seconds) {
        public double eventsPerSecond() {
            return seconds <= 0 ? published : published / seconds;
        }
    }

    private final Settings settings;
    private final PrintStream progress;
    private final EventValidator validator;
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();

    public Replayer(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
        this.validator = new EventValidator(Catalogue.load(), Clock.systemUTC(),
                settings.getDuration(Setting.MAX_FUTURE));
    }

    /**
     * Replays {@code file}; {@code speed} is the pace multiplier, or 0 for as fast as possible.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws IllegalStateException when no broker answers (the stack is not running)
     */
    public Summary replay(Path file, double speed) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        // A running broker on a busy machine can take seconds to answer: 2 s said "not running"
        // to a replay while the stack restarted its Flink job under load.
        if (!LocalKafka.answers(settings.get(Setting.KAFKA_BOOTSTRAP), BROKER_CHECK)) {
            throw new IllegalStateException("No Kafka broker answers at " + settings.get(Setting.KAFKA_BOOTSTRAP)
                    + ": the stack is not running. Start it with ./civicpulse up");
        }
        long total = countLines(file);
        String fileName = file.getFileName().toString();
        List<DeadLetter> deadLetters = new ArrayList<>();
        long lineNo = 0;
        long published = 0;
        long blank = 0;
        long started = System.nanoTime();
        Progress meter = new Progress(progress, total);
        Pacer pacer = new Pacer(speed);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps());
             BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Future<RecordMetadata>> inFlight = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    blank++;
                    continue;
                }
                JsonNode node = readObject(line);
                Source source = node == null ? null : sourceOf(node);
                if (source == null) {
                    deadLetters.add(unroutable(fileName, lineNo, line));
                    continue;
                }
                pacer.await(occurredAt(node));
                inFlight.add(producer.send(new ProducerRecord<>(topicOf(source), key(node),
                        line.getBytes(StandardCharsets.UTF_8))));
                published++;
                if (inFlight.size() >= 10_000) {
                    awaitAll(inFlight);
                }
                meter.update(lineNo);
            }
            for (DeadLetter d : deadLetters) {
                inFlight.add(producer.send(new ProducerRecord<>(settings.get(Setting.TOPIC_DEADLETTER),
                        d.id().getBytes(StandardCharsets.UTF_8), codec.encodeDeadLetter(d))));
            }
            awaitAll(inFlight);
        }
        storeDeadLetters(deadLetters);
        double seconds = (System.nanoTime() - started) / 1e9;
        meter.done(lineNo);
        return new Summary(lineNo, published, deadLetters.size(), blank, seconds);
    }

    private DeadLetter unroutable(String fileName, long lineNo, String line) {
        Validation v = validator.validate(line);
        if (!(v instanceof Validation.Rejected rejected)) {
            throw new IllegalStateException("Line " + lineNo + " is valid but has no routable source");
        }
        return DeadLetter.fromReplay(fileName, lineNo, Instant.now(), rejected.rejection(), line);
    }

    private void storeDeadLetters(List<DeadLetter> deadLetters) {
        if (deadLetters.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        Instant now = Instant.now();
        for (DeadLetter d : deadLetters) {
            rows.append(DeadLetterRow.json(d, now)).append('\n');
        }
        try (ClickHouseDb db = ClickHouseDb.writer(settings)) {
            db.insertJsonEachRow(DeadLetterRow.TABLE, rows.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private JsonNode readObject(String line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Source sourceOf(JsonNode node) {
        JsonNode s = node.get("source");
        if (s == null || !s.isTextual()) {
            return null;
        }
        try {
            return Source.valueOf(s.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant occurredAt(JsonNode node) {
        JsonNode t = node.get("occurredAt");
        if (t == null || !t.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t.asText()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] key(JsonNode node) {
        for (String field : List.of("caseId", "id")) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String topicOf(Source source) {
        return switch (source) {
            case HOTLINE -> settings.get(Setting.TOPIC_HOTLINE);
            case GRID -> settings.get(Setting.TOPIC_GRID);
            case INSPECTION -> settings.get(Setting.TOPIC_INSPECTION);
        };
    }

    private Properties producerProps() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.get(Setting.KAFKA_BOOTSTRAP));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private static void awaitAll(List<Future<RecordMetadata>> inFlight) throws InterruptedException {
        for (Future<RecordMetadata> f : inFlight) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("Kafka refused a record: " + e.getCause().getMessage(), e);
            }
        }
        inFlight.clear();
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** Keeps the recorded pace: waits until the event's offset from the first, divided by speed, has passed. */
    static final class Pacer {
        private final double speed;
        private Instant firstEvent;
        private long startNanos;

        Pacer(double speed) {
            this.speed = speed;
        }

        void await(Instant eventTime) throws InterruptedException {
            if (speed <= 0 || eventTime == null) {
                return;
            }
            if (firstEvent == null) {
                firstEvent = eventTime;
                startNanos = System.nanoTime();
                return;
            }
            long dueNanos = startNanos + (long) ((eventTime.toEpochMilli() - firstEvent.toEpochMilli()) * 1e6 / speed);
            long waitNanos = dueNanos - System.nanoTime();
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000)); // pacing, not synchronisation
            }
        }
    }

    /** Prints lines done, percent and events/s about once a second. */
    static final class Progress {
        private final PrintStream out;
        private final long total;
        private final long started = System.nanoTime();
        private long lastPrint = System.nanoTime();

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - lastPrint >= 1_000_000_000L) {
                lastPrint = now;
                print(done, now);
            }
        }

        void done(long done) {
            print(done, System.nanoTime());
        }

        private void print(long done, long now) {
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            out.printf("replay: %d/%d lines (%.1f%%), %.0f events/s%n", done, total,
                    total == 0 ? 100.0 : 100.0 * done / total, done / seconds);
        }
    }
}
