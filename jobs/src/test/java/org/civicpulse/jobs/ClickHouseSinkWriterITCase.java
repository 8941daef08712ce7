package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.LiveValueRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sink's checkpoint contract on a real ClickHouse: the flush before a barrier only starts the
 * insert (so the task's other writers can start theirs), and the writer's snapshot returns only
 * once every row written before the flush is in the table. ClickHouse is frozen (SIGSTOP) while
 * the snapshot is asked for, so "it waits" is not a race against a fast insert. Time is manual: no
 * interval batch starts behind the test's back.
 */
@ExtendWith(LocalServicesExtension.class)
class ClickHouseSinkWriterITCase {
    private static final int ROWS = 5_000;
    /** Long enough for a snapshot that did not wait to have returned. */
    private static final Duration BLOCKED = Duration.ofSeconds(2);

    @Test
    void shouldStartTheInsertAtTheFlushAndFinishItBeforeTheSnapshotReturns(LocalServices services) throws Exception {
        Settings s = services.isolated("sinkwriter")
                .with(Setting.SINK_BATCH_ROWS, "1000000")
                .with(Setting.SINK_BATCH_INTERVAL, "PT1H");
        long clickHouse = services.clickHouse().process().pid();
        try (ClickHouseDb db = ClickHouseDb.writer(s);
             ClickHouseSinkWriter<Integer> writer = new ClickHouseSinkWriter<>(s, LiveValueRows.TABLE,
                     (i, at) -> LiveValueRows.json("key-" + i, "{}", Instant.ofEpochMilli(1_000L + i)), null,
                     new TestProcessingTimeService())) {
            for (int i = 0; i < ROWS; i++) {
                writer.write(i, null);
            }
            CompletableFuture<List<Void>> snapshot;
            signal(clickHouse, "STOP");
            try {
                writer.flush(false); // returns although ClickHouse cannot answer
                snapshot = CompletableFuture.supplyAsync(() -> snapshot(writer));
                assertThatThrownBy(() -> snapshot.get(BLOCKED.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the snapshot waits for the insert").isInstanceOf(TimeoutException.class);
            } finally {
                signal(clickHouse, "CONT");
            }
            assertThat(snapshot.get(60, TimeUnit.SECONDS)).isEmpty();
            assertThat(db.queryLong("SELECT count() AS n FROM live_values")).isEqualTo(ROWS);

            for (int i = ROWS; i < 2 * ROWS; i++) {
                writer.write(i, null);
            }
            writer.flush(true); // the end of the input: nothing follows to wait for the insert
            assertThat(db.queryLong("SELECT count() AS n FROM live_values")).isEqualTo(2L * ROWS);
        }
    }

    private static List<Void> snapshot(ClickHouseSinkWriter<Integer> writer) {
        try {
            return writer.snapshotState(1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }
}
