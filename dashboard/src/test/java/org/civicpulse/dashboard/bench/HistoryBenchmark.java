package org.civicpulse.dashboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civicpulse.contract.Setting;
import org.civicpulse.contract.Settings;
import org.civicpulse.dashboard.DashboardQueries;
import org.civicpulse.dashboard.ServerMetrics;
import org.civicpulse.local.LocalServices;
import org.civicpulse.storage.ClickHouseDb;

/**
 * Cost against history size (issue 8): one database per size (1M, 10M and 100M raw rows by
 * default), each grown inside ClickHouse ({@code INSERT … SELECT FROM numbers}) with the case table
 * and metric panes the same history would have left (Beijing's rate, about 130k events a day, so
 * 100M rows are about two years). Each query the dashboard sends is measured cold (caches dropped)
 * beside a naive dashboard that computes the same answers with GROUP BY over raw events.
 *
 * <p>The sizes are measured in turn, round after round (a different size first in each round), so
 * a machine that gets busier or quieter during the run weighs on every size alike. Besides the
 * time the client waits, ClickHouse's own account of each call is read from {@code system.query_log}
 * (both dashboards query as the read-only user, whose queries are logged): the server time and the
 * rows read, the steadier measure of what a query costs as history grows.
 *
 * <p>Usage: {@code HistoryBenchmark [sizes…]} (default 1000000 10000000 100000000). Prints Markdown.
 */
public final class HistoryBenchmark {
    static final long EVENTS_PER_DAY = 130_000;
    static final int EVENTS_PER_CASE = 5;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int ROUNDS = 11;
    /** Points (点位) with a problem on a day, per district: ~16k a day across the city. */
    static final int POINTS_PER_DISTRICT = 1_000;
    /** The monthly-partitioned tables the dashboard reads. */
    static final List<String> DASHBOARD_TABLES = List.of("metric_minutes", "metric_days", "point_days", "cases");
    static final String MERGED = ", this month merged";

    private HistoryBenchmark() {
    }

    /** One size of history: its own database, its writer and the dashboard's read-only queries. */
    record History(long size, String readerUser, ClickHouseDb writer, ClickHouseDb reader, DashboardQueries queries) {
    }

    /** A dashboard query and its naive twin, both asked of one history. */
    record Probe(String name, Function<History, Supplier<?>> product, Function<History, Supplier<?>> naive) {
    }

    /** One call as the client and ClickHouse saw it (a call may send several statements). */
    record Cost(double clientMs, double serverMs, long readRows) {
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Long.parseLong(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000L, 10_000_000L, 100_000_000L);
        }
        Instant now = Instant.now();
        String month = LocalDate.ofInstant(now, BEIJING).toString().substring(0, 7).replace("-", "");
        try (LocalServices services = LocalServices.startForBenchmark()) {
            List<History> histories = new ArrayList<>();
            try {
                for (long size : sizes) {
                    Settings s = services.isolated("history" + size);
                    ClickHouseDb reader = ClickHouseDb.reader(s);
                    History h = new History(size, s.get(Setting.CLICKHOUSE_READER_USER), ClickHouseDb.writer(s),
                            reader, new DashboardQueries(reader, new ServerMetrics()));
                    histories.add(h);
                    long t0 = System.nanoTime();
                    grow(h.writer(), 0, size, now);
                    System.err.printf("history: %,d raw rows (%,d days) generated in %.0f s%n", size,
                            size / EVENTS_PER_DAY, (System.nanoTime() - t0) / 1e9);
                    h.writer().execute("OPTIMIZE TABLE raw_events"); // let merges settle as a live system would
                }
                awaitMerges(histories.get(0).writer());
                for (History h : histories) {
                    // FINAL merges a partition's parts at query time, so a query's cost follows
                    // the parts of the partitions it reads (a bulk insert of older days can add
                    // some to this month's), not the history's size: measured as left, then merged.
                    StringBuilder thisMonth = new StringBuilder();
                    for (String table : DASHBOARD_TABLES) {
                        thisMonth.append(String.format(" %s %d,", table,
                                parts(h, " AND table = '" + table + "' AND partition = '" + month + "'")));
                    }
                    System.err.printf("history: %,d rows: %d active parts; this month's partition of%s%n",
                            h.size(), parts(h, ""), thisMonth.substring(0, thisMonth.length() - 1));
                }
                Map<String, Map<Long, List<Cost[]>>> results = measure(histories, probes(now, ""));
                // Then with this month's partitions merged into one part each, in every history
                // alike: what the bulk load left there (one part or several) is not history size.
                for (History h : histories) {
                    for (String table : DASHBOARD_TABLES) {
                        h.writer().execute("OPTIMIZE TABLE " + table + " PARTITION " + month + " FINAL");
                    }
                    h.writer().execute("OPTIMIZE TABLE watchlist FINAL"); // not partitioned
                }
                awaitMerges(histories.get(0).writer());
                results.putAll(measure(histories, probes(now, MERGED)));
                print(sizes, results);
            } finally {
                for (History h : histories) {
                    h.writer().close();
                    h.reader().close();
                }
            }
        }
    }

    private static long parts(History h, String where) {
        return h.writer().queryLong("SELECT count() FROM system.parts WHERE active AND database = currentDatabase()"
                + where);
    }

    /**
     * Waits (up to 10 minutes) until ClickHouse runs no merge: a bulk insert leaves hundreds of
     * parts whose merges would otherwise share the two cores with the queries measured — a cost of
     * loading the history, not of its size.
     */
    static void awaitMerges(ClickHouseDb db) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        long running;
        while ((running = db.queryLong("SELECT count() FROM system.merges")) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000); // polling interval of system.merges
        }
        System.err.printf("history: merges settled in %.0f s%s%n", (System.nanoTime() - t0) / 1e9,
                running > 0 ? " (timed out: " + running + " still running)" : "");
    }

    /**
     * Adds raw rows {@code from}..{@code to} and the cases and panes of the same stretch of time.
     * Row 0 is the newest (now) and higher numbers lie further back, so each size adds older history.
     */
    static void grow(ClickHouseDb db, long from, long to, Instant now) {
        long end = now.getEpochSecond();
        String n = "(number + " + from + ")";
        db.execute("INSERT INTO raw_events (id, source, type, case_id, occurred_at, district, street, category, "
                + "unit, address, topic, kafka_partition, kafka_offset, ingested_at) SELECT "
                + "concat('h-', toString(" + n + ")), 'HOTLINE', "
                + "arrayElement(['CLOSED','RESOLVED','RESPONDED','DISPATCHED','CREATED'], " + n + " % 5 + 1), "
                + "concat('c-', toString(intDiv(" + n + ", 5))), "
                + "toDateTime(" + end + " - intDiv(" + n + " * 86400, " + EVENTS_PER_DAY + ")), "
                + district("intDiv(" + n + ", 5)") + ", 'street', 'ILLEGAL_PARKING_MOTOR', "
                + "concat('unit-', toString(intDiv(" + n + ", 5) % 40)), "
                + "concat('point-', toString(intDiv(" + n + ", 5) % " + POINTS_PER_DISTRICT + ")), "
                + "'civic.hotline', 0, " + n + ", now() FROM numbers(" + (to - from) + ")");
        long casesFrom = from / EVENTS_PER_CASE;
        String c = "(number + " + casesFrom + ")";
        String created = "toDateTime(" + end + " - intDiv(" + c + " * " + EVENTS_PER_CASE + " * 86400, "
                + EVENTS_PER_DAY + "))";
        db.execute("INSERT INTO cases (case_id, source, district, street, category, unit, address, status, created_at, "
                + "response_limit_at, resolution_limit_at, revision, written_at) SELECT "
                + "concat('c-', toString(" + c + ")), 'HOTLINE', " + district(c) + ", 'street', 'ILLEGAL_PARKING_MOTOR', "
                + "concat('unit-', toString(" + c + " % 40)), '', "
                // Recent cases open; one in a hundred older ones abandoned open, as real backlogs have.
                + "if(" + created + " > now() - 3 * 86400 OR " + c + " % 100 = 0, 'OPEN', 'CLOSED'), " + created + ", "
                + created + " + 7200, " + created + " + 3 * 86400, 1, now() FROM numbers("
                + (to / EVENTS_PER_CASE - casesFrom) + ")");
        // Panes: the city and the 16 districts each minute; each day the streets as well.
        long minutesFrom = from * 1440 / EVENTS_PER_DAY;
        long minutesTo = to * 1440 / EVENTS_PER_DAY;
        String m = "(intDiv(number, 17) + " + minutesFrom + ")";
        db.execute("INSERT INTO metric_minutes (scope, scope_kind, minute, created_hotline, response_decisions, "
                + "response_on_time, version) SELECT if(number % 17 = 0, 'city', concat('district:', "
                + districtCode("number % 17 - 1") + ")), if(number % 17 = 0, 'city', 'district'), "
                + "toDateTime(intDiv(" + end + ", 60) * 60 - " + m + " * 60), 90, 80, 78, 1 FROM numbers("
                + (minutesTo - minutesFrom) * 17 + ")");
        long daysFrom = from / EVENTS_PER_DAY;
        long daysTo = Math.max(daysFrom + 1, to / EVENTS_PER_DAY);
        String d = "(intDiv(number, 367) + " + daysFrom + ")";
        db.execute("INSERT INTO metric_days (scope, scope_kind, day, created_hotline, response_decisions, "
                + "response_on_time, version) SELECT multiIf(number % 367 = 0, 'city', number % 367 <= 16, "
                + "concat('district:', " + districtCode("number % 367 - 1") + "), concat('street:', "
                + districtCode("number % 16") + ", ':s', toString(number % 367))), "
                + "multiIf(number % 367 = 0, 'city', number % 367 <= 16, 'district', 'street'), "
                + "toDate(toDateTime(" + end + ") - " + d + " * 86400), 130000, 120000, 117000, 1 FROM numbers("
                + (daysTo - daysFrom) * 367 + ")");
        // Point-days: each district's points each day; the watch-list: 20 listings a district a
        // month, all but the last month's left again.
        String pd = "(intDiv(number, " + 16 * POINTS_PER_DISTRICT + ") + " + daysFrom + ")";
        db.execute("INSERT INTO point_days (district, street, point, day, problems, failed_checks, version) SELECT "
                + districtCode("number % 16") + ", 'street', concat('point-', toString(intDiv(number, 16) % "
                + POINTS_PER_DISTRICT + ")), toDate(toDateTime(" + end + ") - " + pd + " * 86400), "
                + "1 + number % 7, number % 3 = 0, 1 FROM numbers(" + (daysTo - daysFrom) * 16 * POINTS_PER_DISTRICT + ")");
        long monthsFrom = daysFrom / 30;
        long monthsTo = Math.max(monthsFrom + 1, daysTo / 30);
        String wm = "(intDiv(number, 320) + " + monthsFrom + ")";
        db.execute("INSERT INTO watchlist (district, street, point, entered_on, left_on, problems_30d, "
                + "failed_checks_30d, version) SELECT " + districtCode("number % 16") + ", 'street', "
                + "concat('point-', toString(intDiv(number, 16) % 20)), toDate(toDateTime(" + end + ") - " + wm
                + " * 30 * 86400), if(" + wm + " = 0, NULL, toDate(toDateTime(" + end + ") - " + wm
                + " * 30 * 86400 + 20 * 86400)), 12, 1, 1 FROM numbers(" + (monthsTo - monthsFrom) * 320 + ")");
    }

    private static String district(String caseNumber) {
        return districtCode("cityHash64(" + caseNumber + ") % 16");
    }

    private static String districtCode(String index) {
        return "arrayElement(['110101','110102','110105','110106','110107','110108','110109','110111','110112',"
                + "'110113','110114','110115','110116','110117','110118','110119'], toUInt32(" + index + ") + 1)";
    }

    /** The queries the dashboard sends to ClickHouse, each beside its naive twin. */
    static List<Probe> probes(Instant now, String suffix) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        long since24h = now.minus(Duration.ofHours(24)).getEpochSecond();
        long since7d = now.minus(Duration.ofDays(7)).getEpochSecond();
        return List.of(
                probe("timeseries (city, 24 h by hour)" + suffix,
                        q -> q.series("city", DashboardQueries.Step.HOUR, false, now.minus(Duration.ofHours(24)), now),
                        "SELECT toStartOfHour(occurred_at) AS t, countIf(type = 'CREATED') AS created FROM raw_events "
                                + "WHERE occurred_at >= toDateTime(" + since24h + ") GROUP BY t ORDER BY t"),
                ranking("ranking (districts, this month)" + suffix, now),
                probe("district totals (7 days)" + suffix,
                        q -> q.dayTotals("district:110105", today.minusDays(6), today),
                        "SELECT countIf(type = 'CREATED') AS created, countIf(type = 'RESPONDED') AS responded "
                                + "FROM raw_events WHERE district = '110105' AND occurred_at >= toDateTime(" + since7d + ")"),
                // What GET /districts/{code} asks ClickHouse: top points and watch-list (its handling
                // units' backlog comes from the live state); the naive page reads both from raw events,
                // and the units as well.
                new Probe("district detail (points, watch-list)" + suffix,
                        h -> () -> List.of(h.queries().topPoints("110105", today, 10), h.queries().watchlist("110105")),
                        h -> () -> List.of(h.reader().query("SELECT unit, count() AS open FROM (SELECT case_id, "
                                + "any(unit) AS unit FROM raw_events WHERE district = '110105' GROUP BY case_id "
                                + "HAVING countIf(type = 'CLOSED') = 0) GROUP BY unit ORDER BY open DESC LIMIT 100"),
                                h.reader().query("SELECT address, count() AS problems FROM raw_events WHERE district = "
                                        + "'110105' AND occurred_at >= toDateTime(" + since7d + ") AND type = 'CREATED' "
                                        + "GROUP BY address ORDER BY problems DESC LIMIT 10"))),
                probe("case list (open, one district)" + suffix,
                        q -> q.cases(new DashboardQueries.CaseFilter("110105", null, null, null, null, "open", null, null),
                                now, 50, 0),
                        "SELECT case_id, max(occurred_at) AS last FROM raw_events WHERE district = '110105' "
                                + "GROUP BY case_id HAVING countIf(type = 'CLOSED') = 0 ORDER BY last DESC LIMIT 51"));
    }

    /** The ranking board's query (三率 by district, this month) and its naive twin. */
    private static Probe ranking(String name, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        return probe(name, q -> q.scopeTotals("district", null, today.withDayOfMonth(1), today),
                "SELECT district, count() AS cases, countIf(responded - created <= 7200) AS on_time FROM ("
                        + "SELECT case_id, any(district) AS district, minIf(occurred_at, type = 'CREATED') AS created, "
                        + "minIf(occurred_at, type = 'RESPONDED') AS responded FROM raw_events WHERE "
                        + "occurred_at >= toDateTime('" + today.withDayOfMonth(1) + " 00:00:00') GROUP BY case_id) "
                        + "GROUP BY district");
    }

    private static Probe probe(String name, Function<DashboardQueries, Object> product, String naive) {
        return new Probe(name, h -> () -> product.apply(h.queries()), h -> () -> h.reader().query(naive));
    }

    /**
     * Each probe's product and naive calls on every history, cold, {@link #ROUNDS} times; the
     * sizes take turns going first. Per probe and size, the costs of product and naive calls.
     */
    static Map<String, Map<Long, List<Cost[]>>> measure(List<History> histories, List<Probe> probes) {
        Map<String, Map<Long, List<Cost[]>>> out = new LinkedHashMap<>();
        for (Probe p : probes) {
            Map<Long, List<Cost[]>> bySize = new LinkedHashMap<>();
            histories.forEach(h -> bySize.put(h.size(), new ArrayList<>()));
            out.put(p.name(), bySize);
        }
        for (int round = 0; round < ROUNDS; round++) {
            System.err.printf("history: round %d of %d%n", round + 1, ROUNDS);
            for (Probe p : probes) {
                for (int i = 0; i < histories.size(); i++) {
                    History h = histories.get((i + round) % histories.size());
                    Cost product = call(h, p.product().apply(h));
                    Cost naive = call(h, p.naive().apply(h));
                    out.get(p.name()).get(h.size()).add(new Cost[] {product, naive});
                }
            }
        }
        return out;
    }

    /** One cold call: the client's wait, and what ClickHouse logged for the statements it sent. */
    private static Cost call(History h, Supplier<?> query) {
        dropCaches(h.writer());
        long[] before = serverTotals(h);
        long t0 = System.nanoTime();
        query.get();
        double clientMs = (System.nanoTime() - t0) / 1e6;
        long[] after = serverTotals(h);
        return new Cost(clientMs, after[0] - before[0], after[1] - before[1]);
    }

    /**
     * The read-only user's finished queries so far, summed (server ms, rows read): the difference
     * across a call is that call's. Nothing else queries as that user during the benchmark.
     */
    private static long[] serverTotals(History h) {
        h.writer().execute("SYSTEM FLUSH LOGS");
        if (h.writer().queryLong("SELECT count() FROM system.tables WHERE database = 'system' AND name = 'query_log'") == 0) {
            return new long[2]; // ClickHouse creates the log with its first entry
        }
        JsonNode row = h.writer().query("SELECT sum(query_duration_ms) AS ms, sum(read_rows) AS read_rows"
                + " FROM system.query_log WHERE type = 2 AND user = '" + ClickHouseDb.identifier(h.readerUser())
                + "'").get(0);
        return new long[] {row.path("ms").asLong(), row.path("read_rows").asLong()};
    }

    /** Cold: ClickHouse's mark and uncompressed caches and, when allowed, the OS page cache. */
    private static void dropCaches(ClickHouseDb db) {
        db.execute("SYSTEM DROP MARK CACHE");
        db.execute("SYSTEM DROP UNCOMPRESSED CACHE");
        try {
            new ProcessBuilder("sh", "-c", "sync; echo 3 > /proc/sys/vm/drop_caches").start().waitFor();
        } catch (Exception e) {
            // Not root, or a VM that forbids it: ClickHouse's own caches are still dropped.
        }
    }

    private static double median(List<Cost[]> costs, int which, java.util.function.ToDoubleFunction<Cost> measure) {
        double[] v = costs.stream().mapToDouble(c -> measure.applyAsDouble(c[which])).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /**
     * Two tables: the client's medians (product / naive), and ClickHouse's account of the product's
     * calls. Ratios of the largest size to the smallest and, with three sizes or more, to the one
     * before it: the smallest history may not fill a query's window (a month, a week back), so its
     * queries read less, and the step between the two largest shows the cost of history alone.
     */
    private static void print(List<Long> sizes, Map<String, Map<Long, List<Cost[]>>> results) {
        long first = sizes.get(0);
        long last = sizes.get(sizes.size() - 1);
        Long before = sizes.size() >= 3 ? sizes.get(sizes.size() - 2) : null;
        String step = before == null ? null : String.format("%,d ÷ %,d", last, before);
        StringBuilder head = new StringBuilder("| query |");
        StringBuilder line = new StringBuilder("|---|");
        for (long size : sizes) {
            head.append(String.format(" %,d rows: product / naive |", size));
            line.append("---|");
        }
        String ratioLine = before == null ? "---|" : "---|---|";
        System.out.println(head + " product, largest ÷ smallest |" + (step == null ? "" : " product, " + step + " |"));
        System.out.println(line + ratioLine);
        results.forEach((query, bySize) -> {
            StringBuilder row = new StringBuilder("| " + query + " |");
            for (long size : sizes) {
                double product = median(bySize.get(size), 0, Cost::clientMs);
                double naive = median(bySize.get(size), 1, Cost::clientMs);
                row.append(String.format(" %.0f ms / %.0f ms (naive %.1f×) |", product, naive,
                        naive / Math.max(product, 0.1)));
            }
            row.append(String.format(" %.2f× |", ratio(bySize, first, last, Cost::clientMs)));
            if (before != null) {
                row.append(String.format(" %.2f× |", ratio(bySize, before, last, Cost::clientMs)));
            }
            System.out.println(row);
        });
        System.out.println();
        System.out.println("ClickHouse's own account of the product's calls (system.query_log; medians of "
                + ROUNDS + " cold calls):");
        System.out.println();
        head = new StringBuilder("| query |");
        for (long size : sizes) {
            head.append(String.format(" %,d rows: server ms, rows read |", size));
        }
        String beforeRatios = step == null ? "" : " server ms, " + step + " | rows read, " + step + " |";
        System.out.println(head + " server ms, largest ÷ smallest | rows read, largest ÷ smallest |" + beforeRatios);
        System.out.println(line + "---|---|" + (before == null ? "" : "---|---|"));
        results.forEach((query, bySize) -> {
            StringBuilder row = new StringBuilder("| " + query + " |");
            for (long size : sizes) {
                row.append(String.format(" %.0f ms, %,.0f |", median(bySize.get(size), 0, Cost::serverMs),
                        median(bySize.get(size), 0, c -> c.readRows())));
            }
            row.append(String.format(" %.2f× | %.2f× |", ratio(bySize, first, last, Cost::serverMs),
                    ratio(bySize, first, last, c -> c.readRows())));
            if (before != null) {
                row.append(String.format(" %.2f× | %.2f× |", ratio(bySize, before, last, Cost::serverMs),
                        ratio(bySize, before, last, c -> c.readRows())));
            }
            System.out.println(row);
        });
    }

    private static double ratio(Map<Long, List<Cost[]>> bySize, long from, long to,
                                java.util.function.ToDoubleFunction<Cost> measure) {
        return median(bySize.get(to), 0, measure) / Math.max(median(bySize.get(from), 0, measure), 0.1);
    }
}
