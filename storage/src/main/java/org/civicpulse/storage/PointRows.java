package org.civicpulse.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Maps points, watch-list entries and freshness to rows of {@code point_days}, {@code watchlist}, {@code freshness}. */
public final class PointRows {
    public static final String POINT_DAYS = "point_days";
    public static final String WATCHLIST = "watchlist";
    public static final String FRESHNESS = "freshness";
    public static final List<String> POINT_DAY_COLUMNS = List.of("district", "street", "point", "day", "problems",
            "failed_checks", "version");
    public static final List<String> WATCHLIST_COLUMNS = List.of("district", "street", "point", "entered_on",
            "left_on", "problems_30d", "failed_checks_30d", "version");
    public static final List<String> FRESHNESS_COLUMNS = List.of("source", "district", "last_delivered_at",
            "last_event_at");

    private PointRows() {
    }

    public static JsonRow pointDay(String district, String street, String point, long epochDay, long problems,
                                  long failedChecks, long version) {
        return new JsonRow()
                .put("district", district)
                .put("street", street)
                .put("point", point)
                .put("day", LocalDate.ofEpochDay(epochDay).toString())
                .put("problems", problems)
                .put("failed_checks", failedChecks)
                .put("version", version)
                ;
    }

    /** {@code leftOn} is null while the point is on the list. */
    public static JsonRow watchlist(String district, String street, String point, long enteredOn, Long leftOn,
                                   long problems30d, long failedChecks30d, long version) {
        return new JsonRow()
                .put("district", district)
                .put("street", street)
                .put("point", point)
                .put("entered_on", LocalDate.ofEpochDay(enteredOn).toString())
                .put("left_on", leftOn == null ? null : LocalDate.ofEpochDay(leftOn).toString())
                .put("problems_30d", problems30d)
                .put("failed_checks_30d", failedChecks30d)
                .put("version", version)
                ;
    }

    public static JsonRow freshness(String source, String district, Instant lastDeliveredAt, Instant lastEventAt) {
        return new JsonRow()
                .put("source", source)
                .put("district", district)
                .put("last_delivered_at", lastDeliveredAt.getEpochSecond())
                .put("last_event_at", lastEventAt.getEpochSecond())
                ;
    }
}
