-- Metric panes per scope (city, district:<code>, street:<district>:<name>, category:<code>,
-- unit:<name>, district-category:<district>:<code>), one row per minute or day, with the
-- counters of MetricCounter (see README, "Metric glossary"). The job writes a pane's absolute
-- value each time it changes, with version = the wall-clock time of writing (ms), so FINAL keeps
-- the newest row: a pane written again after a restart replaces what was written before the
-- crash, and nothing is double-counted. Rates are ratios of these counters, computed by the reader.
CREATE TABLE IF NOT EXISTS metric_minutes
(
    scope String,
    scope_kind String,
    minute DateTime('Asia/Shanghai'),
    created_hotline Int64,
    created_grid Int64,
    created_inspection Int64,
    checks Int64,
    checks_passed Int64,
    response_decisions Int64,
    response_on_time Int64,
    ratings Int64,
    ratings_resolved Int64,
    ratings_satisfied Int64,
    ratings_basic Int64,
    month_ratings Int64,
    month_ratings_resolved Int64,
    month_ratings_satisfied Int64,
    month_ratings_basic Int64,
    grid_closure_due Int64,
    grid_closed_on_time Int64,
    blind_spots Int64,
    version UInt64,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(minute)
ORDER BY (scope_kind, scope, minute);

CREATE TABLE IF NOT EXISTS metric_days
(
    scope String,
    scope_kind String,
    day Date,
    created_hotline Int64,
    created_grid Int64,
    created_inspection Int64,
    checks Int64,
    checks_passed Int64,
    response_decisions Int64,
    response_on_time Int64,
    ratings Int64,
    ratings_resolved Int64,
    ratings_satisfied Int64,
    ratings_basic Int64,
    month_ratings Int64,
    month_ratings_resolved Int64,
    month_ratings_satisfied Int64,
    month_ratings_basic Int64,
    grid_closure_due Int64,
    grid_closed_on_time Int64,
    blind_spots Int64,
    version UInt64,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (scope_kind, scope, day);

-- The backlog gauges of each scope as published, at most once a second, keyed by the minute of
-- the watermark; the last value written in a minute wins.
CREATE TABLE IF NOT EXISTS backlog_minutes
(
    scope String,
    scope_kind String,
    minute DateTime('Asia/Shanghai'),
    open Int64,
    overdue Int64,
    about_to_breach Int64,
    response_pending Int64,
    rating_pending Int64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(minute)
ORDER BY (scope_kind, scope, minute)
;

-- Problems per point (点位: the address, else a ~100 m cell of lat/lon) and day, for the
-- high-frequency points of each district (top points over 7 days).
CREATE TABLE IF NOT EXISTS point_days
(
    district String,
    street String,
    point String,
    day Date,
    problems Int64,
    failed_checks Int64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(day)
ORDER BY (district, point, day);

-- The watch-list (挂牌督办): points with at least N problems or M failed checks in 30 days, with
-- the day each entered and (when it has) left the list. One row per listing; FINAL gives its
-- latest state.
CREATE TABLE IF NOT EXISTS watchlist
(
    district String,
    street String,
    point String,
    entered_on Date,
    left_on Nullable(Date),
    problems_30d Int64,
    failed_checks_30d Int64,
    version UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (district, point, entered_on);

-- Data freshness: when each source last delivered an event for each district (wall clock) and
-- the newest event time it carried. Lag = now - last_delivered_at.
CREATE TABLE IF NOT EXISTS freshness
(
    source Enum8('HOTLINE' = 1, 'GRID' = 2, 'INSPECTION' = 3),
    district String,
    last_delivered_at DateTime('Asia/Shanghai'),
    last_event_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(last_delivered_at)
ORDER BY (source, district)
