package org.civicpulse.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicpulse.contract.MetricCounter;

/** Maps metric panes and backlog gauges to rows of {@code metric_minutes}, {@code metric_days}, {@code backlog_minutes}. */
public final class MetricRows {
    public static final String MINUTES = "metric_minutes";
    public static final String DAYS = "metric_days";
    public static final String BACKLOG = "backlog_minutes";
    private static final List<MetricCounter> PANE_COUNTERS = paneCounters();

    private MetricRows() {
    }

    /** The counters kept in panes (every counter but the gauges), in column order. */
    public static List<MetricCounter> paneCounters() {
        List<MetricCounter> result = new ArrayList<>();
        for (MetricCounter c : MetricCounter.values()) {
            if (c.kind() != MetricCounter.Kind.GAUGE) {
                result.add(c);
            }
        }
        return result;
    }

    /** The gauges, in column order. */
    public static List<MetricCounter> gauges() {
        List<MetricCounter> result = new ArrayList<>();
        for (MetricCounter c : MetricCounter.values()) {
            if (c.kind() == MetricCounter.Kind.GAUGE) {
                result.add(c);
            }
        }
        return result;
    }

    public static List<String> paneColumns(String timeColumn) {
        List<String> cols = new ArrayList<>(List.of("scope", "scope_kind", timeColumn));
        paneCounters().forEach(c -> cols.add(c.column()));
        cols.addAll(List.of("version", "written_at"));
        return cols;
    }

    public static List<String> backlogColumns() {
        List<String> cols = new ArrayList<>(List.of("scope", "scope_kind", "minute"));
        gauges().forEach(c -> cols.add(c.column()));
        cols.add("version");
        return cols;
    }

    /** A minute pane: {@code epochMinute} is minutes since the epoch. */
    public static JsonRow minute(String scope, String kind, long epochMinute, long[] counters, long version,
                                Instant writtenAt) {
        JsonRow row = new JsonRow().put("scope", scope).put("scope_kind", kind).put("minute", epochMinute * 60);
        return pane(row, counters, version, writtenAt);
    }

    /** A day pane: {@code epochDay} is the day on the Asia/Shanghai calendar. */
    public static JsonRow day(String scope, String kind, long epochDay, long[] counters, long version,
                             Instant writtenAt) {
        // Date input as text: 18.16 reads a number here as days, current releases as seconds.
        JsonRow row = new JsonRow().put("scope", scope).put("scope_kind", kind)
                .put("day", java.time.LocalDate.ofEpochDay(epochDay).toString());
        return pane(row, counters, version, writtenAt);
    }

    /** The gauges of a scope as of {@code asOf}; later writes in the same minute win. */
    public static JsonRow backlog(String scope, String kind, Instant asOf, long[] gauges, long version) {
        JsonRow row = new JsonRow().put("scope", scope).put("scope_kind", kind)
                .put("minute", asOf.getEpochSecond() / 60 * 60);
        for (MetricCounter c : gauges()) {
            row.put(c.column(), gauges[c.ordinal()]);
        }
        return row.put("version", version);
    }

    private static JsonRow pane(JsonRow row, long[] counters, long version, Instant writtenAt) {
        for (MetricCounter c : PANE_COUNTERS) {
            row.put(c.column(), counters[c.ordinal()]);
        }
        return row.put("version", version).put("written_at", writtenAt.getEpochSecond());
    }
}
