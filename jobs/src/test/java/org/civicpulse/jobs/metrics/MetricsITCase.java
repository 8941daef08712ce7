package org.civicpulse.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.jobs.IngestJob;
import org.civicpulse.jobs.IngestWorkflow;
import org.civicpulse.jobs.JobSinks;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every count, backlog figure and rate of SPEC §4 for the city and each district, at two
 * watermarks, on the real broker and ClickHouse at parallelism 2, against {@link ExpectedMetrics}
 * (a plain loop over the generated input that shares no code with the product).
 */
@ExtendWith(LocalServicesExtension.class)
class MetricsITCase {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final long HOUR = 3_600_000L;
    private static final long A = Instant.parse("2026-11-19T16:30:00Z").toEpochMilli(); // 00:30 on the 20th, Beijing
    private static final long B = A + 30 * HOUR;
    private static final String[] DISTRICTS = {"110101", "110105", "110108"};
    private static final String[] CATEGORIES = {"NOISE", "UTILITY_OUTAGE", "HEATING", "ENV_SANITATION"};
    private static final List<String> WINDOWS = List.of("gauges", "last60m", "last24h", "last7d", "today", "month");
    /** The handling units: a case's RESPONDED events name the one its number picks. */
    private static final String[] UNITS = {"城管执法队", "街道办事处", "水务所"};

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldMatchAnIndependentComputationAtSeveralWatermarks(LocalServices services) throws Exception {
        Settings s = services.isolated("metrics")
                .with(Setting.WATERMARK_OUT_OF_ORDERNESS, "PT0S")
                .with(Setting.WATERMARK_IDLENESS, "PT10M")
                .with(Setting.CASE_GRACE, "P30D");
        List<ExpectedMetrics.In> all = generate(new Random(20261120));
        List<ExpectedMetrics.In> first = all.stream().filter(e -> e.at() <= A).toList();
        List<ExpectedMetrics.In> second = all.stream().filter(e -> e.at() > A && e.at() <= B).toList();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(2000);
        IngestWorkflow.define(IngestJob.input(env, s), s, new JobSinks(s));
        JobClient job = env.executeAsync("metrics-it");
        try (KafkaProducer<byte[], byte[]> producer = org.civicpulse.jobs.TestKafkaAccess.producer(s);
             KafkaConsumer<byte[], byte[]> live = liveConsumer(s)) {
            List<ExpectedMetrics.In> seen = new ArrayList<>();
            Map<String, JsonNode> latest = Map.of();
            int phase = 0;
            for (List<ExpectedMetrics.In> batch : List.of(first, second)) {
                long watermark = phase == 0 ? A : B;
                send(producer, s, batch);
                seen.addAll(batch);
                seen.addAll(pushers(producer, s, watermark, phase++));
                latest = awaitLive(live, watermark);
                for (String district : new String[] {null, "110101", "110105", "110108"}) {
                    JsonNode m = latest.get(district == null ? "city" : "district:" + district);
                    for (String window : WINDOWS) {
                        Map<String, Long> expected = ExpectedMetrics.compute(seen, district, watermark, window);
                        assertThat(actual(m, window, expected.keySet()))
                                .as("%s %s at %s", district == null ? "city" : district, window,
                                        Instant.ofEpochMilli(watermark))
                                .isEqualTo(monthView(expected, window));
                    }
                }
                assertUnitBacklogsMatch(latest, seen, watermark);
            }
            assertStoredPanesMatch(s, seen);
            assertLiveValuesMatch(s, latest);
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Each district's handling units keep the backlog of the cases they took (a case takes its
     * unit with its first RESPONDED event): the same gauges as the plain computation over only
     * those cases.
     */
    private void assertUnitBacklogsMatch(Map<String, JsonNode> latest, List<ExpectedMetrics.In> seen,
                                         long watermark) {
        long withUnit = 0;
        for (String district : DISTRICTS) {
            for (String unit : UNITS) {
                java.util.Set<String> taken = new java.util.HashSet<>();
                seen.stream().filter(e -> e.type().equals("RESPONDED") && unit.equals(unitOf(e.caseId())))
                        .forEach(e -> taken.add(e.caseId()));
                List<ExpectedMetrics.In> theirs = seen.stream().filter(e -> taken.contains(e.caseId())).toList();
                Map<String, Long> expected = ExpectedMetrics.compute(theirs, district, watermark, "gauges");
                JsonNode m = latest.get("district-unit:" + district + ":" + unit);
                Map<String, Long> actual = m == null ? Map.of() : actual(m, "gauges", expected.keySet());
                assertThat(actual).as("unit %s of %s at %s", unit, district, Instant.ofEpochMilli(watermark))
                        .isEqualTo(expected);
                withUnit += expected.getOrDefault("open", 0L);
            }
        }
        assertThat(withUnit).as("open cases with a unit").isPositive();
    }

    private static String unitOf(String caseId) {
        return UNITS[Math.floorMod(caseId.hashCode(), UNITS.length)];
    }

    /** The metric tables, read through FINAL, hold the same day totals. */
    private void assertStoredPanesMatch(Settings s, List<ExpectedMetrics.In> seen) {
        long created = seen.stream().filter(e -> e.type().equals("CREATED")).count();
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            await().atMost(WAIT).until(() -> db.queryLong("SELECT sum(created_hotline + created_grid) AS n "
                    + "FROM metric_days FINAL WHERE scope = 'city'"), n -> n == created);
            await().atMost(WAIT).until(() -> db.queryLong("SELECT sum(created_hotline + created_grid) AS n "
                    + "FROM metric_minutes FINAL WHERE scope = 'city'"), n -> n == created);
            long cases = seen.stream().filter(e -> e.type().equals("CREATED")
                    || e.type().equals("CHECKED") && e.caseId() != null).count();
            await().atMost(WAIT).until(() -> db.queryLong("SELECT count() AS n FROM cases FINAL"), n -> n == cases);
        }
    }

    /** {@code live_values} holds, per scope, the very record last published on the live topic. */
    private void assertLiveValuesMatch(Settings s, Map<String, JsonNode> published) {
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            for (String scope : List.of("city", "district:110101", "district:110105", "district:110108")) {
                await().atMost(WAIT).until(() -> db.query("SELECT argMax(value, version) AS v FROM live_values"
                        + " WHERE key = '" + scope + "'").stream()
                        .map(row -> readTree(row.get("v").asText())).findFirst().orElse(null),
                        stored -> published.get(scope).equals(stored));
            }
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> monthView(Map<String, Long> expected, String window) {
        if (!window.equals("month")) {
            return expected;
        }
        Map<String, Long> m = new TreeMap<>();
        // All test data lies in one month: each case's latest rating in the month is its latest.
        expected.forEach((k, v) -> m.put(k.startsWith("ratings") ? "month_" + k : k, v));
        return m;
    }

    private Map<String, Long> actual(JsonNode metric, String window, java.util.Set<String> names) {
        Map<String, Long> result = new TreeMap<>();
        JsonNode w = metric.get(window);
        Iterator<Map.Entry<String, JsonNode>> fields = w.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            boolean monthRating = window.equals("month") && f.getKey().startsWith("ratings");
            if (f.getValue().asLong() != 0 && !monthRating) {
                result.put(f.getKey(), f.getValue().asLong());
            }
        }
        return result;
    }

    private Map<String, JsonNode> awaitLive(KafkaConsumer<byte[], byte[]> live, long watermark) throws Exception {
        // The job writes asOf on the city's clock with seconds and milliseconds (CityTime).
        String asOf = OffsetDateTime.ofInstant(Instant.ofEpochMilli(watermark), ZoneOffset.ofHours(8))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        Map<String, JsonNode> latest = new HashMap<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : live.poll(Duration.ofMillis(500))) {
                JsonNode m = json.readTree(new String(r.value(), StandardCharsets.UTF_8));
                latest.put(m.get("scope").asText(), m);
            }
            List<String> scopes = List.of("city", "district:110101", "district:110105", "district:110108");
            if (scopes.stream().allMatch(k -> latest.containsKey(k) && asOf.equals(latest.get(k).path("asOf").asText()))) {
                // One more second: a scope may still publish its last change for this watermark.
                long settle = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < settle) {
                    for (ConsumerRecord<byte[], byte[]> r : live.poll(Duration.ofMillis(200))) {
                        JsonNode m = json.readTree(new String(r.value(), StandardCharsets.UTF_8));
                        latest.put(m.get("scope").asText(), m);
                    }
                }
                return latest;
            }
        }
        throw new AssertionError("no live metrics as of " + asOf + "; latest: " + latest.keySet());
    }

    private static KafkaConsumer<byte[], byte[]> liveConsumer(Settings s) {
        return org.civicpulse.jobs.TestKafkaAccess.consumer(s, s.get(Setting.TOPIC_METRICS_LIVE));
    }

    /** Passed spot checks at {@code watermark + 1 ms} on every partition: event time reaches the watermark. */
    private List<ExpectedMetrics.In> pushers(KafkaProducer<byte[], byte[]> producer, Settings s, long watermark,
                                             int phase) throws Exception {
        List<ExpectedMetrics.In> sent = new ArrayList<>();
        for (String topic : List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID),
                s.get(Setting.TOPIC_INSPECTION))) {
            for (int partition = 0; partition < 2; partition++) {
                ExpectedMetrics.In e = new ExpectedMetrics.In("push-" + phase + "-" + topic + "-" + partition,
                        "INSPECTION", "CHECKED", null, watermark + 1, "110101", "ENV_SANITATION", null, null, null,
                        true);
                producer.send(new ProducerRecord<>(topic, partition, null, line(e).getBytes(StandardCharsets.UTF_8)))
                        .get();
                sent.add(e);
            }
        }
        return sent;
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Settings s, List<ExpectedMetrics.In> events)
            throws Exception {
        for (ExpectedMetrics.In e : events) {
            String topic = switch (e.source()) {
                case "HOTLINE" -> s.get(Setting.TOPIC_HOTLINE);
                case "GRID" -> s.get(Setting.TOPIC_GRID);
                default -> s.get(Setting.TOPIC_INSPECTION);
            };
            String key = e.caseId() != null ? e.caseId() : e.id();
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    line(e).getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private static String line(ExpectedMetrics.In e) {
        StringBuilder sb = new StringBuilder("{\"id\":\"").append(e.id()).append("\",\"source\":\"").append(e.source())
                .append("\",\"type\":\"").append(e.type()).append("\",\"occurredAt\":\"")
                .append(OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.at()), ZoneOffset.ofHours(8))).append('"');
        if (e.caseId() != null) {
            sb.append(",\"caseId\":\"").append(e.caseId()).append('"');
        }
        if (e.type().equals("CREATED") || e.type().equals("CHECKED")) {
            sb.append(",\"district\":\"").append(e.district()).append("\",\"category\":\"").append(e.category())
                    .append('"');
        }
        if (e.type().equals("RESPONDED")) {
            sb.append(",\"unit\":\"").append(unitOf(e.caseId())).append('"');
        }
        if (e.urgent() != null) {
            sb.append(",\"urgent\":").append(e.urgent());
        }
        if (e.resolved() != null) {
            sb.append(",\"resolved\":").append(e.resolved()).append(",\"satisfaction\":\"").append(e.satisfaction())
                    .append('"');
        }
        if (e.passed() != null) {
            sb.append(",\"passed\":").append(e.passed());
        }
        return sb.append('}').toString();
    }

    /** Cases and spot checks over two days before B, in event-time order with small disorder. */
    private static List<ExpectedMetrics.In> generate(Random r) {
        List<ExpectedMetrics.In> out = new ArrayList<>();
        long start = A - 40 * HOUR;
        for (int i = 0; i < 240; i++) {
            String source = i % 3 == 0 ? "GRID" : "HOTLINE";
            String caseId = "m-" + i;
            String district = DISTRICTS[r.nextInt(DISTRICTS.length)];
            String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
            long created = start + (long) (r.nextDouble() * (B - start - HOUR));
            // One in ten flagged urgent, one in ten flagged not urgent (the flag wins over the
            // category's default: an outage said not urgent gets a normal case's limits).
            int flag = r.nextInt(10);
            Boolean urgent = flag == 0 ? Boolean.TRUE : flag == 1 ? Boolean.FALSE : null;
            out.add(new ExpectedMetrics.In(caseId + "-c", source, "CREATED", caseId, created, district, category,
                    urgent, null, null, null));
            long t = created;
            if (r.nextInt(10) < 8) {
                t += (long) (r.nextDouble() * 30 * HOUR);
                out.add(step(caseId, source, "RESPONDED", t));
            }
            if (r.nextInt(10) < 7) {
                t += (long) (r.nextDouble() * 20 * HOUR);
                out.add(step(caseId, source, "RESOLVED", t));
                if (r.nextInt(10) == 0) {
                    t += HOUR;
                    out.add(step(caseId, source, "REOPENED", t));
                    if (r.nextBoolean()) {
                        t += 2 * HOUR;
                        out.add(step(caseId, source, "RESOLVED", t + 1));
                    }
                }
                if (source.equals("HOTLINE") && r.nextInt(10) < 8) {
                    int ratings = r.nextInt(5) == 0 ? 2 : 1;
                    for (int k = 0; k < ratings; k++) {
                        t += (long) (r.nextDouble() * 5 * HOUR) + 1;
                        String sat = new String[] {"SATISFIED", "BASIC", "DISSATISFIED"}[r.nextInt(3)];
                        out.add(new ExpectedMetrics.In(caseId + "-r" + k, source, "RATED", caseId, t, null, null,
                                null, r.nextInt(10) < 8, sat, null));
                    }
                    if (r.nextInt(5) == 0) {
                        // Rated, then reopened and resolved again: awaiting a new rating.
                        t += HOUR;
                        out.add(step(caseId, source, "REOPENED", t));
                        t += 2 * HOUR;
                        out.add(step(caseId, source, "RESOLVED", t + 2));
                    }
                }
                if (r.nextBoolean()) {
                    t += (long) (r.nextDouble() * 3 * HOUR) + 1;
                    out.add(step(caseId, source, "CLOSED", t));
                }
            } else if (r.nextInt(10) == 0) {
                out.add(step(caseId, source, "CLOSED", t + HOUR));
            }
        }
        for (int i = 0; i < 60; i++) {
            long at = start + (long) (r.nextDouble() * (B - start - HOUR));
            boolean passed = r.nextInt(10) < 8;
            String caseId = !passed && r.nextBoolean() ? "i-" + i : null;
            out.add(new ExpectedMetrics.In("check-" + i, "INSPECTION", "CHECKED", caseId, at,
                    DISTRICTS[r.nextInt(DISTRICTS.length)], "ENV_SANITATION", null, null, null, passed));
            if (caseId != null && r.nextBoolean()) {
                out.add(step(caseId, "INSPECTION", "RESOLVED", at + 3 * HOUR));
            }
        }
        // Keep only what happened before B, in time order but with neighbours swapped now and then.
        List<ExpectedMetrics.In> result = new ArrayList<>(out.stream().filter(e -> e.at() <= B)
                .sorted(Comparator.comparingLong(ExpectedMetrics.In::at)).toList());
        for (int i = 1; i < result.size(); i++) {
            ExpectedMetrics.In a = result.get(i - 1);
            ExpectedMetrics.In b = result.get(i);
            boolean sameSide = a.at() <= A == b.at() <= A;
            if (sameSide && b.at() - a.at() < 30 * 60_000L && r.nextInt(4) == 0
                    && !(b.caseId() != null && b.caseId().equals(a.caseId()) && isOpening(a))) {
                result.set(i - 1, b);
                result.set(i, a);
            }
        }
        return result;
    }

    private static boolean isOpening(ExpectedMetrics.In e) {
        return e.type().equals("CREATED") || e.type().equals("CHECKED");
    }

    private static ExpectedMetrics.In step(String caseId, String source, String type, long at) {
        return new ExpectedMetrics.In(caseId + "-" + type + "-" + at, source, type, caseId, at, null, null, null,
                null, null, null);
    }
}
