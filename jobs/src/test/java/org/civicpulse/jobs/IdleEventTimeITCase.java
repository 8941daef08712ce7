package org.civicpulse.jobs;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §3 on the real broker: once every source has been idle longer than the idleness timeout,
 * event time ("now", the city's {@code asOf}) advances from the last event seen, the newest of any
 * partition, not from the last event of the partition that went quiet first.
 */
@ExtendWith(LocalServicesExtension.class)
class IdleEventTimeITCase {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String EARLY = "2026-11-20T10:00:00+08:00";
    private static final Instant LATE = Instant.parse("2026-11-20T05:00:00Z"); // 13:00 in Beijing

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1).build());

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldAdvanceFromTheNewestEventOfAnyPartitionOnceAllAreIdle(LocalServices services) throws Exception {
        Settings s = services.isolated("idle")
                .with(Setting.WATERMARK_OUT_OF_ORDERNESS, "PT0S")
                .with(Setting.WATERMARK_IDLENESS, "PT3S");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // One source subtask reads every partition: the case the shared view is for.
        env.setParallelism(1);
        env.enableCheckpointing(2000);
        IngestWorkflow.define(IngestJob.input(env, s), s, new JobSinks(s));
        JobClient job = env.executeAsync("idle-event-time-it");
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            String hotline = s.get(Setting.TOPIC_HOTLINE);
            TestKafka.send(s, hotline, 0, "c-early", created("e-early", "c-early", EARLY));
            TestKafka.send(s, hotline, 1, "c-late", created("e-late", "c-late", LATE.toString()));
            // Partition 0 alone would hold event time at 10:00 and creep from there at wall-clock pace.
            await().atMost(WAIT).until(() -> cityAsOf(db), asOf -> asOf != null && !asOf.isBefore(LATE));
        } finally {
            job.cancel().get();
        }
    }

    private Instant cityAsOf(ClickHouseDb db) throws Exception {
        var rows = db.query("SELECT argMax(value, version) AS v FROM live_values WHERE key = 'city'");
        if (rows.isEmpty() || rows.get(0).get("v").asText().isEmpty()) {
            return null;
        }
        var asOf = json.readTree(rows.get(0).get("v").asText()).get("asOf");
        return asOf == null || asOf.isNull() ? null : OffsetDateTime.parse(asOf.asText()).toInstant();
    }

    private static String created(String id, String caseId, String occurredAt) {
        return """
                {"id":"%s","source":"HOTLINE","type":"CREATED","caseId":"%s","occurredAt":"%s",\
                "district":"110101","category":"NOISE"}""".formatted(id, caseId, occurredAt);
    }
}
