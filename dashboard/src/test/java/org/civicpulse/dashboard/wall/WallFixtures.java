package org.civicpulse.dashboard.wall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written API payloads in the shapes of docs/API.md (ScopeView, Alert, Case, …), so the
 * page can be driven without Kafka or ClickHouse. Values are simple functions of the district's
 * position, written here and not taken from the product's code.
 */
final class WallFixtures {
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** The 16 districts: code, Chinese name, English name (docs: shared/domain/districts.csv). */
    static final List<String[]> DISTRICTS = List.of(
            new String[] {"110101", "东城区", "Dongcheng"}, new String[] {"110102", "西城区", "Xicheng"},
            new String[] {"110105", "朝阳区", "Chaoyang"}, new String[] {"110106", "丰台区", "Fengtai"},
            new String[] {"110107", "石景山区", "Shijingshan"}, new String[] {"110108", "海淀区", "Haidian"},
            new String[] {"110109", "门头沟区", "Mentougou"}, new String[] {"110111", "房山区", "Fangshan"},
            new String[] {"110112", "通州区", "Tongzhou"}, new String[] {"110113", "顺义区", "Shunyi"},
            new String[] {"110114", "昌平区", "Changping"}, new String[] {"110115", "大兴区", "Daxing"},
            new String[] {"110116", "怀柔区", "Huairou"}, new String[] {"110117", "平谷区", "Pinggu"},
            new String[] {"110118", "密云区", "Miyun"}, new String[] {"110119", "延庆区", "Yanqing"});
    static final String[] CATEGORIES = {"NOISE", "ILLEGAL_PARKING_MOTOR", "GARBAGE_SORTING", "ENV_SANITATION",
        "PILED_MATERIALS"};
    /** Streets of 东城区 used in the district scene (names as in streets.csv). */
    static final String[] DONGCHENG_STREETS = {"东华门街道", "景山街道", "交道口街道", "安定门街道"};

    private WallFixtures() {
    }

    static String now() {
        return OffsetDateTime.now(BEIJING).withNano(0).toString();
    }

    /** Hotline cases today in district i (0-based): 1000 + 100 i. */
    static int hotlineToday(int i) {
        return 1000 + 100 * i;
    }

    static JsonObject perSource(int hotline, int grid, int inspection) {
        return new JsonObject().put("HOTLINE", hotline).put("GRID", grid).put("INSPECTION", inspection);
    }

    static JsonObject rates(double response, double resolution, double satisfaction) {
        double composite = 0.10 * response + 0.45 * resolution + 0.45 * satisfaction;
        return new JsonObject().put("response", response).put("resolution", resolution)
                .put("satisfaction", satisfaction).put("composite", composite)
                .put("responsePending", 31).put("ratingPending", 204)
                .put("responseDecisions", 900).put("ratings", 700);
    }

    static JsonObject freshness(boolean stale, long lagSeconds) {
        JsonObject one = new JsonObject().put("lagSeconds", lagSeconds).put("stale", stale)
                .put("lastDeliveredAt", OffsetDateTime.now(BEIJING).minusSeconds(lagSeconds).withNano(0).toString());
        return new JsonObject().put("HOTLINE", one).put("GRID", one.copy()).put("INSPECTION", one.copy());
    }

    static JsonObject scopeView(String scope, int hotline, int open, int overdue) {
        JsonObject rates = rates(0.99, 0.9, 0.93);
        return new JsonObject().put("scope", scope).put("asOf", now())
                .put("today", perSource(hotline, hotline / 2, hotline / 50))
                .put("last60m", perSource(hotline / 20, hotline / 40, 1))
                .put("last24h", perSource(hotline + 100, hotline / 2 + 50, hotline / 50 + 2))
                .put("open", open).put("overdue", overdue).put("aboutToBreach", overdue / 4)
                .put("rates", new JsonObject().put("24h", rates).put("7d", rates.copy()).put("month", rates.copy()))
                .put("proactiveShare", new JsonObject().put("24h", 0.44).put("today", 0.43))
                .put("spotCheckPassRate", new JsonObject().put("24h", 0.91).put("today", 0.9))
                .put("gridClosureRate", new JsonObject().put("24h", 0.97))
                .put("blindSpots", new JsonObject().put("24h", 12));
    }

    static JsonObject district(int i) {
        String[] d = DISTRICTS.get(i);
        return scopeView("district:" + d[0], hotlineToday(i), 2000 + 10 * i, 40 + i)
                .put("code", d[0]).put("name", d[1]).put("nameEn", d[2])
                .put("per10k", new JsonObject().put("24h", 1.0 + i / 10.0).put("today", 0.5 + i / 10.0))
                .put("freshness", freshness(false, 3));
    }

    static JsonObject city() {
        int hotline = 0;
        for (int i = 0; i < DISTRICTS.size(); i++) {
            hotline += hotlineToday(i);
        }
        return scopeView("city", hotline, 36_000, 800).put("freshness", freshness(false, 2))
                .put("per10k", new JsonObject().put("24h", 1.2).put("today", 1.1));
    }

    static JsonObject alert(String id, String district, String street, String category, String severity) {
        return new JsonObject().put("id", id).put("district", district).put("street", street)
                .put("category", category).put("kind", "NEW").put("severity", severity).put("status", "OPEN")
                .put("openedAt", OffsetDateTime.now(BEIJING).minusMinutes(12).withNano(0).toString())
                .put("lastSeenAt", now()).put("observed", 27).put("expected", 6.5).put("score", 4.2)
                .put("points", new JsonArray()).put("version", 1);
    }

    static JsonObject entry(String kind, String key, JsonObject data) {
        return new JsonObject().put("kind", kind).put("key", key).put("data", data);
    }

    /** The city channel's entries: city, 16 districts, categories and one alert. */
    static JsonArray cityEntries() {
        JsonArray entries = new JsonArray().add(entry("metrics", "city", city()));
        for (int i = 0; i < DISTRICTS.size(); i++) {
            entries.add(entry("metrics", "district:" + DISTRICTS.get(i)[0], district(i)));
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            entries.add(entry("metrics", "category:" + CATEGORIES[c], scopeView("category:" + CATEGORIES[c],
                    3000 - 400 * c, 500, 10)));
        }
        JsonObject alert = alert("alert-seed", "110105", "三里屯街道", "NOISE", "MEDIUM");
        return entries.add(entry("alert", "alert:" + alert.getString("id"), alert));
    }

    /** A district channel's entries: the district, its streets and categories. */
    static JsonArray districtEntries(String code) {
        int i = indexOf(code);
        JsonArray entries = new JsonArray().add(entry("metrics", "district:" + code, district(i)));
        for (int s = 0; s < DONGCHENG_STREETS.length; s++) {
            String scope = "street:" + code + ":" + DONGCHENG_STREETS[s];
            entries.add(entry("metrics", scope, scopeView(scope, 200 - 30 * s, 300 - 40 * s, 5 + s)
                    .put("name", DONGCHENG_STREETS[s])));
        }
        for (int c = 0; c < CATEGORIES.length; c++) {
            String scope = "district-category:" + code + ":" + CATEGORIES[c];
            entries.add(entry("metrics", scope, scopeView(scope, 300 - 40 * c, 50, 1)));
        }
        return entries;
    }

    static int indexOf(String code) {
        for (int i = 0; i < DISTRICTS.size(); i++) {
            if (DISTRICTS.get(i)[0].equals(code)) {
                return i;
            }
        }
        return -1;
    }

    static JsonObject districtDetail(String code) {
        JsonArray streets = new JsonArray();
        districtEntries(code).stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("key").startsWith("street:")).forEach(e -> streets.add(e.getJsonObject("data")));
        return new JsonObject().put("district", district(indexOf(code))).put("streets", streets)
                .put("categories", new JsonArray())
                .put("units", new JsonArray().add(new JsonObject().put("unit", "东华门街道办事处").put("open", 120)
                        .put("overdue", 3).put("aboutToBreach", 1)))
                .put("topPoints", new JsonArray().add(new JsonObject().put("point", "王府井大街" + code)
                        .put("street", "东华门街道").put("problems", 40 + indexOf(code)).put("failedChecks", 2)))
                .put("watchlist", new JsonArray().add(new JsonObject().put("point", "金鱼胡同" + code)
                        .put("street", "东华门街道").put("enteredOn", "2026-11-01").put("problems30d", 14)
                        .put("failedChecks30d", 3)))
                .put("alerts", new JsonArray());
    }

    static JsonObject cases(int count) {
        JsonArray cases = new JsonArray();
        for (int n = 0; n < count; n++) {
            cases.add(new JsonObject().put("caseId", "HL-2026-" + (1000 + n)).put("source", "HOTLINE")
                    .put("district", "110101").put("street", "东华门街道").put("category", "NOISE")
                    .put("unit", "东华门街道办事处").put("address", "王府井大街").put("urgent", false)
                    .put("status", "OPEN").put("createdAt", now()).put("respondedAt", null)
                    .put("resolvedAt", null).put("closedAt", null)
                    .put("responseLimitAt", now()).put("resolutionLimitAt", now())
                    .put("overdue", n % 3 == 0).put("aboutToBreach", false).put("lastSatisfaction", ""));
        }
        return new JsonObject().put("cases", cases).put("limit", 50).put("offset", 0).put("hasMore", false);
    }

    /** A series whose level depends on the metric: rates near 0.93, counts per hour near 1,200. */
    static JsonObject timeseries(String metric) {
        boolean rate = metric.endsWith("_rate") || metric.equals("proactive_share") || metric.equals("composite");
        double base = rate ? 0.93 : metric.equals("open") ? 33_000 : metric.equals("overdue") ? 700
                : metric.equals("about_to_breach") ? 180 : metric.startsWith("created_") ? 24_000 : 1_200;
        JsonArray points = new JsonArray();
        JsonArray lastWeek = new JsonArray();
        Instant start = Instant.now().minusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (int h = 0; h <= 24; h++) {
            Instant t = start.plusSeconds(3600L * h);
            double shape = rate ? 1 : 0.6 + 0.5 * Math.sin(Math.PI * ((h + 17) % 24) / 24.0);
            points.add(new JsonObject().put("t", t.atOffset(BEIJING).toString()).put("value", base * shape));
            lastWeek.add(new JsonObject().put("t", t.minusSeconds(7 * 86_400).atOffset(BEIJING).toString())
                    .put("value", base * shape * 0.95));
        }
        return new JsonObject().put("metric", metric).put("scope", "city").put("step", "1h")
                .put("from", start.atOffset(BEIJING).toString()).put("to", now()).put("points", points)
                .put("lastWeek", lastWeek).put("total", base).put("previousWeekTotal", rate ? base - 0.01 : base * 0.95)
                .put("monthOnMonth", null).put("yearOnYear", null);
    }

    static JsonObject ranking(String by) {
        JsonArray rows = new JsonArray();
        if ("street".equals(by)) {
            for (int s = 0; s < DONGCHENG_STREETS.length; s++) {
                rows.add(new JsonObject().put("rank", s + 1).put("scope", "street:110101:" + DONGCHENG_STREETS[s])
                        .put("name", DONGCHENG_STREETS[s]).put("district", "110101").put("response", 1.0)
                        .put("resolution", 0.97 - s / 50.0).put("satisfaction", 0.98 - s / 50.0)
                        .put("composite", 0.975 - s / 50.0).put("responseDecisions", 90).put("ratings", 70)
                        .put("spotChecks", 8).put("spotCheckPassRate", 0.875).put("cases", 200 - 30 * s));
            }
            return new JsonObject().put("by", by).put("period", "month").put("from", now()).put("to", now())
                    .put("rows", rows);
        }
        List<String[]> names = new ArrayList<>(DISTRICTS);
        for (int i = 0; i < names.size(); i++) {
            String[] d = names.get(i);
            rows.add(new JsonObject().put("rank", i + 1).put("scope", "district:" + d[0]).put("name", d[1])
                    .put("district", d[0]).put("response", 0.99).put("resolution", 0.95 - i / 100.0)
                    .put("satisfaction", 0.96 - i / 100.0).put("composite", 0.96 - i / 100.0)
                    .put("responseDecisions", 900).put("ratings", 700).put("spotChecks", 40)
                    .put("spotCheckPassRate", 0.9).put("cases", 1000 + i));
        }
        return new JsonObject().put("by", by).put("period", "month").put("from", now()).put("to", now())
                .put("rows", rows);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
