-- Every case with its current status, stage times, limits and handling unit, so the dashboard
-- can list the cases behind any number. One row per case version; revision is the wall-clock
-- time of writing (ms), so FINAL keeps the newest, also after a restart from a checkpoint. overdue / about_to_breach are as of the
-- row's writing; a reader that needs them "now" compares resolution_limit_at with now.
CREATE TABLE IF NOT EXISTS cases
(
    case_id String,
    source Enum8('HOTLINE' = 1, 'GRID' = 2, 'INSPECTION' = 3),
    district String,
    street String,
    category String,
    unit String,
    address String,
    urgent UInt8,
    status Enum8('OPEN' = 1, 'RESOLVED' = 2, 'CLOSED' = 3),
    created_at DateTime('Asia/Shanghai'),
    dispatched_at Nullable(DateTime('Asia/Shanghai')),
    responded_at Nullable(DateTime('Asia/Shanghai')),
    resolved_at Nullable(DateTime('Asia/Shanghai')),
    reopened_at Nullable(DateTime('Asia/Shanghai')),
    closed_at Nullable(DateTime('Asia/Shanghai')),
    response_limit_at DateTime('Asia/Shanghai'),
    resolution_limit_at DateTime('Asia/Shanghai'),
    overdue UInt8,
    about_to_breach UInt8,
    ratings UInt16,
    last_rating_resolved Nullable(UInt8),
    last_satisfaction String,
    revision UInt64,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(created_at)
ORDER BY case_id
