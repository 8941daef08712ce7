package org.civicpulse.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's own measurements, written as Prometheus text exposition at {@code /metrics}:
 * connected clients, messages pushed, push delay, Kafka consumer lag, ClickHouse query latency and
 * authentication failures. Thread-safe; shared by every verticle of the server.
 */
public final class ServerMetrics {
    private static final double[] DELAY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    private static final double[] QUERY_BUCKETS = {0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final AtomicLong clients = new AtomicLong();
    private final LongAdder pushed = new LongAdder();
    private final LongAdder resyncs = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder overflows = new LongAdder();
    private final Histogram pushDelay = new Histogram(DELAY_BUCKETS);
    private final Histogram queryLatency = new Histogram(QUERY_BUCKETS);
    private final LongAdder queryFailures = new LongAdder();
    private final Map<String, LongAdder> authFailures = new ConcurrentHashMap<>();
    private final Map<String, Long> consumerLag = new ConcurrentHashMap<>();
    private final LongAdder commands = new LongAdder();

    public void clientConnected() {
        clients.incrementAndGet();
    }

    public void clientDisconnected() {
        clients.decrementAndGet();
    }

    public long clients() {
        return clients.get();
    }

    /** One frame written to one client, {@code delayMs} after the update reached the server. */
    public void pushed(long delayMs) {
        pushed.increment();
        pushDelay.observe(delayMs / 1000.0);
    }

    public long pushedTotal() {
        return pushed.sum();
    }

    public void resynced() {
        resyncs.increment();
    }

    public void coalesced() {
        coalesced.increment();
    }

    /** Deltas held back for slow clients (sent later in a batch, or covered by a snapshot). */
    public long coalescedTotal() {
        return coalesced.sum();
    }

    /** A slow client's queue overflowed: it is owed a snapshot. */
    public void overflowed() {
        overflows.increment();
    }

    public long overflows() {
        return overflows.sum();
    }

    public void query(long nanos, boolean failed) {
        queryLatency.observe(nanos / 1e9);
        if (failed) {
            queryFailures.increment();
        }
    }

    public void authFailure(String reason) {
        authFailures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public long authFailures(String reason) {
        LongAdder n = authFailures.get(reason);
        return n == null ? 0 : n.sum();
    }

    public void commandPublished() {
        commands.increment();
    }

    public void consumerLag(String topic, long lag) {
        consumerLag.put(topic, lag);
    }

    /** Prometheus text exposition format 0.0.4. */
    public String exposition() {
        StringBuilder out = new StringBuilder(2048);
        gauge(out, "civicpulse_ws_clients", "WebSocket clients connected", clients.get());
        counter(out, "civicpulse_ws_messages_pushed_total", "Frames written to WebSocket clients",
                pushed.sum());
        counter(out, "civicpulse_ws_resyncs_total", "Fresh snapshots sent after a gap or overflow",
                resyncs.sum());
        counter(out, "civicpulse_ws_coalesced_total", "Deltas held back and coalesced for slow clients",
                coalesced.sum());
        counter(out, "civicpulse_ws_overflows_total",
                "Slow clients whose queue overflowed (their deltas dropped for a snapshot)",
                overflows.sum());
        pushDelay.write(out, "civicpulse_ws_push_delay_seconds",
                "From the update reaching the server's Kafka consumer to its write to a client");
        out.append("# HELP civicpulse_kafka_consumer_lag Records behind the end of each live topic\n")
                .append("# TYPE civicpulse_kafka_consumer_lag gauge\n");
        consumerLag.forEach((topic, lag) -> out.append("civicpulse_kafka_consumer_lag{topic=\"")
                .append(label(topic)).append("\"} ").append(lag).append('\n'));
        queryLatency.write(out, "civicpulse_clickhouse_query_seconds", "ClickHouse query latency");
        counter(out, "civicpulse_clickhouse_query_failures_total", "ClickHouse queries that failed",
                queryFailures.sum());
        out.append("# HELP civicpulse_auth_failures_total Refused authentications by reason\n")
                .append("# TYPE civicpulse_auth_failures_total counter\n");
        authFailures.forEach((reason, n) -> out.append("civicpulse_auth_failures_total{reason=\"")
                .append(label(reason)).append("\"} ").append(n.sum()).append('\n'));
        counter(out, "civicpulse_alert_commands_total", "Alert commands published by operators",
                commands.sum());
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A cumulative Prometheus histogram with fixed buckets. */
    static final class Histogram {
        private final double[] bounds;
        private final LongAdder[] counts;
        private final LongAdder count = new LongAdder();
        private final java.util.concurrent.atomic.DoubleAdder sum =
                new java.util.concurrent.atomic.DoubleAdder();

        Histogram(double[] bounds) {
            this.bounds = bounds;
            this.counts = new LongAdder[bounds.length];
            for (int i = 0; i < bounds.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double value) {
            for (int i = 0; i < bounds.length; i++) {
                if (value <= bounds[i]) {
                    counts[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(value);
        }

        void write(StringBuilder out, String name, String help) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" histogram\n");
            long cumulative = 0;
            for (int i = 0; i < bounds.length; i++) {
                cumulative += counts[i].sum();
                out.append(name).append("_bucket{le=\"").append(bounds[i]).append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n')
                    .append(name).append("_sum ").append(sum.sum()).append('\n')
                    .append(name).append("_count ").append(count.sum()).append('\n');
        }
    }
}
