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
