package org.civicpulse.jobs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.ClickHouseDbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and inserts them in one request per batch. A failed insert is retried with
 * exponential backoff until it succeeds: the job then back-pressures instead of losing rows, and
 * catches up when ClickHouse returns.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ClickHouseDb db;
    private final String table;
    private final RowMapper<T> mapper;
    private final ProcessingTimeService time;
    private final int maxRows;
    private final long intervalMs;
    private final Duration maxBackoff;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private int rows;
    private long lastFlush;

    ClickHouseSinkWriter(Settings settings, String table, RowMapper<T> mapper, ProcessingTimeService time,
                         int subtask) {
        this.db = ClickHouseDb.writer(settings);
        this.table = ClickHouseDb.identifier(table);
        this.mapper = mapper;
        this.time = time;
        this.maxRows = settings.getInt(Setting.SINK_BATCH_ROWS);
        this.intervalMs = settings.getDuration(Setting.SINK_BATCH_INTERVAL).toMillis();
        this.maxBackoff = settings.getDuration(Setting.SINK_MAX_BACKOFF);
        this.lastFlush = time.getCurrentProcessingTime();
        scheduleTimer();
        LOG.debug("ClickHouse sink for {} open on subtask {}", table, subtask);
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        byte[] line = mapper.toRow(element, Instant.now()).getBytes(StandardCharsets.UTF_8);
        buffer.write(line, 0, line.length);
        buffer.write('\n');
        rows++;
        if (rows >= maxRows) {
            insertBatch();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        insertBatch();
    }

    private void scheduleTimer() {
        time.registerTimer(time.getCurrentProcessingTime() + intervalMs, this::onTimer);
    }

    private void onTimer(long now) throws InterruptedException {
        if (rows > 0 && now - lastFlush >= intervalMs) {
            insertBatch();
        }
        scheduleTimer();
    }

    private void insertBatch() throws InterruptedException {
        lastFlush = time.getCurrentProcessingTime();
        if (rows == 0) {
            return;
        }
        byte[] batch = buffer.toByteArray();
        Duration backoff = FIRST_BACKOFF;
        int attempt = 1;
        while (true) {
            try {
                db.insertJsonEachRow(table, batch);
                break;
            } catch (ClickHouseDbException e) {
                LOG.warn("Insert of {} rows into {} failed (attempt {}), retrying in {} ms: {}", rows, table,
                        attempt, backoff.toMillis(), e.getMessage());
                Thread.sleep(backoff.toMillis()); // backoff between retries, not synchronisation
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                attempt++;
            }
        }
        buffer.reset();
        rows = 0;
    }

    @Override
    public void close() {
        db.close();
    }
}
