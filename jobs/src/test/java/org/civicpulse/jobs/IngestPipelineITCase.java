package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.local.Replayer;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.EventQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole ingest path on the real broker and ClickHouse: the committed sample file is replayed
 * with {@code ./civicpulse replay}'s code, the job runs at parallelism 2, and the test checks
 * exact raw counts and exact dead-letter reasons. Every expected value is written by hand from
 * the sample file.
 */
@ExtendWith(LocalServicesExtension.class)
class IngestPipelineITCase {
    private static final Path SAMPLE = Path.of("../samples/foundation-day.jsonl");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void shouldCountEveryValidEventOnceAndDeadLetterEveryBadLineWithItsReason(LocalServices services)
            throws Exception {
        Settings s = services.isolated("pipeline");
        JobClient job = startJob(s);
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            EventQueries q = new EventQueries(db);

            // Phase 1: the day's file, plus one malformed record written straight to a topic.
            ByteArrayOutputStream progress = new ByteArrayOutputStream();
            Replayer.Summary summary = new Replayer(s, new PrintStream(progress, true)).replay(SAMPLE, 0);
            assertThat(summary.lines()).isEqualTo(29);
            assertThat(summary.published()).isEqualTo(24);
            assertThat(summary.deadLettered()).isEqualTo(4);
            assertThat(summary.blank()).isEqualTo(1);
            assertThat(progress.toString()).contains("29/29 lines (100.0%)");
            TestKafka.send(s, s.get(Setting.TOPIC_GRID), 0, "junk", "{{{ not json");

            await().atMost(WAIT).until(q::rawCount, n -> n == 13);
            await().atMost(WAIT).until(() -> total(q.deadLettersByReason()), n -> n == 14);
            assertThat(q.deadLettersByReason()).doesNotContainKey("ORPHAN_CASE_EVENT");

            // Phase 2: events a day later on every partition move event time past the orphan's lateness.
            for (String topic : List.of(s.get(Setting.TOPIC_HOTLINE), s.get(Setting.TOPIC_GRID),
                    s.get(Setting.TOPIC_INSPECTION))) {
                for (int partition = 0; partition < 2; partition++) {
                    TestKafka.send(s, topic, partition, null, pusher(topic, s, partition));
                }
            }
            await().atMost(WAIT).until(() -> q.deadLettersByReason().getOrDefault("ORPHAN_CASE_EVENT", 0L), n -> n == 1);

            // Phase 3: an event 30 hours behind event time is kept as late, not counted.
            TestKafka.send(s, s.get(Setting.TOPIC_HOTLINE), null, "c-late", """
                    {"id":"late-1","source":"HOTLINE","type":"CREATED","caseId":"c-late",\
                    "occurredAt":"2026-11-20T02:00:00+08:00","district":"110101","category":"NOISE"}""");
            await().atMost(WAIT).until(q::lateEventIds, ids -> ids.equals(List.of("late-1")));
            await().atMost(WAIT).until(q::rawCount, n -> n == 19);

            // Phase 4: an accepted event's id again under another case, on another partition: the
            // first copy wins (SPEC §2), though deduplication waits for the ruling keyed by case.
            TestKafka.send(s, s.get(Setting.TOPIC_HOTLINE), 1, "c-other", """
                    {"id":"push-HOTLINE-0","source":"HOTLINE","type":"CREATED","caseId":"c-other",\
                    "occurredAt":"2026-11-21T12:00:00+08:00","district":"110108","category":"NOISE"}""");
            await().atMost(WAIT).until(() -> q.deadLettersByReason().getOrDefault("CONFLICTING_DUPLICATE", 0L),
                    n -> n == 2);
            assertThat(q.rawCount()).isEqualTo(19);

            assertThat(q.countsBySourceDistrictCategory()).isEqualTo(Map.of(
                    "HOTLINE|110101|ILLEGAL_PARKING_MOTOR", 5L,
                    "HOTLINE|110102|ENV_SANITATION", 2L,
                    "GRID|110105|PILED_MATERIALS", 2L,
                    "GRID|110101|ENV_SANITATION", 1L,
                    "INSPECTION|110106|GARBAGE_SORTING", 3L,
                    "HOTLINE|110108|NOISE", 2L,
                    "GRID|110108|ENV_SANITATION", 2L,
                    "INSPECTION|110108|GARBAGE_SORTING", 2L));
            Map<String, Long> expectedReasons = new HashMap<>();
            expectedReasons.put("INVALID_JSON", 3L);
            expectedReasons.put("MISSING_FIELD:source", 1L);
            expectedReasons.put("UNKNOWN_SOURCE", 1L);
            expectedReasons.put("CONFLICTING_DUPLICATE", 2L);
            expectedReasons.put("ORPHAN_CASE_EVENT", 1L);
            expectedReasons.put("UNKNOWN_DISTRICT", 1L);
            expectedReasons.put("UNKNOWN_CATEGORY", 1L);
            expectedReasons.put("TYPE_NOT_FOR_SOURCE", 1L);
            expectedReasons.put("BAD_TIMESTAMP", 1L);
            expectedReasons.put("FUTURE_TIMESTAMP", 1L);
            expectedReasons.put("BAD_COORDINATES", 1L);
            expectedReasons.put("MISSING_FIELD:caseId", 1L);
            expectedReasons.put("UNKNOWN_TYPE", 1L);
            assertThat(q.deadLettersByReason()).isEqualTo(expectedReasons);

            assertReplayDeadLettersCarryTheirLineNumbers(q);
            // Freshness: the newest accepted HOTLINE event of 东城区 was h1-closed at 15:30.
            await().atMost(WAIT).until(() -> db.query("SELECT toString(last_event_at) AS t FROM freshness FINAL "
                    + "WHERE source = 'HOTLINE' AND district = '110101'"), rows -> rows.size() == 1
                    && rows.get(0).get("t").asText().equals("2026-11-20 15:30:00"));
            assertCaseEventsInheritTheirPlace(db);
            assertThat(q.distinctRawIds()).isEqualTo(19);

            // The dead-letter topic carries the same 16 inputs, keyed by where each came from.
            Map<String, String> topic = TestKafka.readAll(s, s.get(Setting.TOPIC_DEADLETTER), 16, WAIT);
            assertThat(topic).hasSize(16);
            assertThat(topic).containsKey("replay:foundation-day.jsonl:15");
            assertThat(topic.values()).anyMatch(v -> v.contains("\"reason\":\"ORPHAN_CASE_EVENT\"")
                    && v.contains("orphan-responded"));
        } finally {
            job.cancel().get();
        }
    }

    private static void assertReplayDeadLettersCarryTheirLineNumbers(EventQueries q) {
        Map<Long, String> byLine = new HashMap<>();
        for (JsonNode d : q.deadLetters(100)) {
            if (d.get("line_number").asLong() > 0) {
                byLine.put(d.get("line_number").asLong(), d.get("reason").asText());
            }
        }
        assertThat(byLine).isEqualTo(Map.of(14L, "INVALID_JSON", 15L, "INVALID_JSON", 16L, "MISSING_FIELD:source",
                17L, "UNKNOWN_SOURCE"));
    }

    private static void assertCaseEventsInheritTheirPlace(ClickHouseDb db) {
        Map<String, String> rows = new HashMap<>();
        for (JsonNode r : db.query("SELECT id, concat(district, '|', street, '|', category, '|', unit, '|', "
                + "quality_warning) AS place FROM raw_events FINAL")) {
            rows.put(r.get("id").asText(), r.get("place").asText());
        }
        assertThat(rows).containsEntry("h1-responded", "110101|东华门街道|ILLEGAL_PARKING_MOTOR|东华门街道办事处|")
                .containsEntry("h2-resolved", "110102|西长安街街道|ENV_SANITATION||")
                .containsEntry("g1-created", "110105||PILED_MATERIALS||UNKNOWN_STREET:不存在街道")
                .containsEntry("i1-resolved", "110106|右安门街道|GARBAGE_SORTING||");
    }

    private static String pusher(String topic, Settings s, int partition) {
        String at = "2026-11-21T12:00:00+08:00";
        if (topic.equals(s.get(Setting.TOPIC_INSPECTION))) {
            return "{\"id\":\"push-i-" + partition + "\",\"source\":\"INSPECTION\",\"type\":\"CHECKED\","
                    + "\"occurredAt\":\"" + at + "\",\"district\":\"110108\",\"category\":\"GARBAGE_SORTING\","
                    + "\"passed\":true}";
        }
        boolean hotline = topic.equals(s.get(Setting.TOPIC_HOTLINE));
        String source = hotline ? "HOTLINE" : "GRID";
        return "{\"id\":\"push-" + source + "-" + partition + "\",\"source\":\"" + source + "\",\"type\":\"CREATED\","
                + "\"caseId\":\"c-push-" + source + "-" + partition + "\",\"occurredAt\":\"" + at + "\","
                + "\"district\":\"110108\",\"category\":\"" + (hotline ? "NOISE" : "ENV_SANITATION") + "\"}";
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static JobClient startJob(Settings s) throws Exception {
        org.apache.flink.configuration.Configuration conf = new org.apache.flink.configuration.Configuration();
        // Every record type must serialise as a POJO or a Flink type, never through Kryo.
        conf.set(org.apache.flink.configuration.PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(2000);
        IngestWorkflow.define(IngestJob.input(env, s), s, new JobSinks(s));
        return env.executeAsync("pipeline-it");
    }
}
