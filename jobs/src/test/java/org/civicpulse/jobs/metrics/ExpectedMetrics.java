package org.civicpulse.jobs.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SPEC §4 computed the plain way, for tests: a loop over the input events, sharing no code with
 * the product. Windows are whole minutes back from the watermark's minute (the product's
 * documented granularity), and include events already seen beyond the watermark.
 */
final class ExpectedMetrics {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long HOUR = 3_600_000L;

    /** One input event, as the test generated it. */
    record In(String id, String source, String type, String caseId, long at, String district, String category,
              Boolean urgent, Boolean resolved, String satisfaction, Boolean passed) {
    }

    private ExpectedMetrics() {
    }

    /** Counter name → value for a scope ({@code null} district = the city) at {@code watermark}. */
    static Map<String, Long> compute(List<In> events, String district, long watermark, String window) {
        Map<String, Long> m = new TreeMap<>();
        long w = Math.floorDiv(watermark, 60_000L);
        LocalDate today = Instant.ofEpochMilli(watermark).atZone(ZONE).toLocalDate();
        for (In e : events) {
            if (district != null && !district.equals(e.district()) && e.caseId() == null) {
                continue;
            }
            if (e.caseId() != null) {
                continue; // case events are counted per case below
            }
            if (e.type().equals("CHECKED") && in(e.at(), w, today, window)) {
                m.merge("checks", 1L, Long::sum);
                m.merge(Boolean.TRUE.equals(e.passed()) ? "checks_passed" : "created_inspection", 1L, Long::sum);
            }
        }
        Map<String, List<In>> cases = new HashMap<>();
        for (In e : events) {
            if (e.caseId() != null) {
                cases.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<In> c : cases.values()) {
            In opening = c.stream().filter(e -> e.type().equals("CREATED") || e.type().equals("CHECKED"))
                    .findFirst().orElseThrow();
            if (district != null && !district.equals(opening.district())) {
                continue;
            }
            countCase(m, opening, c, watermark, w, today, window);
        }
        m.values().removeIf(v -> v == 0);
        return m;
    }

    private static void countCase(Map<String, Long> m, In opening, List<In> c, long watermark, long w,
                                  LocalDate today, String window) {
        if (in(opening.at(), w, today, window)) {
            if (opening.type().equals("CHECKED")) {
                m.merge("checks", 1L, Long::sum);
                m.merge("created_inspection", 1L, Long::sum);
            } else {
                m.merge("created_" + opening.source().toLowerCase(), 1L, Long::sum);
            }
        }
        // SPEC §4: urgent if the event says so or the category's default is urgent; the flag wins.
        boolean urgent = opening.urgent() != null ? opening.urgent() : opening.category().equals("UTILITY_OUTAGE");
        long responseLimit = opening.at() + (urgent ? 2 * HOUR : 24 * HOUR);
        long resolutionLimit = opening.at() + (urgent ? 2 * HOUR
                : opening.category().equals("HEATING") ? 24 * HOUR : 7 * 24 * HOUR);
        long responded = 0;
        long resolved = 0;
        long reopened = 0;
        long closed = 0;
        In latestRating = null;
        for (In e : c) {
            switch (e.type()) {
                case "RESPONDED" -> responded = responded == 0 ? e.at() : Math.min(responded, e.at());
                case "RESOLVED" -> resolved = Math.max(resolved, e.at());
                case "REOPENED" -> reopened = Math.max(reopened, e.at());
                case "CLOSED" -> closed = closed == 0 ? e.at() : Math.min(closed, e.at());
                case "RATED" -> latestRating = latestRating == null || e.at() > latestRating.at() ? e : latestRating;
                default -> { }
            }
        }
        boolean open = closed == 0 && !(resolved > 0 && resolved > reopened);
        boolean overdue = open && watermark > resolutionLimit;
        gauge(m, window, "open", open);
        gauge(m, window, "overdue", overdue);
        gauge(m, window, "about_to_breach", open && !overdue && watermark >= resolutionLimit - 2 * HOUR);
        if (opening.source().equals("HOTLINE")) {
            if (responded > 0) {
                boolean onTime = responded <= responseLimit;
                long decided = onTime ? responded : responseLimit;
                if (in(decided, w, today, window)) {
                    m.merge("response_decisions", 1L, Long::sum);
                    m.merge("response_on_time", onTime ? 1L : 0L, Long::sum);
                }
            } else if (watermark > responseLimit) {
                if (in(responseLimit, w, today, window)) {
                    m.merge("response_decisions", 1L, Long::sum);
                }
            } else {
                gauge(m, window, "response_pending", true);
            }
            // SPEC §4: resolved cases awaiting a rating — none received since the latest resolution.
            gauge(m, window, "rating_pending", closed == 0 && resolved > 0 && resolved > reopened
                    && (latestRating == null || latestRating.at() < resolved));
            if (latestRating != null && in(latestRating.at(), w, today, window)) {
                m.merge("ratings", 1L, Long::sum);
                m.merge("ratings_resolved", Boolean.TRUE.equals(latestRating.resolved()) ? 1L : 0L, Long::sum);
                m.merge("ratings_satisfied", "SATISFIED".equals(latestRating.satisfaction()) ? 1L : 0L, Long::sum);
                m.merge("ratings_basic", "BASIC".equals(latestRating.satisfaction()) ? 1L : 0L, Long::sum);
            }
        }
        if (opening.source().equals("GRID")) {
            long resolution = open ? 0 : resolved > 0 && resolved > reopened ? resolved : closed;
            // SPEC word for word: due in the period when its limit passed in it or it was resolved in it.
            boolean limitPassedIn = watermark > resolutionLimit && in(resolutionLimit, w, today, window);
            if (limitPassedIn || resolution > 0 && in(resolution, w, today, window)) {
                m.merge("grid_closure_due", 1L, Long::sum);
                m.merge("grid_closed_on_time", resolution > 0 && resolution <= resolutionLimit ? 1L : 0L, Long::sum);
            }
        }
    }

    private static void gauge(Map<String, Long> m, String window, String name, boolean value) {
        if (window.equals("gauges") && value) {
            m.merge(name, 1L, Long::sum);
        }
    }

    private static boolean in(long at, long w, LocalDate today, String window) {
        long minute = Math.floorDiv(at, 60_000L);
        return switch (window) {
            case "last60m" -> minute > w - 60;
            case "last24h" -> minute > w - 24 * 60;
            case "last7d" -> minute > w - 7 * 24 * 60;
            case "today" -> Instant.ofEpochMilli(at).atZone(ZONE).toLocalDate().equals(today);
            case "month" -> YearMonth.from(Instant.ofEpochMilli(at).atZone(ZONE)).equals(YearMonth.from(today));
            default -> false;
        };
    }
}
