package org.civicpulse.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.ClickHouseDbException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and inserts them in one request per batch, on a background thread so the task
 * keeps processing while ClickHouse works; at most one batch is in flight. {@link #flush} (before
 * every checkpoint barrier) starts the last batch and {@link #snapshotState} (after it) waits for
 * it. A failed insert is retried with exponential backoff
 * until it succeeds: the job then back-pressures instead of losing rows, and catches up when
 * ClickHouse returns. With a row key, only the newest element per key in a batch is written
 * (later versions of a row replace earlier ones in ClickHouse anyway).
 *
 * <p>Two buffers take turns: one fills while the other's batch is inserted, so a batch is never
 * copied (batches of tens of MB were copied whole, as humongous objects the collector handles
 * worst).
 */
final class ClickHouseSinkWriter<T> implements StatefulSinkWriter<T, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ClickHouseDb db;
    private final String table;
    private final RowMapper<T> mapper;
    private final ClickHouseSink.RowKey<T> rowKey;
    private final ProcessingTimeService time;
    private final int maxRows;
    private final long intervalMs;
    private final Duration maxBackoff;
    private final ExecutorService inserter;
    private RowBuffer buffer = new RowBuffer();
    private RowBuffer spare = new RowBuffer();
    private final Map<String, T> latestByKey = new LinkedHashMap<>();
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private int rows;
    private long lastFlush;

    ClickHouseSinkWriter(Settings settings, String table, RowMapper<T> mapper, ClickHouseSink.RowKey<T> rowKey,
                         ProcessingTimeService time) {
        this.db = ClickHouseDb.writer(settings);
        this.table = ClickHouseDb.identifier(table);
        this.mapper = mapper;
        this.rowKey = rowKey;
        this.time = time;
        this.maxRows = settings.getInt(Setting.SINK_BATCH_ROWS);
        this.intervalMs = settings.getDuration(Setting.SINK_BATCH_INTERVAL).toMillis();
        this.maxBackoff = settings.getDuration(Setting.SINK_MAX_BACKOFF);
        this.inserter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clickhouse-insert-" + table);
            t.setDaemon(true);
            return t;
        });
        this.lastFlush = time.getCurrentProcessingTime();
        scheduleTimer();
    }

    @Override
    public void write(T element, Context context) throws InterruptedException {
        if (rowKey != null) {
            latestByKey.put(rowKey.of(element), element);
            rows = latestByKey.size();
        } else {
            append(element);
        }
        if (rows >= maxRows) {
            startBatch();
        }
    }

    /**
     * Before a checkpoint barrier: starts inserting what is buffered, and waits for it only at the
     * end of the input; {@link #snapshotState} (after the barrier) waits otherwise, so the task's
     * other writers start their inserts in the meantime.
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        startBatch();
        if (endOfInput) {
            awaitInFlight();
        }
    }

    /** The checkpoint completes only once every row received before its barrier is in ClickHouse. */
    @Override
    public List<Void> snapshotState(long checkpointId) throws IOException {
        try {
            awaitInFlight();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for an insert into " + table);
        }
        return List.of();
    }

    private void append(T element) {
        mapper.toRow(element, Instant.now()).writeTo(buffer);
        buffer.write('\n');
        rows++;
    }

    private void scheduleTimer() {
        time.registerTimer(time.getCurrentProcessingTime() + intervalMs, this::onTimer);
    }

    private void onTimer(long now) throws InterruptedException {
        if (rows > 0 && now - lastFlush >= intervalMs) {
            startBatch();
        }
        scheduleTimer();
    }

    /** Hands the buffered rows to the inserter, after the batch before them is in. */
    private void startBatch() throws InterruptedException {
        lastFlush = time.getCurrentProcessingTime();
        if (rows == 0) {
            return;
        }
        if (rowKey != null) {
            latestByKey.values().forEach(this::append);
            latestByKey.clear();
        }
        int batchRows = rows;
        rows = 0;
        awaitInFlight(); // the spare is free once the batch before is in
        RowBuffer batch = buffer;
        buffer = spare;
        buffer.reset();
        spare = batch;
        inFlight = CompletableFuture.runAsync(() -> insertWithRetries(batch, batchRows), inserter);
    }

    private void awaitInFlight() throws InterruptedException {
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Insert into " + table + " failed", e.getCause());
        }
    }

    private void insertWithRetries(RowBuffer batch, int batchRows) {
        Duration backoff = FIRST_BACKOFF;
        int attempt = 1;
        while (true) {
            try {
                db.insertJsonEachRow(table, batch.array(), batch.size());
                return;
            } catch (ClickHouseDbException e) {
                LOG.warn("Insert of {} rows into {} failed (attempt {}), retrying in {} ms: {}", batchRows, table,
                        attempt, backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis()); // backoff between retries, not synchronisation
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while retrying an insert into " + table, ie);
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
                attempt++;
            }
        }
    }

    /** A byte buffer whose bytes the inserter reads in place. */
    private static final class RowBuffer extends ByteArrayOutputStream {
        RowBuffer() {
            super(1 << 16);
        }

        byte[] array() {
            return buf;
        }
    }

    @Override
    public void close() {
        inserter.shutdownNow();
        db.close();
    }
}
