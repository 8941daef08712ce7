package org.civicpulse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.civicpulse.contract.MetricCounter;
import org.civicpulse.contract.Setting;
import org.civicpulse.storage.ClickHouseDb;
import org.civicpulse.storage.SqlLiteral;

/**
 * Every SQL statement the dashboard sends, in one place. Identifiers (tables, columns, bucket
 * functions) come only from the constants and enums here; values only through {@link SqlLiteral},
 * after {@link Params} checked them. Blocking: call from a worker thread.
 */
public final class DashboardQueries {
    private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> WINDOWED = java.util.Arrays.stream(MetricCounter.values())
            .filter(c -> c.kind() != MetricCounter.Kind.GAUGE).map(MetricCounter::column).toList();
    private static final List<String> GAUGES = List.of("open", "overdue", "about_to_breach");
    private static final String CASE_COLUMNS = "case_id, source, district, street, category, unit, "
            + "address, urgent, status, created_at, responded_at, resolved_at, closed_at, "
            + "response_limit_at, resolution_limit_at, last_satisfaction";
    /** The columns of {@code alerts} (migration V6) that {@link AlertViews#fromRow} reads. */
    public static final String ALERT_COLUMNS = "id, version, district, street, category, kind, "
            + "severity, status, opened_at, last_seen_at, closed_at, observed, expected, score, "
            + "points, acked_by, comment, assigned_to";
    private static final long TABLE_RECHECK_MS = 60_000;
    /** The stretches back from the newest case that the case list tries before its whole window. */
    private static final List<Duration> CASE_LIST_STRETCHES = List.of(Duration.ofDays(1), Duration.ofDays(7));

    private final ClickHouseDb db;
    private final ServerMetrics metrics;
    private final Duration caseWindow;
    // Another engineer's migration adds the alerts table: absent until then, so checked again now and then.
    private volatile boolean alertsTable;
    private volatile long alertsTableCheckAt;

    public DashboardQueries(ClickHouseDb db, ServerMetrics metrics) {
        this(db, metrics, Duration.parse(Setting.CASE_LIST_WINDOW.defaultValue()));
    }

    /** @param caseWindow how far back the case list looks when the caller gives no {@code from} */
    public DashboardQueries(ClickHouseDb db, ServerMetrics metrics, Duration caseWindow) {
        this.db = db;
        this.metrics = metrics;
        this.caseWindow = caseWindow;
    }

    /** A case filter whose fields were checked by {@link Params}; nulls mean "any". */
    public record CaseFilter(String district, String street, String category, String unit,
            String source, String status, Instant from, Instant to) {
    }

    /** Cases newest first; one more than {@code limit} tells the caller there are more. */
    public List<JsonNode> cases(CaseFilter f, Instant now, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        equal(where, "district", f.district());
        equal(where, "street", f.street());
        equal(where, "category", f.category());
        equal(where, "unit", f.unit());
        equal(where, "source", f.source());
        String n = SqlLiteral.dateTime(now);
        switch (f.status()) {
            case "open" -> where.append(" AND status = 'OPEN'");
            case "overdue" -> where.append(" AND status = 'OPEN' AND resolution_limit_at < ").append(n);
            case "aboutToBreach" -> where.append(" AND status = 'OPEN' AND resolution_limit_at >= ")
                    .append(n).append(" AND resolution_limit_at < ").append(n).append(" + 7200");
            case "resolved" -> where.append(" AND status = 'RESOLVED'");
            case "closed" -> where.append(" AND status = 'CLOSED'");
            default -> { }
        }
        // Always a lower bound on created_at: the table is partitioned by month and ordered by
        // district and created_at, so the scan covers the window's rows only.
        Instant from = f.from() != null ? f.from() : now.minus(caseWindow);
        Instant top = f.to() != null ? f.to() : now;
        if (f.to() != null) {
            where.append(" AND created_at < ").append(SqlLiteral.dateTime(f.to()));
        }
        // Newest first, so the page lies in the most recent stretch that holds enough rows:
        // try a day, then a week, then the whole window. Rows outside a stretch are strictly
        // older than every row in it, so a stretch that fills the page gives the exact answer;
        // ClickHouse 18.16 cannot stop reading early for ORDER BY … LIMIT, so this keeps a
        // page's cost to the rows of its stretch instead of the whole window's.
        for (Duration stretch : CASE_LIST_STRETCHES) {
            Instant since = top.minus(stretch);
            if (!since.isAfter(from)) {
                break;
            }
            List<JsonNode> rows = casePage(where, since, limit, offset);
            if (rows.size() > limit) {
                return rows;
            }
        }
        return casePage(where, from, limit, offset);
    }

    private List<JsonNode> casePage(StringBuilder where, Instant since, int limit, int offset) {
        return timed(() -> db.query("SELECT " + CASE_COLUMNS + " FROM cases FINAL" + where + " AND created_at >= "
                + SqlLiteral.dateTime(since) + " ORDER BY created_at DESC, case_id LIMIT " + (limit + 1)
                + " OFFSET " + offset));
    }

    /**
     * The newest version of each alert in ClickHouse opened within [from, to) (either may be null),
     * newest opening first, at most {@code max}; none while the {@code alerts} table does not exist.
     */
    public List<JsonNode> alertHistory(String district, Instant from, Instant to, int max) {
        if (!hasAlertsTable()) {
            return List.of();
        }
        // District and opening time never change within an alert, so they may filter every version.
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        equal(where, "district", district);
        if (from != null) {
            where.append(" AND opened_at >= ").append(SqlLiteral.dateTime(from));
        }
        if (to != null) {
            where.append(" AND opened_at < ").append(SqlLiteral.dateTime(to));
        }
        return timed(() -> db.query("SELECT " + ALERT_COLUMNS + " FROM (SELECT " + ALERT_COLUMNS
                + " FROM alerts FINAL" + where + " ORDER BY id, version DESC LIMIT 1 BY id)"
                + " ORDER BY opened_at DESC, id LIMIT " + max));
    }

    private boolean hasAlertsTable() {
        long now = System.currentTimeMillis();
        if (!alertsTable && now >= alertsTableCheckAt) {
            alertsTable = tableExists("alerts");
            alertsTableCheckAt = now + TABLE_RECHECK_MS;
        }
        return alertsTable;
    }

    // Only called with the constant names of this class.
    private boolean tableExists(String table) {
        return timed(() -> db.queryLong("SELECT count() AS n FROM system.tables"
                + " WHERE database = currentDatabase() AND name = " + SqlLiteral.string(table))) > 0;
    }

    /**
     * The newest value of every key in {@code live_values} (V7) as {@code {key, latest, written}},
     * at most {@code max} keys; none while the table does not exist (a job older than V7).
     */
    public List<JsonNode> liveValues(int max) {
        if (!tableExists("live_values")) {
            return List.of();
        }
        // Aliases differ from the columns: 18.16 would read an alias named like a column inside argMax.
        return timed(() -> db.query("SELECT key, argMax(value, version) AS latest,"
                + " max(version) AS written FROM live_values GROUP BY key LIMIT " + max));
    }

    /** Every source × district of the {@code freshness} table, with times as epoch seconds. */
    public List<JsonNode> freshness(int max) {
        return timed(() -> db.query("SELECT toString(source) AS source, district,"
                + " toUnixTimestamp(last_delivered_at) AS delivered, toUnixTimestamp(last_event_at) AS event"
                + " FROM freshness FINAL LIMIT " + max));
    }

    /**
     * The newest version of every alert that is not closed, at most {@code max}, and when the
     * newest row of the table was written (epoch seconds, 0 when empty); none without the table.
     */
    public ActiveAlerts activeAlerts(int max) {
        if (!hasAlertsTable()) {
            return new ActiveAlerts(List.of(), 0);
        }
        List<JsonNode> rows = timed(() -> db.query("SELECT " + ALERT_COLUMNS + " FROM (SELECT "
                + ALERT_COLUMNS + " FROM alerts FINAL ORDER BY id, version DESC LIMIT 1 BY id)"
                + " WHERE status != 'CLOSED' LIMIT " + max));
        // max() of no rows is the zero DateTime, i.e. 0.
        long newest = timed(() -> db.queryLong("SELECT toUnixTimestamp(max(written_at)) AS n FROM alerts"));
        return new ActiveAlerts(rows, newest);
    }

    /** Alerts not closed, as rows for {@link AlertViews#fromRow}, and the newest write (epoch s). */
    public record ActiveAlerts(List<JsonNode> rows, long newestWrittenAt) {
    }

    /** Counter sums (or the last gauge values) per bucket of a scope's series. */
    public Map<Instant, JsonNode> series(String scope, Step step, boolean gauges, Instant from,
            Instant to) {
        String table;
        String time;
        if (gauges) {
            table = "backlog_minutes";
            time = "minute";
        } else {
            table = step == Step.DAY ? "metric_days" : "metric_minutes";
            time = step == Step.DAY ? "day" : "minute";
        }
        String bucket = step.bucket(time);
        StringJoiner columns = new StringJoiner(", ");
        for (String c : gauges ? GAUGES : WINDOWED) {
            columns.add((gauges ? "argMax(" + c + ", minute)" : "sum(" + c + ")") + " AS " + c);
        }
        String sql = "SELECT " + bucket + " AS t, " + columns + " FROM " + table + " FINAL"
                + " WHERE scope = " + SqlLiteral.string(scope) + " AND " + range(time, from, to)
                + " GROUP BY t ORDER BY t";
        Map<Instant, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode row : timed(() -> db.query(sql))) {
            out.put(parseTime(row.get("t").asText()), row);
        }
        return out;
    }

    /** Counter sums of a scope over whole days, with {@code panes} = how many days had rows. */
    public JsonNode dayTotals(String scope, LocalDate first, LocalDate last) {
        return totals("metric_days", scope, days(first, last));
    }

    /**
     * Counter sums of a scope over exactly [from, to), from its minute panes, with {@code panes}
     * = how many minutes had rows: a part of a day compares with the same part a week earlier.
     */
    public JsonNode rangeTotals(String scope, Instant from, Instant to) {
        return totals("metric_minutes", scope, range("minute", from, to));
    }

    // Only called with the constant table names and the ranges of this class.
    private JsonNode totals(String table, String scope, String range) {
        String sql = "SELECT " + sums() + ", count() AS panes FROM " + table + " FINAL WHERE scope = "
                + SqlLiteral.string(scope) + " AND " + range;
        List<JsonNode> rows = timed(() -> db.query(sql));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Counter sums per scope of a kind over whole days (the ranking board). */
    public List<JsonNode> scopeTotals(String scopeKind, String scopePrefix, LocalDate first,
            LocalDate last) {
        String prefix = scopePrefix == null ? ""
                : " AND startsWith(scope, " + SqlLiteral.string(scopePrefix) + ")";
        String sql = "SELECT scope, " + sums() + " FROM metric_days FINAL WHERE scope_kind = "
                + SqlLiteral.string(scopeKind) + prefix + " AND " + days(first, last)
                + " GROUP BY scope ORDER BY scope";
        return timed(() -> db.query(sql));
    }

    private static String sums() {
        StringJoiner columns = new StringJoiner(", ");
        WINDOWED.forEach(c -> columns.add("sum(" + c + ") AS " + c));
        return columns.toString();
    }

    private static String days(LocalDate first, LocalDate last) {
        return "day >= toDate(" + SqlLiteral.string(first.toString()) + ") AND day <= toDate("
                + SqlLiteral.string(last.toString()) + ")";
    }

    /** The district's top points over the 7 days up to {@code today}. */
    public List<JsonNode> topPoints(String district, LocalDate today, int limit) {
        return timed(() -> db.query("SELECT point, any(street) AS street, sum(problems) AS problems,"
                + " sum(failed_checks) AS failed_checks FROM point_days FINAL WHERE district = "
                + SqlLiteral.string(district) + " AND day > toDate("
                + SqlLiteral.string(today.toString()) + ") - 7 GROUP BY point"
                + " ORDER BY problems DESC, point LIMIT " + limit));
    }

    /** The district's points on the watch-list now. */
    public List<JsonNode> watchlist(String district) {
        return timed(() -> db.query("SELECT point, street, entered_on, problems_30d,"
                + " failed_checks_30d FROM watchlist FINAL WHERE district = "
                + SqlLiteral.string(district) + " AND isNull(left_on)"
                + " ORDER BY problems_30d DESC, point LIMIT 100"));
    }

    /** The bucket widths of a time series. */
    public enum Step {
        MINUTE("1m", 60, "%s"),
        FIVE_MINUTES("5m", 300, "toStartOfFiveMinute(%s)"),
        FIFTEEN_MINUTES("15m", 900, "toStartOfFifteenMinutes(%s)"),
        HOUR("1h", 3600, "toStartOfHour(%s)"),
        DAY("1d", 86_400, "toDate(%s)");

        private final String label;
        private final long seconds;
        private final String function;

        Step(String label, long seconds, String function) {
            this.label = label;
            this.seconds = seconds;
            this.function = function;
        }

        public String label() {
            return label;
        }

        public long seconds() {
            return seconds;
        }

        String bucket(String column) {
            return String.format(function, column);
        }

        public static Step of(String label) {
            for (Step s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw new IllegalArgumentException(label);
        }
    }

    /** A ClickHouse DateTime or Date as printed in JSONEachRow, on the city's calendar. */
    public static Instant parseTime(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(SqlLiteral.ZONE).toInstant();
        }
        return LocalDateTime.parse(text, CH_TIME).atZone(SqlLiteral.ZONE).toInstant();
    }

    private static String range(String column, Instant from, Instant to) {
        if ("day".equals(column)) {
            // The day that holds `to` is in the range (so far) unless `to` is its midnight.
            return days(LocalDate.ofInstant(from, SqlLiteral.ZONE),
                    LocalDate.ofInstant(to.minusSeconds(1), SqlLiteral.ZONE));
        }
        return column + " >= " + SqlLiteral.dateTime(from) + " AND " + column + " < "
                + SqlLiteral.dateTime(to);
    }

    private static void equal(StringBuilder where, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ").append(SqlLiteral.string(value));
        }
    }

    private <T> T timed(Supplier<T> query) {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            T result = query.get();
            failed = false;
            return result;
        } finally {
            metrics.query(System.nanoTime() - start, failed);
        }
    }
}
