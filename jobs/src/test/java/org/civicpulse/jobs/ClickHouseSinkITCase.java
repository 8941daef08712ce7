package org.civicpulse.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.local.LocalServices;
import org.civicpulse.local.LocalServicesExtension;
import org.civicpulse.storage.ClickHouseDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ClickHouse sink's writer on a real ClickHouse: a checkpoint does not wait for ClickHouse,
 * it keeps the rows not yet inserted, and a writer restored from it inserts them.
 */
@ExtendWith(LocalServicesExtension.class)
class ClickHouseSinkITCase {
    private static final String TABLE = "sink_rows";

    @Test
    void shouldKeepUnconfirmedRowsInTheCheckpointAndInsertThemAfterARestore(LocalServices services) throws Exception {
        // No timed batches: only the checkpoint and the end of the input could move rows.
        Settings s = services.isolated("sink").with(Setting.SINK_BATCH_INTERVAL, "PT1H");
        try (ClickHouseDb db = ClickHouseDb.writer(s)) {
            db.execute("CREATE TABLE " + TABLE + " (id String, version UInt64) ENGINE = ReplacingMergeTree(version) "
                    + "ORDER BY id");
            TestProcessingTimeService time = new TestProcessingTimeService();
            ClickHouseSinkWriter<String> before = writer(s, time, List.of());
            for (String id : List.of("a", "b", "c")) {
                before.write(id, null);
            }
            before.flush(false); // what a checkpoint does first
            List<PendingRows> checkpoint = before.snapshotState(1);
            assertThat(count(db)).as("the checkpoint did not wait for an insert").isZero();
            assertThat(checkpoint.stream().mapToInt(PendingRows::rows).sum()).isEqualTo(3);
            before.close(); // the job dies: nothing of the three was inserted

            ClickHouseSinkWriter<String> after = writer(s, time, checkpoint);
            after.write("d", null);
            after.flush(true);
            assertThat(count(db)).isEqualTo(4);
            after.close();
        }
    }

    private static ClickHouseSinkWriter<String> writer(Settings s, TestProcessingTimeService time,
                                                       List<PendingRows> restored) {
        return new ClickHouseSinkWriter<>(s, TABLE, (id, at) -> "{\"id\":\"" + id + "\",\"version\":1}", null, time,
                restored);
    }

    private static long count(ClickHouseDb db) {
        return db.queryLong("SELECT count() FROM " + TABLE + " FINAL");
    }
}
