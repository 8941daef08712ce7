-- The alerts table as migration V6 (storage, another branch) creates it, so the history route is
-- tested before V6 is merged; once it is, the migration made the table and this is a no-op.
CREATE TABLE IF NOT EXISTS alerts
(
    id String,
    version UInt32,
    district String,
    street String,
    category String,
    kind Enum8('NEW' = 1, 'INTENSIFYING' = 2, 'PERSISTENT' = 3, 'DIMINISHING' = 4),
    severity Enum8('LOW' = 1, 'MEDIUM' = 2, 'HIGH' = 3),
    status Enum8('OPEN' = 1, 'ACKED' = 2, 'CLOSED' = 3),
    opened_at DateTime('Asia/Shanghai'),
    last_seen_at DateTime('Asia/Shanghai'),
    closed_at Nullable(DateTime('Asia/Shanghai')),
    observed UInt32,
    expected Float64,
    score Float64,
    points String,
    acked_by String,
    comment String,
    assigned_to String,
    written_at DateTime('Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(written_at)
PARTITION BY toYYYYMM(opened_at)
ORDER BY (id, version)
