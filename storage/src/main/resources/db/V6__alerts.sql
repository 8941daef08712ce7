-- Hotspot alerts (SPEC §5): one row per state of an alert, so the table is the alert's history.
-- The job writes every change at least once; a state written again after a restart has the same
-- (id, version) and replaces its twin (read with FINAL). The current state of an alert is its row
-- with the highest version: argMax(…, version) or ORDER BY version DESC LIMIT 1 BY id.
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
