package org.civicpulse.dashboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civicpulse.contract.Settings;
import org.civicpulse.dashboard.DashboardQueries;
import org.civicpulse.dashboard.ServerMetrics;
import org.civicpulse.local.LocalServices;
import org.civicpulse.storage.ClickHouseDb;

/**
 * Cost against history size (issue 8): raw_events grown to 1M, 10M and 100M rows inside
 * ClickHouse ({@code INSERT … SELECT FROM numbers}), with the case table and metric panes the
 * same history would have left (Beijing's rate, about 130k events a day, so 100M rows are about
 * two years). At each size: the cold latency (caches dropped) of the queries the dashboard sends,
 * beside a naive dashboard that computes the same answers with GROUP BY over raw events.
 *
 * <p>Usage: {@code HistoryBenchmark [sizes…]} (default 1000000 10000000 100000000). Prints Markdown.
 */
public final class HistoryBenchmark {
    static final long EVENTS_PER_DAY = 130_000;
    static final int EVENTS_PER_CASE = 5;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int REPEATS = 5;
    /** Points (点位) with a problem on a day, per district: ~16k a day across the city. */
    static final int POINTS_PER_DISTRICT = 1_000;

    private HistoryBenchmark() {
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
        try (LocalServices services = LocalServices.startForBenchmark()) {
            Settings s = services.isolated("history");
            Map<Long, Map<String, double[]>> results = new LinkedHashMap<>();
            try (ClickHouseDb db = ClickHouseDb.writer(s); ClickHouseDb reader = ClickHouseDb.reader(s)) {
                long have = 0;
                for (long size : sizes) {
                    long t0 = System.nanoTime();
                    grow(db, have, size, now);
                    have = size;
                    System.err.printf("history: %,d raw rows (%,d days) generated in %.0f s; %d parts%n", size,
                            size / EVENTS_PER_DAY, (System.nanoTime() - t0) / 1e9,
                            db.queryLong("SELECT count() FROM system.parts WHERE active AND database = currentDatabase()"));
                    db.execute("OPTIMIZE TABLE raw_events"); // let background merges settle as a live system would
                    awaitMerges(db);
                    String month = LocalDate.ofInstant(now, BEIJING).toString().substring(0, 7).replace("-", "");
                    // FINAL merges a partition's parts at query time, so the ranking's cost follows
                    // the parts of this month's metric_days partition (a bulk insert of older days
                    // can add one), not the history's size: measured as left, then merged.
                    System.err.printf("history: this month's metric_days partition has %d part(s)%n",
                            db.queryLong("SELECT count() FROM system.parts WHERE active AND database = "
                                    + "currentDatabase() AND table = 'metric_days' AND partition = '" + month + "'"));
                    DashboardQueries queries = new DashboardQueries(reader, new ServerMetrics());
                    Map<String, double[]> measured = measure(db, queries, now);
                    db.execute("OPTIMIZE TABLE metric_days PARTITION " + month + " FINAL");
                    measured.put("ranking, this month's panes merged into one part", ranking(db, queries, now));
                    results.put(size, measured);
                }
            }
            print(results);
        }
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

    /** Median cold latency (ms) of each product query and its naive twin. */
    static Map<String, double[]> measure(ClickHouseDb db, DashboardQueries q, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        long since24h = now.minus(Duration.ofHours(24)).getEpochSecond();
        long since7d = now.minus(Duration.ofDays(7)).getEpochSecond();
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("timeseries (city, 24 h by hour)", pair(db,
                () -> q.series("city", DashboardQueries.Step.HOUR, false, now.minus(Duration.ofHours(24)), now),
                "SELECT toStartOfHour(occurred_at) AS t, countIf(type = 'CREATED') AS created FROM raw_events "
                        + "WHERE occurred_at >= toDateTime(" + since24h + ") GROUP BY t ORDER BY t"));
        out.put("ranking (districts, this month)", ranking(db, q, now));
        out.put("district totals (7 days)", pair(db,
                () -> q.dayTotals("district:110105", today.minusDays(6), today),
                "SELECT countIf(type = 'CREATED') AS created, countIf(type = 'RESPONDED') AS responded "
                        + "FROM raw_events WHERE district = '110105' AND occurred_at >= toDateTime(" + since7d + ")"));
        // What GET /districts/{code} asks ClickHouse: top points and watch-list (its handling units'
        // backlog comes from the live state); the naive page reads all three from raw events.
        out.put("district detail (points, watch-list)", pair(db,
                () -> List.of(q.topPoints("110105", today, 10), q.watchlist("110105")),
                () -> List.of(db.query("SELECT unit, count() AS open FROM (SELECT case_id, any(unit) AS unit "
                        + "FROM raw_events WHERE district = '110105' GROUP BY case_id HAVING countIf(type = 'CLOSED') = 0) "
                        + "GROUP BY unit ORDER BY open DESC LIMIT 100"),
                        db.query("SELECT address, count() AS problems FROM raw_events WHERE district = '110105' "
                                + "AND occurred_at >= toDateTime(" + since7d + ") AND type = 'CREATED' "
                                + "GROUP BY address ORDER BY problems DESC LIMIT 10"))));
        out.put("case list (open, one district)", pair(db,
                () -> q.cases(new DashboardQueries.CaseFilter("110105", null, null, null, null, "open", null, null),
                        now, 50, 0),
                "SELECT case_id, max(occurred_at) AS last FROM raw_events WHERE district = '110105' "
                        + "GROUP BY case_id HAVING countIf(type = 'CLOSED') = 0 ORDER BY last DESC LIMIT 51"));
        return out;
    }

    /** The ranking board's query (三率 by district, this month) and its naive twin. */
    private static double[] ranking(ClickHouseDb db, DashboardQueries q, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, BEIJING);
        return pair(db, () -> q.scopeTotals("district", null, today.withDayOfMonth(1), today),
                "SELECT district, count() AS cases, countIf(responded - created <= 7200) AS on_time FROM ("
                        + "SELECT case_id, any(district) AS district, minIf(occurred_at, type = 'CREATED') AS created, "
                        + "minIf(occurred_at, type = 'RESPONDED') AS responded FROM raw_events WHERE "
                        + "occurred_at >= toDateTime('" + today.withDayOfMonth(1) + " 00:00:00') GROUP BY case_id) "
                        + "GROUP BY district");
    }

    private static double[] pair(ClickHouseDb db, Supplier<?> product, String naive) {
        return pair(db, product, () -> db.query(naive));
    }

    private static double[] pair(ClickHouseDb db, Supplier<?> product, Supplier<?> naive) {
        return new double[] {median(db, product), median(db, naive)};
    }

    private static double median(ClickHouseDb db, Supplier<?> query) {
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            dropCaches(db);
            long t0 = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[REPEATS / 2];
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

    private static void print(Map<Long, Map<String, double[]>> results) {
        List<Long> sizes = new ArrayList<>(results.keySet());
        StringBuilder head = new StringBuilder("| query |");
        StringBuilder line = new StringBuilder("|---|");
        for (long size : sizes) {
            head.append(String.format(" %,d rows: product / naive |", size));
            line.append("---|");
        }
        head.append(" product, largest ÷ smallest |");
        line.append("---|");
        System.out.println(head);
        System.out.println(line);
        for (String query : results.get(sizes.get(0)).keySet()) {
            StringBuilder row = new StringBuilder("| " + query + " |");
            for (long size : sizes) {
                double[] v = results.get(size).get(query);
                row.append(String.format(" %.0f ms / %.0f ms (naive %.1f×) |", v[0], v[1], v[1] / Math.max(v[0], 0.1)));
            }
            double first = results.get(sizes.get(0)).get(query)[0];
            double last = results.get(sizes.get(sizes.size() - 1)).get(query)[0];
            row.append(String.format(" %.2f× |", last / Math.max(first, 0.1)));
            System.out.println(row);
        }
    }
}
