package org.civicpulse.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every configuration key of CivicPulse, with its default and meaning: configuration lives here
 * and nowhere else. The environment variable of a key is {@code CIVICPULSE_} plus the key in
 * upper case with dots and dashes as underscores (so {@code kafka.bootstrap} is
 * {@code CIVICPULSE_KAFKA_BOOTSTRAP}).
 */
public enum Setting {
    DATA_DIR("data.dir", "data", "Folder for all local data (ClickHouse, Kafka, checkpoints, logs, token)"),

    KAFKA_BOOTSTRAP("kafka.bootstrap", "127.0.0.1:19092", "Kafka bootstrap servers"),
    KAFKA_CONTROLLER_PORT("kafka.controller.port", "19093", "Local broker only: KRaft controller port"),
    KAFKA_PARTITIONS("kafka.partitions", "4", "Partitions of each topic the launcher creates"),
    KAFKA_RETENTION_DAYS("kafka.retention.days", "400", "Retention of every topic the product creates (input, dead-letter, live, commands), so replayed history is kept"),
    TOPIC_HOTLINE("topic.hotline", "civic.hotline", "Input topic of HOTLINE events"),
    TOPIC_GRID("topic.grid", "civic.grid", "Input topic of GRID events"),
    TOPIC_INSPECTION("topic.inspection", "civic.inspection", "Input topic of INSPECTION events"),
    TOPIC_DEADLETTER("topic.deadletter", "civic.deadletter", "Dead-letter topic: original bytes, reason, source topic, time"),
    TOPIC_METRICS_LIVE("topic.metrics.live", "civic.metrics.live",
            "Live topic: the absolute current metrics of each changed scope, at most every `metrics.emit.interval`"),
    TOPIC_ALERTS_LIVE("topic.alerts.live", "civic.alerts.live",
            "Live topic: every new state of a hotspot alert (SPEC §5), keyed by alert id"),
    TOPIC_ALERT_COMMANDS("topic.alert.commands", "civic.alert.commands",
            "Operators' alert commands (ack, comment, assign), read by the job that owns alert state"),
    KAFKA_GROUP("kafka.group", "civicpulse-jobs", "Consumer group of the Flink job"),

    CLICKHOUSE_URL("clickhouse.url", "http://127.0.0.1:18123", "ClickHouse HTTP endpoint"),
    CLICKHOUSE_TCP_PORT("clickhouse.tcp.port", "19000", "Local server only: ClickHouse native TCP port"),
    CLICKHOUSE_DATABASE("clickhouse.database", "civicpulse", "ClickHouse database"),
    CLICKHOUSE_USER("clickhouse.user", "civicpulse_writer", "ClickHouse user that writes (jobs, migrations)"),
    CLICKHOUSE_PASSWORD("clickhouse.password", "civicpulse-writer", "Password of the writing user"),
    CLICKHOUSE_READER_USER("clickhouse.reader.user", "civicpulse_reader", "Read-only ClickHouse user (dashboard)"),
    CLICKHOUSE_READER_PASSWORD("clickhouse.reader.password", "civicpulse-reader", "Password of the read-only user"),
    RAW_RETENTION_DAYS("raw.retention.days", "400", "Raw-event partitions older than this many days are dropped"),

    SINK_BATCH_ROWS("sink.batch.rows", "50000", "ClickHouse sink: flush a batch at this many rows"),
    SINK_BATCH_INTERVAL("sink.batch.interval", "PT2S", "ClickHouse sink: flush a batch at least this often"),
    SINK_MAX_BACKOFF("sink.max.backoff", "PT30S", "ClickHouse sink: longest wait between retries of a failed insert"),

    WATERMARK_OUT_OF_ORDERNESS("watermark.out-of-orderness", "PT2M", "Bounded out-of-orderness of event time"),
    WATERMARK_IDLENESS("watermark.idleness", "PT1M", "A source idle this long stops holding event time back; "
            + "when all are, event time advances at wall-clock pace"),
    ALLOWED_LATENESS("allowed.lateness", "PT6H", "Events later than this behind the watermark go to late_events"),
    MAX_FUTURE("max.future", "PT5M", "Events further than this ahead of the wall clock are rejected"),
    CASE_RETENTION("case.retention", "P60D", "How long the job remembers a case after its last event (orphan checks)"),

    CASE_LIST_WINDOW("case.list.window", "P60D",
            "Case list without a from: cases created this far back, "
                    + "so the scan costs the same with years of history"),
    CASE_GRACE("case.grace", "P2D", "How long the job keeps a closed case, for late ratings and events"),
    WATCHLIST_PROBLEMS("watchlist.problems", "10",
            "A point joins the watch-list (挂牌督办) with at least this many problems in 30 days"),
    WATCHLIST_FAILED_CHECKS("watchlist.failed-checks", "3",
            "... or with at least this many failed spot checks in 30 days"),
    METRICS_EMIT_INTERVAL("metrics.emit.interval", "PT0.5S", "Longest wait before a changed scope's metrics are published"),

    HOTSPOT_BUCKET("hotspot.bucket", "PT5M", "Hotspots: new problems are counted per street × category and bucket of this length"),
    HOTSPOT_DETECTOR("hotspot.detector", "nb-scan", "Hotspots: the detector, nb-scan (negative-binomial scan over "
            + "5–120 min), nb-cusum (negative-binomial CUSUM) or ears-c2 (CDC EARS C2, the classic baseline)"),
    HOTSPOT_THRESHOLD("hotspot.threshold", "", "Hotspots: the detector's alarm threshold; empty means the one tuned "
            + "for it (docs/BENCHMARKS.md)"),
    HOTSPOT_MIN_CASES("hotspot.min-cases", "3", "Hotspots: an alarm needs at least this many new problems in the last 6 buckets (30 minutes with the default bucket)"),
    HOTSPOT_CALM("hotspot.calm", "PT1H", "Hotspots: an alert closes after its unit has been calm this long"),
    HOTSPOT_COOLDOWN("hotspot.cooldown", "PT1H", "Hotspots: after an alert closes, no new one opens for its unit "
            + "for this long"),
    HOTSPOT_WARMUP("hotspot.warmup", "P7D", "Hotspots: a district × category raises no alert before it has this much "
            + "history"),
    HOTSPOT_RENOTIFY("hotspot.renotify", "PT30M", "Hotspots: an unacknowledged HIGH alert is notified again after "
            + "this long, then after twice, four times … as long"),
    HOTSPOT_HOLIDAYS("hotspot.holidays", "2026-01-01..2026-01-03,2026-02-15..2026-02-23,2026-04-04..2026-04-06,"
            + "2026-05-01..2026-05-05,2026-06-19..2026-06-21,2026-09-25..2026-09-27,2026-10-01..2026-10-07",
            "Hotspots: dates and ranges treated like Sundays (public holidays; default: mainland China 2026)"),
    HOTSPOT_WEBHOOK_URL("hotspot.webhook.url", "", "Hotspots: new and escalated alerts are POSTed here as JSON; "
            + "empty means no webhook"),
    HOTSPOT_WEBHOOK_ATTEMPTS("hotspot.webhook.attempts", "5", "Hotspots: attempts per webhook notification "
            + "(backoff 1 s, doubling) before it is logged and dropped"),

    FLINK_MODE("flink.mode", "local", "How `up` runs the job: local (one JVM, embedded MiniCluster) or standalone "
            + "(a JobManager and a TaskManager JVM, the job jar submitted)"),
    FLINK_PARALLELISM("flink.parallelism", "2", "Parallelism of the job"),
    FLINK_JOB_HEAP("flink.job.heap", "4g", "Heap of the job's JVM in local mode, and of the TaskManager in standalone "
            + "mode (a JVM size of at least 512m, such as 4g or 6144m). The job's state lives there: Beijing at full "
            + "scale keeps about 0.8 GB of it live after a month (README, Capacity)"),
    FLINK_CHECKPOINT_INTERVAL("flink.checkpoint.interval", "PT10S", "Checkpoint interval"),
    FLINK_CHECKPOINT_DIR("flink.checkpoint.dir", "", "Checkpoint folder URI; empty means <data.dir>/flink/checkpoints"),
    FLINK_REST_HOST("flink.rest.host", "127.0.0.1", "Host of Flink's REST API, asked for the job's health"),
    FLINK_REST_PORT("flink.rest.port", "18081", "Port of Flink's REST API (the MiniCluster's, or the JobManager's in standalone mode)"),

    SIMULATOR_SCALE("simulator.scale", "1", "./civicpulse up: simulated volume as a share of Beijing's (1 = about "
            + "25,000 hotline tickets a day)"),
    SIMULATOR_BACKFILL_DAYS("simulator.backfill-days", "8", "./civicpulse up: days of history the simulator sends "
            + "before going live"),
    SIMULATOR_SEED("simulator.seed", "12345", "./civicpulse up: the simulator's seed (same seed, same events)"),

    DASHBOARD_PORT("dashboard.port", "8080", "HTTP port of the dashboard server"),
    DASHBOARD_HOST("dashboard.host", "0.0.0.0", "Address the dashboard server binds"),
    DASHBOARD_USERS("dashboard.users", "",
            "Users file (JSON: names, roles, districts, PBKDF2 password hashes, wall-screen token hashes); empty means <data.dir>/dashboard-users.json when it exists"),
    DASHBOARD_WS_ORIGINS("dashboard.ws.origins", "",
            "Origins (comma-separated) allowed to open the WebSocket besides the server's own"),
    DASHBOARD_CORS_ORIGINS("dashboard.cors.origins", "",
            "Origins (comma-separated) allowed by CORS; empty means CORS is off"),
    DASHBOARD_STALE_AFTER("dashboard.stale.after", "PT5M",
            "A source and district whose last delivery is older than this are shown as stale"),
    DASHBOARD_API_RATE("dashboard.api.rate", "1200",
            "API requests per minute allowed per client address"),
    DASHBOARD_LOGIN_RATE("dashboard.login.rate", "10",
            "Sign-in attempts per minute allowed per client address"),
    DASHBOARD_WS_QUEUE("dashboard.ws.queue", "256",
            "Keys a slow WebSocket client may have waiting (coalesced) before it is sent a fresh snapshot"),
    DASHBOARD_INSTANCES("dashboard.instances", "2",
            "HTTP server verticle instances (event loops serving the sockets)"),
    DASHBOARD_REBUILD_WINDOW("dashboard.rebuild.window", "PT6H",
            "On start the server replays this much of the live metrics topic when ClickHouse holds no live values"),
    DASHBOARD_REBUILD_MARGIN("dashboard.rebuild.margin", "PT5M",
            "On start the live topics are replayed from this long before the newest value read from ClickHouse"),
    RATES_WEIGHTS("rates.weights", "0.10,0.45,0.45",
            "Composite score (月评) weights of the response, resolution and satisfaction rates"),
    RATES_BASIC_WEIGHT("rates.basic-weight", "1",
            "Weight of a BASIC (基本满意) rating in the satisfaction rate"),
    TOKEN("token", "", "Operator token; empty means generate one and keep it in the data folder");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets this key. */
    public String envVar() {
        return "CIVICPULSE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static List<Setting> all() {
        return Arrays.asList(values());
    }
}
