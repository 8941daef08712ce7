package org.civicpulse.jobs.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.Alert;
import org.civicpulse.contract.AlertCommand;
import org.civicpulse.contract.Catalogue;
import org.civicpulse.contract.EventCodec;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.contract.Source;
import org.civicpulse.jobs.IngestJob;
import org.civicpulse.jobs.IngestWorkflow;
import org.civicpulse.jobs.JobDiagnostics;
import org.civicpulse.jobs.JobSinks;
import org.civicpulse.jobs.TestKafkaAccess;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.simulator.Emission;
import org.civicpulse.simulator.EmissionStream;
import org.civicpulse.simulator.FaultRates;
import org.civicpulse.simulator.Scenario;
import org.civicpulse.simulator.Simulator;
import org.civicpulse.simulator.SimulatorConfig;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.SqlLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alert loop on the real broker and ClickHouse at parallelism 2: a drill's injected hotspot
 * in two days of simulated history raises exactly one alert of the right street, category and
 * kind; an operator's ack (sent twice) is applied once; the webhook gets the alert despite failing
 * at first; after calm the alert closes, and the table holds its whole history.
 */
@ExtendWith(LocalServicesExtension.class)
class HotspotITCase {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String DISTRICT = "110101";
    private static final String STREET = "东直门街道";
    private static final String CATEGORY = "ILLEGAL_PARKING_MOTOR";
    /** Monday 2026-11-16 00:00 in Beijing: two days of history, the drill on Wednesday 10:00. */
    private static final Instant T0 = Instant.parse("2026-11-15T16:00:00Z");
    private static final Instant DRILL = T0.plus(Duration.ofHours(2 * 24 + 10));
    private static final Instant AFTER_DRILL = DRILL.plus(Duration.ofHours(1));
    private static final Instant CALM = DRILL.plus(Duration.ofHours(5));

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private final ObjectMapper json = new EventCodec().mapper();
    private HttpServer webhook;
    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger webhookCalls = new AtomicInteger();

    @BeforeEach
    void startWebhook() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            // The first two calls fail: only the retries get through.
            boolean fail = webhookCalls.incrementAndGet() <= 2;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!fail) {
                posted.add(body);
            }
            exchange.sendResponseHeaders(fail ? 500 : 200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stopWebhook() {
        webhook.stop(0);
    }

    @Test
    void shouldRaiseOneAlertForTheDrillApplyAnAckOnceAndCloseAfterCalm(LocalServices services) throws Exception {
        // Two and a half days arrive at once from six partitions, in no particular order between
        // them: the detector must judge them as if in order (HotspotWatchTest covers the order
        // itself). Ten minutes of out-of-orderness cover the simulator's reporting delays.
        Settings s = services.isolated("hotspot")
                .with(Setting.WATERMARK_OUT_OF_ORDERNESS, "PT10M")
                .with(Setting.WATERMARK_IDLENESS, "PT10M")
                .with(Setting.HOTSPOT_WARMUP, "P1D")
                .with(Setting.HOTSPOT_WEBHOOK_URL, "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts");
        List<Emission> lines = drill();
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        // Alerts, commands and the hotspot state must never go through Kryo.
        conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(2000);
        IngestWorkflow.define(IngestJob.input(env, s), IngestJob.alertCommands(env, s), s, new JobSinks(s));
        JobClient job = env.executeAsync("hotspot-it");
        try (KafkaProducer<byte[], byte[]> producer = TestKafkaAccess.producer(s);
             KafkaConsumer<byte[], byte[]> live = TestKafkaAccess.consumer(s, s.get(Setting.TOPIC_ALERTS_LIVE))) {
            List<Alert> seen = new ArrayList<>();
            send(producer, s, lines, AFTER_DRILL);
            Alert opened = awaitAlert(live, seen, a -> a.kind() == Alert.Kind.NEW, job);
            assertThat(opened.street()).isEqualTo(STREET);
            assertThat(opened.category()).isEqualTo(CATEGORY);
            assertThat(opened.district()).isEqualTo(DISTRICT);
            assertThat(opened.openedAt()).isBetween(DRILL, DRILL.plus(Duration.ofMinutes(15)));

            AlertCommand ack = new AlertCommand("ack-1", opened.id(), AlertCommand.Action.ACK, "王五", "已通知交警", null,
                    Instant.now());
            command(producer, s, ack);
            command(producer, s, ack);
            command(producer, s, new AlertCommand("assign-1", opened.id(), AlertCommand.Action.ASSIGN, "王五", null,
                    "东城交通支队", Instant.now()));
            Alert assigned = awaitAlert(live, seen, a -> "东城交通支队".equals(a.assignedTo()), job);
            Alert acked = seen.stream().filter(a -> a.status() == Alert.Status.ACKED).findFirst().orElseThrow();
            assertThat(acked.ackedBy()).isEqualTo("王五");
            assertThat(assigned.version()).as("the repeated ack made no version").isEqualTo(acked.version() + 1);

            send(producer, s, lines.stream().filter(e -> !e.sendAt().isBefore(AFTER_DRILL)).toList(), CALM);
            Alert closed = awaitAlert(live, seen, a -> a.status() == Alert.Status.CLOSED, job);
            assertThat(closed.id()).isEqualTo(opened.id());
            assertThat(closed.ackedBy()).isEqualTo("王五");
            assertThat(seen).extracting(Alert::id).containsOnly(opened.id());

            await().atMost(WAIT).until(() -> posted.stream().anyMatch(b -> b.contains(opened.id())
                    && b.contains("\"reason\":\"NEW\"")));
            assertThat(webhookCalls.get()).isGreaterThan(2);
            String id = SqlLiteral.string(opened.id());
            try (ClickHouseDb db = ClickHouseDb.writer(s)) {
                await().atMost(WAIT).until(() -> db.queryLong("SELECT count() AS n FROM alerts FINAL WHERE id = " + id
                        + " AND status = 'CLOSED'"), n -> n == 1);
                assertThat(db.queryLong("SELECT uniqExact(version) AS n FROM alerts FINAL WHERE id = " + id)).isEqualTo(closed.version());
                assertThat(db.queryLong("SELECT count() AS n FROM alerts FINAL WHERE id != " + id))
                        .isZero();
            }
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Two and a half days of the simulator's new problems of one district × category, with a
     * drill of 20 extra illegal-parking calls on one street in 30 minutes.
     */
    private static List<Emission> drill() {
        Scenario scenario = new Scenario("it", List.of(new Scenario.Hotspot("parking", DISTRICT, STREET, null,
                CATEGORY, Source.HOTLINE, DRILL, 30, null, 20)), List.of());
        SimulatorConfig config = SimulatorConfig.defaults().withSeed(7).withFaults(FaultRates.none())
                .withScenario(scenario);
        List<Emission> out = new ArrayList<>();
        try (EmissionStream stream = new Simulator(Catalogue.load(), config).emissions(T0, CALM)) {
            while (stream.hasNext()) {
                Emission e = stream.next();
                if (e.line().contains("\"" + CATEGORY + "\"") && e.line().contains("\"district\":\"" + DISTRICT + "\"")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Sends the lines sent before {@code until}, then a passed spot check at {@code until} on every partition. */
    private static void send(KafkaProducer<byte[], byte[]> producer, Settings s, List<Emission> lines, Instant until)
            throws Exception {
        for (Emission e : lines) {
            if (e.sendAt().isBefore(until)) {
                String topic = s.get(switch (e.topicSource()) {
                    case "GRID" -> Setting.TOPIC_GRID;
                    case "INSPECTION" -> Setting.TOPIC_INSPECTION;
                    default -> Setting.TOPIC_HOTLINE;
                });
                producer.send(new ProducerRecord<>(topic, bytes(e.key()), bytes(e.line())));
            }
        }
        // Event time reaches `until` on every partition of every input topic.
        for (Setting t : List.of(Setting.TOPIC_HOTLINE, Setting.TOPIC_GRID, Setting.TOPIC_INSPECTION)) {
            for (int p = 0; p < 2; p++) {
                String id = "push-" + until.toEpochMilli() + "-" + t.key() + "-" + p;
                String line = "{\"id\":\"" + id + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\",\"occurredAt\":\""
                        + until.atOffset(java.time.ZoneOffset.ofHours(8)) + "\",\"district\":\"110105\","
                        + "\"category\":\"ENV_SANITATION\",\"passed\":true}";
                producer.send(new ProducerRecord<>(s.get(t), p, bytes(id), bytes(line)));
            }
        }
        producer.flush();
    }

    private void command(KafkaProducer<byte[], byte[]> producer, Settings s, AlertCommand c) throws Exception {
        producer.send(new ProducerRecord<>(s.get(Setting.TOPIC_ALERT_COMMANDS), bytes(c.alertId()),
                json.writeValueAsBytes(c))).get();
    }

    /** Reads the live topic into {@code seen} until an alert matches. */
    private Alert awaitAlert(KafkaConsumer<byte[], byte[]> live, List<Alert> seen, Predicate<Alert> wanted,
                             JobClient job) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Alert a : seen) {
                if (wanted.test(a)) {
                    return a;
                }
            }
            for (ConsumerRecord<byte[], byte[]> r : live.poll(Duration.ofMillis(500))) {
                seen.add(json.readValue(r.value(), Alert.class));
            }
        }
        throw new AssertionError("no such alert on the live topic; seen: " + seen
                + JobDiagnostics.describe(FLINK.getClientConfiguration(), job.getJobID()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
