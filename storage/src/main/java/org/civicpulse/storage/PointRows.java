package org.civicpulse.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private PointRows() {
    }

    public static String pointDay(String district, String street, String point, long epochDay, long problems,
                                  long failedChecks, long version) {
        ObjectNode row = JSON.createObjectNode();
        row.put("district", district);
        row.put("street", street);
        row.put("point", point);
        row.put("day", LocalDate.ofEpochDay(epochDay).toString());
        row.put("problems", problems);
        row.put("failed_checks", failedChecks);
        row.put("version", version);
        return row.toString();
    }

    /** {@code leftOn} is null while the point is on the list. */
    public static String watchlist(String district, String street, String point, long enteredOn, Long leftOn,
                                   long problems30d, long failedChecks30d, long version) {
        ObjectNode row = JSON.createObjectNode();
        row.put("district", district);
        row.put("street", street);
        row.put("point", point);
        row.put("entered_on", LocalDate.ofEpochDay(enteredOn).toString());
        if (leftOn == null) {
            row.putNull("left_on");
        } else {
            row.put("left_on", LocalDate.ofEpochDay(leftOn).toString());
        }
        row.put("problems_30d", problems30d);
        row.put("failed_checks_30d", failedChecks30d);
        row.put("version", version);
        return row.toString();
    }

    public static String freshness(String source, String district, Instant lastDeliveredAt, Instant lastEventAt) {
        ObjectNode row = JSON.createObjectNode();
        row.put("source", source);
        row.put("district", district);
        row.put("last_delivered_at", lastDeliveredAt.getEpochSecond());
        row.put("last_event_at", lastEventAt.getEpochSecond());
        return row.toString();
    }
}
