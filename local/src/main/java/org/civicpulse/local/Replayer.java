package org.civicpulse.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        long total = ReplayLines.count(file);
        ReplayRouting routing = new ReplayRouting(validator, file.getFileName().toString(), Clock.systemUTC());
        List<DeadLetter> deadLetters = new ArrayList<>();
        long lineNo = 0;
        long published = 0;
        long blank = 0;
        long started = System.nanoTime();
        Progress meter = new Progress(progress, total);
        Pacer pacer = new Pacer(speed);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps());
             ReplayLines lines = ReplayLines.of(file)) {
            List<Future<RecordMetadata>> inFlight = new ArrayList<>();
            byte[] line;
            while ((line = lines.next()) != null) {
                lineNo++;
                if (ReplayLines.isBlank(line)) {
                    blank++;
                    continue;
                }
                ReplayRouting.Route route = routing.route(lineNo, line);
                if (route instanceof ReplayRouting.ToDeadLetter d) {
                    deadLetters.add(d.deadLetter());
                    continue;
                }
                ReplayRouting.ToTopic to = (ReplayRouting.ToTopic) route;
                pacer.await(to.occurredAt());
                inFlight.add(producer.send(new ProducerRecord<>(topicOf(to.source()), to.key(), to.line())));
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
