package org.civicpulse.contract;

/**
 * The counters behind every metric of SPEC §4. A <em>windowed</em> counter is added into
 * per-minute panes and summed over a period (last 60 min, 24 h, 7 days, today); a
 * <em>month</em> counter is summed over the calendar month only; a <em>gauge</em> is a current
 * level (open cases, say) that is never windowed. Rates are ratios of these counters.
 */
public enum MetricCounter {
    /** HOTLINE cases created (problems reported by citizens). */
    CREATED_HOTLINE(Kind.WINDOWED),
    /** GRID cases created (problems found by grid workers). */
    CREATED_GRID(Kind.WINDOWED),
    /** Failed spot checks (problems found by inspection). */
    CREATED_INSPECTION(Kind.WINDOWED),
    /** Spot checks made. */
    CHECKS(Kind.WINDOWED),
    /** Spot checks passed. */
    CHECKS_PASSED(Kind.WINDOWED),
    /** HOTLINE response decisions (responded, or limit passed unanswered). */
    RESPONSE_DECISIONS(Kind.WINDOWED),
    /** HOTLINE response decisions that were on time. */
    RESPONSE_ON_TIME(Kind.WINDOWED),
    /** HOTLINE ratings received, each case's latest only. */
    RATINGS(Kind.WINDOWED),
    /** ... of which say the problem is solved. */
    RATINGS_RESOLVED(Kind.WINDOWED),
    /** ... of which are SATISFIED. */
    RATINGS_SATISFIED(Kind.WINDOWED),
    /** ... of which are BASIC (基本满意). */
    RATINGS_BASIC(Kind.WINDOWED),
    /** The same four, counting each case's latest rating within each calendar month. */
    MONTH_RATINGS(Kind.MONTH),
    MONTH_RATINGS_RESOLVED(Kind.MONTH),
    MONTH_RATINGS_SATISFIED(Kind.MONTH),
    MONTH_RATINGS_BASIC(Kind.MONTH),
    /** GRID cases whose limit passed or that were resolved (closure-rate denominator). */
    GRID_CLOSURE_DUE(Kind.WINDOWED),
    /** GRID cases resolved within their limit (closure-rate numerator). */
    GRID_CLOSED_ON_TIME(Kind.WINDOWED),
    /** HOTLINE cases at a point (or street) × category where no GRID or INSPECTION problem was created in the 7 days before. */
    BLIND_SPOTS(Kind.WINDOWED),
    /** Open cases. */
    OPEN(Kind.GAUGE),
    /** Open cases past their resolution limit. */
    OVERDUE(Kind.GAUGE),
    /** Open cases due within the next 2 h. */
    ABOUT_TO_BREACH(Kind.GAUGE),
    /** HOTLINE cases awaiting a response decision. */
    RESPONSE_PENDING(Kind.GAUGE),
    /** Resolved HOTLINE cases awaiting a rating. */
    RATING_PENDING(Kind.GAUGE);

    /** How a counter is aggregated. */
    public enum Kind { WINDOWED, MONTH, GAUGE }

    public static final int SIZE = values().length;
    private final Kind kind;
    private final String column;

    MetricCounter(Kind kind) {
        this.kind = kind;
        this.column = name().toLowerCase(java.util.Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** The counter's name in JSON and ClickHouse columns, e.g. {@code created_hotline}. */
    public String column() {
        return column; // kept: row mappers ask for it once per counter per row
    }
}
